# Shared by the benchmark scripts: a throw-away PostgreSQL, the app on it, a registered
# application, and wrk runs summarised as one line each. Everything is stopped on exit.

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
# Measured runs per concurrency: the worst p99 of them is printed too, so an erratic tail shows.
RUNS=${RUNS:-3}
# JVM options of the app (BENCH_JVM_OPTS) and, when set, the AOT cache it starts with
# (bench/aot-cache.sh; AOT_CACHE, with JAR pointing at the extracted jar it was trained on).
JVM_OPTS=${BENCH_JVM_OPTS:-}
AOT_CACHE=""
# The JVM options the README recommends ("Recommended JVM options"): BENCH_COMPARE_JVM=1 in bench/token-endpoint.sh
# measures with them against the JVM's defaults.
# -XX:+UseCompactObjectHeaders needs Java 25 (JEP 519): leave it out on older JDKs.
RECOMMENDED_JVM_OPTS="-XX:+UseSerialGC -Xms192m -Xmx192m -Xmn40m -XX:+UseCompactObjectHeaders"
# Which profile bench_start_app runs: postgres (the throw-away PostgreSQL) or default (H2 in $WORK/h2).
APP_PROFILE=${APP_PROFILE:-postgres}
# The PostgreSQL database of the app (bench/compare.sh gives each jar its own).
BENCH_DB=${BENCH_DB:-partnerapps}
BENCH_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=$(mktemp -d /tmp/partnerapps-bench.XXXXXX)
chmod 755 "$WORK"
PG_PID_DIR=""
APP_PID=""
# One master key per benchmark: an app restarted on the same database must decrypt its signing keys.
BENCH_MASTER_KEY=$(head -c 32 /dev/urandom | base64)

bench_cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    if [ -n "$PG_PID_DIR" ]; then
        su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_PID_DIR' -m immediate -w stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap bench_cleanup EXIT

free_port() {
    local p
    for p in $(seq "$1" "$(( $1 + 200 ))"); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
    echo "bench: no free port near $1" >&2; exit 1
}

bench_prepare() {
    local missing=()
    [ "${BENCH_NEEDS_WRK:-1}" = 0 ] || command -v wrk >/dev/null || missing+=(wrk)
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "bench: installing ${missing[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
    for jdk in /usr/lib/jvm/temurin-25*; do
        if [ -x "$jdk/bin/java" ]; then export JAVA_HOME="$jdk"; break; fi
    done
    JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
    if [ -n "${BENCH_JAR:-}" ]; then
        JAR=$BENCH_JAR
    else
        echo "bench: building the application jar"
        # Builds on a shared machine queue on one lock instead of competing for the cores.
        if command -v flock >/dev/null; then
            flock "${BENCH_MVN_LOCK:-/tmp/mvn.lock}" ./mvnw -q -B -DskipTests package
        else
            ./mvnw -q -B -DskipTests package
        fi
        JAR=$(ls target/partner-apps-*.jar | grep -v plain | head -n 1)
    fi

    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    PG_PID_DIR="$WORK/pg"
    mkdir -p "$PG_PID_DIR" && chown postgres:postgres "$PG_PID_DIR" && chmod 700 "$PG_PID_DIR"
    PG_PORT=$(free_port 56432)
    su postgres -s /bin/sh -c "'$PG_BIN/initdb' -D '$PG_PID_DIR' -U postgres -A trust --no-sync -E UTF8" >/dev/null
    su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_PID_DIR' -l '$PG_PID_DIR/server.log' -w \
        -o \"-p $PG_PORT -k '$PG_PID_DIR' -c listen_addresses=127.0.0.1 -c max_connections=100\" start" >/dev/null
    bench_create_db "$BENCH_DB"
}

bench_create_db() {
    "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "create database $1" >/dev/null
}

# psql on the benchmark database; extra arguments as for psql.
bench_psql() {
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$BENCH_DB" "$@"
}

# Extra arguments are passed to the application (e.g. --spring.flyway.locations=...).
# Sets APP_URL, APP_PID and STARTUP_READY_MS: milliseconds from launching java to readiness answering UP.
bench_start_app() {
    APP_PORT=$(free_port 18080)
    APP_URL="http://127.0.0.1:$APP_PORT"
    local jvm=($JVM_OPTS) args=(--server.port="$APP_PORT" --partnerapps.oauth.issuer="$APP_URL"
        --logging.level.root=warn "$@") ready_url
    [ -n "$AOT_CACHE" ] && jvm+=("-XX:AOTCache=$AOT_CACHE")
    APP_LAUNCHED_NS=$(date +%s%N)
    if [ "$APP_PROFILE" = default ]; then
        # H2 in ./data of its own working directory; the master key file lives there too.
        mkdir -p "$WORK/h2"
        ready_url="$APP_URL/actuator/health/readiness"
        (cd "$WORK/h2" && exec "$JAVA" "${jvm[@]}" -jar "$JAR" "${args[@]}") > "$WORK/app.log" 2>&1 &
    else
        ready_url="$APP_URL/readyz"
        PARTNERAPPS_OAUTH_MASTER_KEY=$BENCH_MASTER_KEY \
        SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB" \
        SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
            "$JAVA" "${jvm[@]}" -jar "$JAR" --spring.profiles.active=postgres \
            --management.server.port="$(free_port 18180)" "${args[@]}" > "$WORK/app.log" 2>&1 &
    fi
    APP_PID=$!
    # Polled every 50 ms so the start-up time is measured, not rounded to seconds.
    for _ in $(seq 1 2400); do
        if curl -fsS -m 1 "$ready_url" >/dev/null 2>&1; then
            STARTUP_READY_MS=$(( ($(date +%s%N) - APP_LAUNCHED_NS) / 1000000 ))
            return
        fi
        kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; echo "bench: the app did not start" >&2; exit 1; }
        sleep 0.05
    done
    echo "bench: the app did not become healthy" >&2; exit 1
}

bench_stop_app() {
    if [ -n "$APP_PID" ]; then
        kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}

# After bench_start_app: requests a client_credentials token with the given Key and Secret until one
# is served; sets STARTUP_TOKEN_MS, milliseconds from launching java to that first token.
bench_first_token() {
    local key=$1 secret=$2
    for _ in $(seq 1 600); do
        if curl -fsS -m 5 -u "$key:$secret" -d grant_type=client_credentials "$APP_URL/oauth2/token" 2>/dev/null \
                | grep -q '"access_token"'; then
            STARTUP_TOKEN_MS=$(( ($(date +%s%N) - APP_LAUNCHED_NS) / 1000000 ))
            return
        fi
        sleep 0.05
    done
    echo "bench: no token after start-up" >&2; exit 1
}

# Restarts the app (same database, same arguments) and times it: launch to ready, launch to the
# first token for the given Key and Secret. Prints one line.
bench_timed_restart() {
    local key=$1 secret=$2
    shift 2
    bench_stop_app
    bench_start_app "$@"
    bench_first_token "$key" "$secret"
    printf 'start-up: ready %.1f s, first token %.1f s%s\n' "$(ms_to_s "$STARTUP_READY_MS")" \
        "$(ms_to_s "$STARTUP_TOKEN_MS")" "${AOT_CACHE:+ (AOT cache)}"
}

# A wrk-style duration ("90s", "2m") in seconds.
seconds_of() {
    case $1 in
        *m) echo $(( ${1%m} * 60 )) ;;
        *s) echo "${1%s}" ;;
        *) echo "$1" ;;
    esac
}

ms_to_s() {
    awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'
}

# Builds the Spring-processed jar and the JVM's AOT cache for $JAR into $WORK/aot (bench/aot-cache.sh,
# with the app's arguments: the training run must reach the database the app uses) and points JAR
# and AOT_CACHE at them.
bench_aot_cache() {
    local env=(SPRING_PROFILES_ACTIVE=default) args=(--server.port="$(free_port 18080)"
        --partnerapps.oauth.issuer=http://127.0.0.1 --logging.level.root=warn)
    if [ "$APP_PROFILE" != default ]; then
        env=(PARTNERAPPS_OAUTH_MASTER_KEY="$BENCH_MASTER_KEY"
             SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB"
             SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=
             SPRING_PROFILES_ACTIVE=postgres)
        args+=(--management.server.port="$(free_port 18180)")
    fi
    mkdir -p "$WORK/h2"
    PLAIN_JAR=$JAR
    (cd "$WORK/h2" && env "${env[@]}" JAVA="$JAVA" JAVA_OPTS="$JVM_OPTS" \
        bash "$BENCH_HOME/aot-cache.sh" "$JAR" "$WORK/aot" "${args[@]}") \
        || { echo "bench: the AOT cache could not be built" >&2; exit 1; }
    JAR="$WORK/aot/app.jar"
    AOT_CACHE="$WORK/aot/app.aot"
}

csrf_of() {
    grep -o 'name="_csrf" value="[^"]*"' "$1" | head -n 1 | sed 's/.*value="//; s/"$//'
}

# Creates a sandbox through /signup and registers an application with the given scopes,
# exactly as a person would; sets CLIENT_KEY and CLIENT_SECRET.
bench_register_application() {
    local jar="$WORK/cookies" page="$WORK/page.html" id
    id=$(date +%s%N | tail -c 9)
    curl -fsS -c "$jar" -b "$jar" "$APP_URL/signup" -o "$page"
    curl -fsS -c "$jar" -b "$jar" -o /dev/null \
        --data-urlencode "_csrf=$(csrf_of "$page")" --data-urlencode "companyName=Bench $id" \
        --data-urlencode "companyDomain=bench-$id.example" --data-urlencode "email=dev@bench-$id.example" \
        --data-urlencode "password=benchmark password" "$APP_URL/signup"
    bench_new_application "$jar" "Bench app" "$1"
    COMPANY_DOMAIN="bench-$id.example"
}

# Signs in through the /login form; the session cookie goes to the given cookie jar.
bench_sign_in() {
    local jar=$1 email=$2 password=$3 page="$WORK/login.html" location
    curl -fsS -c "$jar" -b "$jar" "$APP_URL/login" -o "$page"
    location=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
        --data-urlencode "_csrf=$(csrf_of "$page")" --data-urlencode "email=$email" \
        --data-urlencode "password=$password" "$APP_URL/login")
    case "$location" in
        ""|*error*|*/login*) echo "bench: could not sign in as $email" >&2; exit 1 ;;
    esac
}

# Registers an application through the New Partner Application form, signed in with the given
# cookie jar (a Development Partner's administrator); sets CLIENT_KEY and CLIENT_SECRET.
bench_new_application() {
    local jar=$1 name=$2 scopes=$3 page="$WORK/page.html"
    curl -fsS -c "$jar" -b "$jar" "$APP_URL/admin/web-services/applications/new" -o "$page"
    local form=(--data-urlencode "_csrf=$(csrf_of "$page")" --data-urlencode "name=$name"
                --data-urlencode "active=true")
    for scope in $scopes; do form+=(--data-urlencode "scopes=$scope"); done
    curl -fsS -c "$jar" -b "$jar" "${form[@]}" "$APP_URL/admin/web-services/applications" -o "$page"
    CLIENT_KEY=$(grep -o 'id="client-key" value="[^"]*"' "$page" | sed 's/.*value="//; s/"$//')
    CLIENT_SECRET=$(grep -o 'id="client-secret" value="[^"]*"' "$page" | sed 's/.*value="//; s/"$//')
    [ -n "$CLIENT_KEY" ] && [ -n "$CLIENT_SECRET" ] || { echo "bench: could not register an application" >&2; exit 1; }
}

# Writes a wrk script that asks for client_credentials tokens with the given Key and Secret
# (client_secret_basic) to the given file, after checking that the token endpoint (the app's, or
# the URL given fourth) issues one.
bench_token_script() {
    local key=$1 secret=$2 file=$3 url=${4:-$APP_URL/oauth2/token} auth
    curl -fsS -u "$key:$secret" -d grant_type=client_credentials "$url" \
        | grep -q '"access_token"' || { echo "bench: no token from $url" >&2; exit 1; }
    auth=$(printf '%s:%s' "$key" "$secret" | base64 -w0)
    cat > "$file" <<LUA
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $auth"
LUA
}

# Gives the company of the last registered application a "Project Codes" list with 25 items
# (the postgres profile has no demo data), created through the platform API with the given Key and
# Secret; sets ITEMS_URL_PATH, the path of the list's items.
bench_list_items() {
    local key=$1 secret=$2 list_id i
    ITEMS_URL_PATH=""
    bench_psql -c "insert into lists (company_id, name) select id, 'Project Codes' from companies where domain = '$COMPANY_DOMAIN'" >/dev/null
    list_id=$(bench_psql -tA -c "select l.id from lists l join companies c on c.id = l.company_id where c.domain = '$COMPANY_DOMAIN'")
    [ -n "$list_id" ] || { echo "bench: no list for $COMPANY_DOMAIN" >&2; exit 1; }
    bench_list_token "$key" "$secret"
    for i in $(seq 1 25); do
        curl -fsS -o /dev/null -H "Authorization: Bearer $ITEMS_TOKEN" -H "Content-Type: application/json" \
            -d "{\"listId\": $list_id, \"code\": \"PRJ-$i\", \"name\": \"Project $i\"}" "$APP_URL/api/v3.0/common/listitems"
    done
    ITEMS_URL_PATH="/api/v3.0/common/listitems?listId=$list_id"
}

# Sets ITEMS_TOKEN: a fresh LIST token of the given Key and Secret from the app now running.
bench_list_token() {
    local answer
    answer=$(curl -fsS -u "$1:$2" -d grant_type=client_credentials -d scope=LIST "$APP_URL/oauth2/token")
    ITEMS_TOKEN=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<< "$answer")
    [ -n "$ITEMS_TOKEN" ] || { echo "bench: no LIST token: $answer" >&2; exit 1; }
}

# Writes a wrk script that sends a fresh LIST token of the given Key and Secret to the given file;
# when ITEMS_URL_PATH is set, also sets ITEMS_URL on the app now running, after checking that the
# items are served there.
bench_items_script() {
    local key=$1 secret=$2 file=$3 items
    bench_list_token "$key" "$secret"
    printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$ITEMS_TOKEN" > "$file"
    if [ -n "${ITEMS_URL_PATH:-}" ]; then
        ITEMS_URL="$APP_URL$ITEMS_URL_PATH"
        items=$(curl -fsS -H "Authorization: Bearer $ITEMS_TOKEN" "$ITEMS_URL")
        grep -q '"PRJ-1"' <<< "$items" || { echo "bench: no items at $ITEMS_URL" >&2; exit 1; }
    fi
}

bench_warm_up() {
    echo "bench: warming up the JIT ($WARMUP)"
    wrk -t2 -c16 -d"$WARMUP" -s "$1" "$2" >/dev/null
}

# One measured run: prints throughput, p50/p99 and non-2xx responses; sets LAST_P99_MS, LAST_RPS
# and LAST_CPU_US (the app's CPU microseconds per request).
bench_run() {
    local connections=$1 script=$2 url=$3 unit=$4 out cpu_before cpu_after
    cpu_before=$(app_cpu_ticks)
    out=$(wrk -t2 -c"$connections" -d"$DURATION" --latency -s "$script" "$url")
    cpu_after=$(app_cpu_ticks)
    local rps p50 p99 errors requests cpu
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    # The app's CPU time per request: steadier than throughput on a shared machine, where other
    # load moves requests/s by 20% from one run to the next but not the work each request costs.
    cpu=$(awk -v t=$(( cpu_after - cpu_before )) -v hz="$(getconf CLK_TCK)" -v n="${requests:-0}" \
        'BEGIN { if (n > 0) printf "%.0f", t / hz * 1e6 / n; else print "-" }')
    printf '%3d connections: %10s %-10s p50 %8s   p99 %8s   non-2xx %s   app CPU %s us/request\n' \
        "$connections" "$rps" "$unit" "$p50" "$p99" "${errors:-0}" "$cpu"
    LAST_P99_MS=$(wrk_ms "$p99")
    LAST_RPS=$rps
    LAST_CPU_US=$cpu
}

# RUNS measured runs at each given concurrency, then the worst p99 per concurrency.
# Arguments: script, url, unit, connections...
bench_runs() {
    local script=$1 url=$2 unit=$3 connections run worst
    shift 3
    WORST_P99=""
    for connections in "$@"; do
        worst=0
        for run in $(seq 1 "$RUNS"); do
            printf 'run %d/%d  ' "$run" "$RUNS"
            bench_run "$connections" "$script" "$url" "$unit"
            worst=$(awk -v a="$worst" -v b="$LAST_P99_MS" 'BEGIN { print (b > a ? b : a) }')
        done
        printf '%3d connections: worst p99 of %d runs %.2f ms\n' "$connections" "$RUNS" "$worst"
        WORST_P99+="${WORST_P99:+, }$connections: $worst ms"
    done
}

# An awk function, median(list): the median of the numbers in a space-separated list. For the
# summaries of bench/compare.sh and bench/keycloak.sh: awk "$AWK_MEDIAN"' { ... }'.
AWK_MEDIAN='
    function median(list,    n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }'

# wrk's latency ("850.00us", "12.34ms", "1.02s", "1.10m") in milliseconds.
wrk_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
        printf "%.2f", n }'
}

# The app's peak resident memory so far (VmHWM), in MiB.
app_peak_rss() {
    awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$APP_PID/status"
}

# User + system CPU ticks the app has used so far.
app_cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"
}

bench_report() {
    echo
    echo "JDK:       $("$JAVA" -version 2>&1 | head -n 1)"
    echo "JVM opts:  ${JVM_OPTS:-none, the defaults of the JVM}${AOT_CACHE:+ -XX:AOTCache=...}"
    echo "App RSS:   peak $(app_peak_rss)"
    echo "Machine:   $(nproc) cores, load generator (wrk) on the same machine"
}
