#!/usr/bin/env bash
# Benchmarks against the app on a throw-away PostgreSQL, load from wrk on the same machine:
#  1. the token endpoint (issue #5): client_credentials tokens/s and latency at 8 and 32 connections;
#  2. a platform API (issue #6): GET of a list's items with a valid token at 32 connections.
#
#   bash bench/token-endpoint.sh            # 20 s per run
#   DURATION=60s bash bench/token-endpoint.sh
#
# Needs: a JDK (Java 25 used when installed under /usr/lib/jvm), PostgreSQL binaries and wrk
# (both installed from Debian's packages when missing and running as root), curl.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

bench_prepare
bench_start_app
bench_register_application "LIST EXPRPT CCARD"

auth=$(printf '%s:%s' "$CLIENT_KEY" "$CLIENT_SECRET" | base64 -w0)
cat > "$WORK/token.lua" <<LUA
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $auth"
LUA

# Sanity check: one real token before measuring.
curl -fsS -u "$CLIENT_KEY:$CLIENT_SECRET" -d grant_type=client_credentials "$APP_URL/oauth2/token" \
    | grep -q '"access_token"' || { echo "bench: no token from the endpoint" >&2; exit 1; }

bench_warm_up "$WORK/token.lua" "$APP_URL/oauth2/token"
echo
echo "== client_credentials at $APP_URL/oauth2/token (${DURATION} per run) =="
for connections in 8 32; do
    bench_run "$connections" "$WORK/token.lua" "$APP_URL/oauth2/token" "tokens/s"
done
# A "Project Codes" list with 25 items for the API run (the postgres profile has no demo data).
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d partnerapps -c \
    "insert into lists (company_id, name) select id, 'Project Codes' from companies where domain = '$COMPANY_DOMAIN'" >/dev/null
LIST_ID=$("$PG_BIN/psql" -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d partnerapps -c \
    "select l.id from lists l join companies c on c.id = l.company_id where c.domain = '$COMPANY_DOMAIN'")
TOKEN=$(curl -fsS -u "$CLIENT_KEY:$CLIENT_SECRET" -d grant_type=client_credentials -d scope=LIST "$APP_URL/oauth2/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
for i in $(seq 1 25); do
    curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
        -d "{\"listId\": $LIST_ID, \"code\": \"PRJ-$i\", \"name\": \"Project $i\"}" "$APP_URL/api/v3.0/common/listitems"
done
cat > "$WORK/items.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA
ITEMS_URL="$APP_URL/api/v3.0/common/listitems?listId=$LIST_ID"
curl -fsS -H "Authorization: Bearer $TOKEN" "$ITEMS_URL" | grep -q '"PRJ-1"' || { echo "bench: no items" >&2; exit 1; }
bench_warm_up "$WORK/items.lua" "$ITEMS_URL"
echo
echo "== GET /api/v3.0/common/listitems (25 items, live enablement check on every call) =="
for connections in 8 32; do
    bench_run "$connections" "$WORK/items.lua" "$ITEMS_URL" "requests/s"
done
bench_report
