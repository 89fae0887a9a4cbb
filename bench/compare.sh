#!/usr/bin/env bash
# Before and after: the token endpoint (or the platform API) of two or more builds, measured in
# turns on one throw-away PostgreSQL, so that a change's cost is told apart from the machine's noise
# (docs/performance.md, "Before and after"). On a shared 2-core machine one run of
# bench/token-endpoint.sh moves by 20% from one start to the next; interleaving the builds spreads
# that noise over both.
#
#   bash bench/compare.sh before.jar after.jar          # 4 rounds
#   ROUNDS=6 DURATION=15s bash bench/compare.sh a.jar b.jar
#   bash bench/compare.sh app.jar app.jar,--server.tomcat.threads.max=4   # one jar, two settings
#   bash bench/compare.sh app.jar app.jar,-XX:+UseTransparentHugePages     # one jar, two JVMs
#   TARGET=items bash bench/compare.sh a.jar b.jar      # the platform API instead of the token endpoint
#
# A build is a jar, optionally followed by arguments, comma-separated: those starting with "--" go
# to the application, the others (-XX:..., -D...) to its JVM, after BENCH_JVM_OPTS.
#
# Each build gets its own database (migrated by that build) and its own registered application.
# A round starts each build in turn (the order alternates), warms it up (WARMUP), measures RUNS
# runs at 8 and at 32 connections and stops it. TARGET=token (the default) measures client_credentials
# tokens; TARGET=items the GET of a list's 25 items with a LIST token, as bench/token-endpoint.sh
# does. At the end, per build: the median requests/s and the median app CPU per request at each
# concurrency over all its runs, each build against the first, and the median and worst p99.
# ROUNDS (4); WARMUP (30 s), RUNS (3) and DURATION (20 s) as in bench/lib.sh. Use WARMUP=120s for
# figures to keep: after 30 s the JIT is still compiling on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bash bench/compare.sh first.jar[,arg...] second.jar[,arg...] [more...]" >&2; exit 2; }
BUILDS=("$@")
JARS=()
NAMES=()
for build in "${BUILDS[@]}"; do
    jar=${build%%,*}
    [ -f "$jar" ] || { echo "bench: no such jar: $jar" >&2; exit 2; }
    JARS+=("$jar")
    NAMES+=("$(basename "$jar")${build#"$jar"}")
done
BENCH_JAR=${JARS[0]}
source bench/lib.sh
# The application arguments of build $1 (after its jar, those starting with --), one per line.
build_args() {
    local build=${BUILDS[$1]}
    [ "$build" = "${JARS[$1]}" ] || tr ',' '\n' <<< "${build#*,}" | grep -e '^--' || true
}
# BENCH_JVM_OPTS and the JVM options of build $1, as one string.
build_jvm_opts() {
    local build=${BUILDS[$1]} extra=""
    [ "$build" = "${JARS[$1]}" ] || extra=$(tr ',' '\n' <<< "${build#*,}" | { grep -v -e '^--' || true; } | paste -sd' ')
    echo "$BASE_JVM_OPTS${extra:+ $extra}"
}
BASE_JVM_OPTS=$JVM_OPTS
ROUNDS=${ROUNDS:-4}
TARGET=${TARGET:-token}
case "$TARGET" in
    token) NOUN=token; WHAT="client_credentials" ;;
    items) NOUN=request; WHAT="GET of 25 list items" ;;
    *) echo "bench: TARGET is token or items, not $TARGET" >&2; exit 2 ;;
esac

bench_prepare
KEYS=()
SECRETS=()
ITEM_PATHS=()
for i in "${!JARS[@]}"; do
    BENCH_DB="bench$i"
    bench_create_db "$BENCH_DB"
    JAR=${JARS[$i]}
    mapfile -t args < <(build_args "$i")
    JVM_OPTS=$(build_jvm_opts "$i")
    bench_start_app "${args[@]}"
    bench_register_application "LIST EXPRPT CCARD"
    KEYS[$i]=$CLIENT_KEY
    SECRETS[$i]=$CLIENT_SECRET
    if [ "$TARGET" = items ]; then
        bench_list_items "$CLIENT_KEY" "$CLIENT_SECRET"
        ITEM_PATHS[$i]=$ITEMS_URL_PATH
    fi
    bench_stop_app
done

# Results as lines "<build index> <connections> <requests/s> <CPU us per request> <p99 ms>".
RESULTS="$WORK/results"
: > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
    order=("${!JARS[@]}")
    # Every other round the other way round, so neither build always runs right after a start.
    (( round % 2 == 0 )) && order=($(printf '%s\n' "${order[@]}" | tac))
    for i in "${order[@]}"; do
        BENCH_DB="bench$i"
        JAR=${JARS[$i]}
        echo
        echo "=== round $round/$ROUNDS: ${NAMES[$i]} ==="
        mapfile -t args < <(build_args "$i")
        JVM_OPTS=$(build_jvm_opts "$i")
        bench_start_app "${args[@]}"
        if [ "$TARGET" = items ]; then
            ITEMS_URL_PATH=${ITEM_PATHS[$i]}
            bench_items_script "${KEYS[$i]}" "${SECRETS[$i]}" "$WORK/load.lua"
            url=$ITEMS_URL
        else
            bench_token_script "${KEYS[$i]}" "${SECRETS[$i]}" "$WORK/load.lua"
            url="$APP_URL/oauth2/token"
        fi
        bench_warm_up "$WORK/load.lua" "$url"
        for connections in 8 32; do
            for run in $(seq 1 "$RUNS"); do
                printf 'run %d/%d  ' "$run" "$RUNS"
                bench_run "$connections" "$WORK/load.lua" "$url" "${NOUN}s/s"
                echo "$i $connections $LAST_RPS $LAST_CPU_US $LAST_P99_MS" >> "$RESULTS"
            done
        done
        bench_stop_app
    done
done

echo
echo "Medians over $ROUNDS rounds x $RUNS runs of $DURATION ($WHAT, JVM options: ${BASE_JVM_OPTS:-none}):"
awk -v names="$(printf '%s\n' "${NAMES[@]}" | paste -sd' ')" -v noun="$NOUN" "$AWK_MEDIAN"'
    {
        rps[$1 " " $2] = rps[$1 " " $2] " " $3; cpu[$1 " " $2] = cpu[$1 " " $2] " " $4
        p99[$1 " " $2] = p99[$1 " " $2] " " $5; if ($5 + 0 > worst[$1 " " $2] + 0) worst[$1 " " $2] = $5; builds[$1] = 1
    }
    END {
        split(names, name, " ")
        for (b = 0; b in builds; b++) {
            line = sprintf("  %-22s", name[b + 1])
            for (c = 8; c <= 32; c += 24) {
                r = median(rps[b " " c]); u = median(cpu[b " " c])
                if (b == 0) { r0[c] = r; u0[c] = u }
                line = line sprintf("  %2d conn: %7.0f %ss/s, %4.0f us CPU/%s", c, r, noun, u, noun)
                if (b > 0) line = line sprintf(" (%+.1f%%, %+.1f%%)", (r / r0[c] - 1) * 100, (u / u0[c] - 1) * 100)
                line = line sprintf(", p99 median %.1f worst %.1f ms", median(p99[b " " c]), worst[b " " c])
            }
            print line
        }
    }' "$RESULTS"
echo "JDK: $("$JAVA" -version 2>&1 | head -n 1); $(nproc) cores, wrk on the same machine"
