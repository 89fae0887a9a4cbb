#!/usr/bin/env bash
# Does a burst of wrong Secrets slow down other clients' token requests? (docs/throttling.md)
# On a throw-away PostgreSQL, with load from wrk on the same machine, three runs of the same
# well-behaved client (client_credentials, 8 connections, its own address):
#  1. alone;
#  2. while an attacker sends wrong Secrets for another Key from its own address, 8 connections;
#  3. the same attack with the throttle's limits raised out of reach (what the throttle buys).
# Client addresses are set with X-Forwarded-For (the app runs with forward-headers-strategy=native).
#
#   bash bench/abuse.sh               # 20 s per run
#   DURATION=60s bash bench/abuse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

bench_prepare
bench_start_app --server.forward-headers-strategy=native
bench_register_application "LIST"
GOOD_KEY=$CLIENT_KEY GOOD_SECRET=$CLIENT_SECRET
bench_new_application "$WORK/cookies" "Attacked app" "LIST"
ATTACKED_KEY=$CLIENT_KEY

good=$(printf '%s:%s' "$GOOD_KEY" "$GOOD_SECRET" | base64 -w0)
bad=$(printf '%s:%s' "$ATTACKED_KEY" "not-the-secret" | base64 -w0)
cat > "$WORK/good.lua" <<LUA
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $good"
wrk.headers["X-Forwarded-For"] = "198.51.100.1"
-- Counts the answers by status, written out when the run ends.
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total, parts = {}, {}
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses")) do total[code] = (total[code] or 0) + n end
  end
  for code, n in pairs(total) do table.insert(parts, code .. ": " .. n) end
  local out = io.open("$WORK/good.statuses", "w"); out:write(table.concat(parts, ", ")); out:close()
end
LUA
cat > "$WORK/attack.lua" <<LUA
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $bad"
wrk.headers["X-Forwarded-For"] = "203.0.113.66"
LUA

# The attacker's answers, by status, over one run.
attack() {
    wrk -t1 -c8 -d"$DURATION" -s "$WORK/attack.lua" "$APP_URL/oauth2/token" > "$WORK/attack.out" 2>&1
}
attack_summary() {
    local total non2xx
    total=$(awk '/requests in/ {print $1}' "$WORK/attack.out")
    non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/attack.out")
    printf '   attacker: %s wrong-Secret requests (%s/s), %s refused\n' "$total" \
        "$(awk '/Requests\/sec/ {print $2}' "$WORK/attack.out")" "${non2xx:-0}"
}
good_summary() {
    echo "   the client's answers by status: $(cat "$WORK/good.statuses")"
}
status_of() {
    curl -s -o /dev/null -w '%{http_code}' -u "$ATTACKED_KEY:not-the-secret" -H "X-Forwarded-For: 203.0.113.66" \
        -d grant_type=client_credentials "$APP_URL/oauth2/token"
}

bench_warm_up "$WORK/good.lua" "$APP_URL/oauth2/token"
echo
echo "== a well-behaved client's client_credentials tokens (${DURATION} per run, 8 connections) =="
printf 'alone:                    '; bench_run 8 "$WORK/good.lua" "$APP_URL/oauth2/token" "tokens/s"
good_summary

attack & ATTACK_PID=$!
printf 'under attack, throttled:  '; bench_run 8 "$WORK/good.lua" "$APP_URL/oauth2/token" "tokens/s"
wait $ATTACK_PID; good_summary; attack_summary
echo "   the attacker's next request answers $(status_of)"

kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
bench_start_app --server.forward-headers-strategy=native \
    --partnerapps.throttling.clients.failures-per-address=1000000000 \
    --partnerapps.throttling.clients.failures-per-key=1000000000
bench_warm_up "$WORK/good.lua" "$APP_URL/oauth2/token"
attack & ATTACK_PID=$!
printf 'under attack, unthrottled:'; bench_run 8 "$WORK/good.lua" "$APP_URL/oauth2/token" "tokens/s"
wait $ATTACK_PID; good_summary; attack_summary
echo "   the attacker's next request answers $(status_of)"
bench_report
