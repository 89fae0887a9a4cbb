#!/usr/bin/env bash
# Builds the JVM's ahead-of-time cache (Java 25, JEP 483/514/515) for a faster start, with Spring
# Boot's recipe: extract the jar, one training run that exits once the application context has
# refreshed, then start from the extracted jar with the cache (README, "Start-up").
#
#   bash bench/aot-cache.sh [jar [destination [application arguments...]]]
#   java -XX:AOTCache=target/aot/app.aot -jar target/aot/app.jar     # then start with it
#
# Defaults: the jar in target/, destination target/aot. The training run starts the app in the
# current directory with the given arguments and the environment (profile, database, master key):
# it runs the Flyway migrations, so it must reach the database the app will use (the default
# profile's H2 in ./data works). JAVA_OPTS are passed to the training run: use the JVM options the
# app will run with. The cache only fits the same extracted jar and the same JDK: rebuild it after
# each build. Plain `java -jar target/partner-apps-*.jar` keeps working without it.
set -euo pipefail
JAVA=${JAVA:-java}
JAR=${1:-$(ls target/partner-apps-*.jar 2>/dev/null | grep -v plain | head -n 1)}
[ -f "$JAR" ] || { echo "aot-cache: no jar (build with ./mvnw -DskipTests package, or name one)" >&2; exit 1; }
DEST=${2:-target/aot}
shift $(( $# < 2 ? $# : 2 ))
rm -rf "$DEST"
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)

"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DEST" --application-filename app.jar --force
echo "aot-cache: training run (starts the app up to a refreshed context, then exits)"
started=$(date +%s)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
"$JAVA" ${JAVA_OPTS:-} -XX:AOTCacheOutput="$DEST/app.aot" -Dspring.context.exit=onRefresh \
    -jar "$DEST/app.jar" "$@" > "$DEST/training.log" 2>&1 \
    || { cat "$DEST/training.log" >&2; echo "aot-cache: the training run failed" >&2; exit 1; }
[ -f "$DEST/app.aot" ] || { cat "$DEST/training.log" >&2; echo "aot-cache: no cache written" >&2; exit 1; }
echo "aot-cache: $DEST/app.aot ($(du -m "$DEST/app.aot" | cut -f1) MB) in $(( $(date +%s) - started )) s; start with"
echo "  java ${JAVA_OPTS:+$JAVA_OPTS }-XX:AOTCache=$DEST/app.aot -jar $DEST/app.jar"
