#!/usr/bin/env bash
# Partner Apps against Keycloak (issue #15): the client_credentials token endpoint of both, one system
# at a time on the same machine and the same throw-away PostgreSQL, with the same wrk load, warm-up
# and runs. Prints every run, the median and the worst p99 per system and concurrency, each one's
# start-up and peak RSS, and Partner Apps' throughput as a multiple of Keycloak's.
#
#   bash bench/keycloak.sh                          # Keycloak 26.7.3, 120 s warm-ups, 3 x 15 s runs
#   KEYCLOAK_VERSION=26.5.6 WARMUP=30s bash bench/keycloak.sh
#   KEYCLOAK_ALG=RS256 bash bench/keycloak.sh       # Keycloak's default signature (ours is ES256)
#   BENCH_JVM_OPTS="-XX:+UseSerialGC -Xms192m -Xmx192m" bash bench/keycloak.sh   # Partner Apps' JVM options
#
# Keycloak comes from Maven Central (org.keycloak:keycloak-quarkus-dist), cached in
# ~/.cache/partnerapps-bench. It runs with its own defaults (kc.sh's heap settings), on PostgreSQL,
# in production mode over plain HTTP, with a realm "bench" and a confidential client that has a
# service account. By default the realm signs with ES256, like Partner Apps, so both sign the same
# algorithm (Partner Apps with Bouncy Castle's ECDSA, docs/performance.md, "Signing with Bouncy Castle");
# KEYCLOAK_ALG=RS256 measures Keycloak's out-of-the-box setting.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.7.3}
KEYCLOAK_ALG=${KEYCLOAK_ALG:-ES256}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-120s}
source bench/lib.sh
CONNECTIONS=(8 32)

bench_prepare

# Results as lines "<system> <connections> <tokens/s> <p99 ms>".
RESULTS="$WORK/results"
: > "$RESULTS"
measure() {
    local system=$1 script=$2 url=$3 connections run
    bench_warm_up "$script" "$url"
    echo "== $system: client_credentials at $url (${DURATION} per run) =="
    for connections in "${CONNECTIONS[@]}"; do
        for run in $(seq 1 "$RUNS"); do
            printf 'run %d/%d  ' "$run" "$RUNS"
            bench_run "$connections" "$script" "$url" "tokens/s"
            echo "$system $connections $LAST_RPS $LAST_P99_MS" >> "$RESULTS"
        done
    done
}

# --- Partner Apps ---
bench_start_app
PA_READY_MS=$STARTUP_READY_MS
bench_register_application "LIST EXPRPT CCARD"
bench_token_script "$CLIENT_KEY" "$CLIENT_SECRET" "$WORK/token.lua"
echo "Partner Apps: ready in $(ms_to_s "$PA_READY_MS") s (JVM options: ${JVM_OPTS:-none})"
measure partnerapps "$WORK/token.lua" "$APP_URL/oauth2/token"
PA_RSS=$(app_peak_rss)
bench_stop_app

# --- Keycloak ---
KC_HOME="${XDG_CACHE_HOME:-$HOME/.cache}/partnerapps-bench/keycloak-$KEYCLOAK_VERSION"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    echo "bench: downloading Keycloak $KEYCLOAK_VERSION from Maven Central"
    mkdir -p "$(dirname "$KC_HOME")"
    curl -fsS -o "$WORK/keycloak.tar.gz" \
        "https://repo.maven.apache.org/maven2/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
    tar xzf "$WORK/keycloak.tar.gz" -C "$(dirname "$KC_HOME")"
fi
bench_create_db keycloak
KC_PORT=$(free_port 18380)
KC_MGMT_PORT=$(free_port 19000)
KC_URL="http://127.0.0.1:$KC_PORT"
KC_LOG="$WORK/keycloak.log"
KC_DB=(--db=postgres --health-enabled=true)
echo "bench: building Keycloak's optimized configuration"
JAVA_HOME=$JAVA_HOME "$KC_HOME/bin/kc.sh" build "${KC_DB[@]}" > "$KC_LOG" 2>&1
KC_LAUNCHED_NS=$(date +%s%N)
JAVA_HOME=$JAVA_HOME KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --hostname-strict=false \
    --http-host=127.0.0.1 --http-port="$KC_PORT" --http-management-port="$KC_MGMT_PORT" \
    --db-url="jdbc:postgresql://127.0.0.1:$PG_PORT/keycloak" --db-username=postgres --db-password=postgres \
    --log-level=warn >> "$KC_LOG" 2>&1 &
KC_SH_PID=$!
APP_PID=$KC_SH_PID
for _ in $(seq 1 2400); do
    curl -fsS -m 1 "http://127.0.0.1:$KC_MGMT_PORT/health/ready" >/dev/null 2>&1 && break
    kill -0 "$KC_SH_PID" 2>/dev/null || { cat "$KC_LOG" >&2; echo "bench: Keycloak did not start" >&2; exit 1; }
    sleep 0.05
done
# kc.sh runs java as its child: APP_PID, whose CPU and memory bench_run and app_peak_rss read and
# which bench_stop_app stops, is that java process.
APP_PID=$(pgrep -P "$KC_SH_PID" java | head -n 1)
[ -n "$APP_PID" ] || { echo "bench: Keycloak's java process not found" >&2; exit 1; }
KC_READY_MS=$(( ($(date +%s%N) - KC_LAUNCHED_NS) / 1000000 ))
echo "Keycloak $KEYCLOAK_VERSION: ready in $(ms_to_s "$KC_READY_MS") s"

# A realm signing with $KEYCLOAK_ALG and a confidential client with a service account.
admin_token=$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$KC_URL/realms/master/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
kc_admin() {
    curl -fsS -H "Authorization: Bearer $admin_token" -H "Content-Type: application/json" "$@"
}
kc_admin -d "{\"realm\": \"bench\", \"enabled\": true, \"defaultSignatureAlgorithm\": \"$KEYCLOAK_ALG\"}" \
    "$KC_URL/admin/realms"
KC_SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
kc_admin -d "{\"clientId\": \"bench\", \"enabled\": true, \"publicClient\": false, \"secret\": \"$KC_SECRET\",
    \"serviceAccountsEnabled\": true, \"standardFlowEnabled\": false, \"directAccessGrantsEnabled\": false}" \
    "$KC_URL/admin/realms/bench/clients"
KC_TOKEN_URL="$KC_URL/realms/bench/protocol/openid-connect/token"
bench_token_script bench "$KC_SECRET" "$WORK/keycloak.lua" "$KC_TOKEN_URL"
header=$(curl -fsS -u "bench:$KC_SECRET" -d grant_type=client_credentials "$KC_TOKEN_URL" \
    | sed 's/.*"access_token":"\([^".]*\)\..*/\1/' | tr '_-' '/+' | base64 -d 2>/dev/null || true)
echo "Keycloak's token header: $header"
measure keycloak "$WORK/keycloak.lua" "$KC_TOKEN_URL"
KC_RSS=$(app_peak_rss)
bench_stop_app
wait "$KC_SH_PID" 2>/dev/null || true

echo
echo "Side by side ($RUNS runs of $DURATION per concurrency after a $WARMUP warm-up each; wrk on the same machine):"
awk "$AWK_MEDIAN"'
    { key = $1 " " $2; rps[key] = rps[key] " " $3; if ($4 + 0 > worst[key] + 0) worst[key] = $4; conns[$2] = 1 }
    END {
        for (c in conns) {
            pa = median(rps["partnerapps " c]); kc = median(rps["keycloak " c])
            printf "  %2d connections: Partner Apps %7.0f tokens/s (worst p99 %.1f ms), Keycloak %6.0f tokens/s (worst p99 %.1f ms): %.1fx\n",
                c, pa, worst["partnerapps " c], kc, worst["keycloak " c], (kc > 0 ? pa / kc : 0)
        }
    }' "$RESULTS" | sort -n -k1
echo "  start to ready: Partner Apps $(ms_to_s "$PA_READY_MS") s, Keycloak $(ms_to_s "$KC_READY_MS") s"
echo "  peak RSS: Partner Apps $PA_RSS (JVM options: ${JVM_OPTS:-none}), Keycloak $KC_RSS (kc.sh defaults)"
echo "  Keycloak $KEYCLOAK_VERSION signing $KEYCLOAK_ALG; JDK: $("$JAVA" -version 2>&1 | head -n 1); $(nproc) cores"
