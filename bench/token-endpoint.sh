#!/usr/bin/env bash
# Benchmarks against the app on a throw-away PostgreSQL, load from wrk on the same machine:
#  1. the token endpoint (issue #5): client_credentials tokens/s and latency at 8 and 32 connections;
#  2. a platform API (issue #6): GET of a list's items with a valid token at 8 and 32 connections.
# Each: a warm-up, then RUNS measured runs per concurrency and the worst p99 of them (issue #15),
# the app's CPU time per request, its start-up time (launch to /readyz UP and to the first token,
# timed on a restart) and its peak resident memory.
#
#   bash bench/token-endpoint.sh                   # 20 s per run, 30 s warm-up, 3 runs
#   DURATION=60s WARMUP=60s RUNS=5 bash bench/token-endpoint.sh
#   BENCH_JVM_OPTS="-Xmx256m ..." bash bench/token-endpoint.sh     # the app's JVM options
#   BENCH_COMPARE_JVM=1 bash bench/token-endpoint.sh   # twice: the JVM's defaults, then BENCH_JVM_OPTS
#                                                      # (or the README's recommended options)
#   BENCH_AOT=1 bash bench/token-endpoint.sh       # also start-up with the AOT cache (bench/aot-cache.sh)
#   BENCH_API=0 bash bench/token-endpoint.sh       # the token endpoint only
#   BENCH_GC_LOG_DIR=/tmp/gc bash bench/token-endpoint.sh  # GC logs (-Xlog:gc*), one per JVM
#   BENCH_JFR_DIR=/tmp/jfr bash bench/token-endpoint.sh    # a flight recording of the measured runs;
#       then e.g. jfr view hot-methods (or contention-by-site) /tmp/jfr/run-<pid>.jfr
#
# Needs: a JDK (Java 25 used when installed under /usr/lib/jvm), PostgreSQL binaries and wrk
# (both installed from Debian's packages when missing and running as root), curl.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

bench_prepare
bench_start_app
bench_register_application "LIST EXPRPT CCARD"

bench_token_script "$CLIENT_KEY" "$CLIENT_SECRET" "$WORK/token.lua"

bench_list_items "$CLIENT_KEY" "$CLIENT_SECRET"

# One pass: the app restarted (timed) with the given JVM options, then the measured runs.
SUMMARY=()
bench_pass() {
    local label=$1
    JVM_OPTS=$2
    [ -n "${BENCH_GC_LOG_DIR:-}" ] && mkdir -p "$BENCH_GC_LOG_DIR" \
        && JVM_OPTS+=" -Xlog:gc*:file=$BENCH_GC_LOG_DIR/gc-$label-%p.log:time,uptime,level,tags"
    # A flight recording from the end of the start-up and warm-up on, written when the app stops.
    # Lock waits and parks from 1 ms on (the profile's default is 10-20 ms), for
    # `jfr view contention-by-site`: that is how the stalls behind the tail were found
    # (docs/performance.md, "The tail at 32 connections").
    [ -n "${BENCH_JFR_DIR:-}" ] && mkdir -p "$BENCH_JFR_DIR" \
        && JVM_OPTS+=" -XX:StartFlightRecording=settings=profile,jdk.JavaMonitorEnter#threshold=1ms,jdk.ThreadPark#threshold=1ms,delay=$(( $(seconds_of "$WARMUP") + 30 ))s,filename=$BENCH_JFR_DIR/$label-%p.jfr"
    echo
    echo "=== $label: JVM options ${JVM_OPTS:-none} ==="
    AOT_CACHE=""
    [ -n "${PLAIN_JAR:-}" ] && JAR=$PLAIN_JAR
    bench_timed_restart "$CLIENT_KEY" "$CLIENT_SECRET"
    local startup="start-up ready $(ms_to_s "$STARTUP_READY_MS") s, first token $(ms_to_s "$STARTUP_TOKEN_MS") s"
    if [ "${BENCH_AOT:-0}" = 1 ]; then
        bench_aot_cache
        bench_timed_restart "$CLIENT_KEY" "$CLIENT_SECRET"
        startup+="; with the AOT cache $(ms_to_s "$STARTUP_READY_MS") s, $(ms_to_s "$STARTUP_TOKEN_MS") s"
    fi

    bench_warm_up "$WORK/token.lua" "$APP_URL/oauth2/token"
    echo "== client_credentials at $APP_URL/oauth2/token (${DURATION} per run) =="
    bench_runs "$WORK/token.lua" "$APP_URL/oauth2/token" "tokens/s" 8 32
    local summary="$label: $startup; token p99 worst ($WORST_P99)"
    if [ "${BENCH_API:-1}" != 0 ]; then
        bench_items_script "$CLIENT_KEY" "$CLIENT_SECRET" "$WORK/items.lua"
        bench_warm_up "$WORK/items.lua" "$ITEMS_URL"
        echo "== GET /api/v3.0/common/listitems (25 items, live enablement check on every call) =="
        bench_runs "$WORK/items.lua" "$ITEMS_URL" "requests/s" 8 32
        summary+="; list items p99 worst ($WORST_P99)"
    fi
    echo "App RSS:   peak $(app_peak_rss) ($label)"
    [ -n "${BENCH_GC_LOG_DIR:-}" ] && echo "GC log:    $BENCH_GC_LOG_DIR/gc-$label-$APP_PID.log"
    [ -n "${BENCH_JFR_DIR:-}" ] && echo "JFR:       $BENCH_JFR_DIR/$label-$APP_PID.jfr (written when the app stops)"
    SUMMARY+=("$summary; peak RSS $(app_peak_rss)")
}

if [ "${BENCH_COMPARE_JVM:-0}" = 1 ]; then
    bench_pass defaults ""
    bench_pass recommended "${BENCH_JVM_OPTS:-$RECOMMENDED_JVM_OPTS}"
else
    bench_pass run "${BENCH_JVM_OPTS:-}"
fi
bench_report
printf '%s\n' "${SUMMARY[@]}"
