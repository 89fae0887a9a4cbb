#!/usr/bin/env bash
# Token endpoint benchmark (issue #5): client_credentials tokens per second and latency
# percentiles at 8 and 32 connections, against the app on a throw-away PostgreSQL.
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
bench_report
