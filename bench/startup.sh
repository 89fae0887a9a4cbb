#!/usr/bin/env bash
# Start-up time (issue #15): from launching java to readiness answering UP and to the first
# client_credentials token served, for the default profile (H2) and the postgres profile (a
# throw-away PostgreSQL), with the plain jar and then with the JVM's AOT cache (bench/aot-cache.sh).
# Each start is a restart on a database already migrated, with an application registered.
#
#   bash bench/startup.sh                  # 3 starts each, the README's recommended JVM options
#   STARTS=5 BENCH_JVM_OPTS="-Xmx256m" bash bench/startup.sh
#   BENCH_JVM_OPTS= bash bench/startup.sh  # the JVM's defaults
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_NEEDS_WRK=0
source bench/lib.sh
STARTS=${STARTS:-3}
# The README's recommended options, which docs/performance.md measures start-up with, unless
# BENCH_JVM_OPTS is set (even empty).
JVM_OPTS=${BENCH_JVM_OPTS-$RECOMMENDED_JVM_OPTS}

bench_prepare
RESULTS=()
for APP_PROFILE in default postgres; do
    echo
    echo "== profile $APP_PROFILE =="
    AOT_CACHE=""
    JAR=${PLAIN_JAR:-$JAR}
    bench_start_app
    bench_register_application "LIST"
    for mode in plain aot; do
        if [ "$mode" = aot ]; then
            bench_stop_app
            bench_aot_cache
        fi
        line="$APP_PROFILE, $mode:"
        for _ in $(seq 1 "$STARTS"); do
            bench_timed_restart "$CLIENT_KEY" "$CLIENT_SECRET"
            line+=" $(ms_to_s "$STARTUP_READY_MS")/$(ms_to_s "$STARTUP_TOKEN_MS") s"
        done
        RESULTS+=("$line")
    done
    bench_stop_app
done
echo
echo "Start-up, ready / first token, each start (JVM options: ${JVM_OPTS:-none}):"
printf '  %s\n' "${RESULTS[@]}"
echo "JDK: $("$JAVA" -version 2>&1 | head -n 1); $(nproc) cores"
