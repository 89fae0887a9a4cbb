#!/usr/bin/env bash
# Builds a faster-starting copy of the application for one profile: Spring's ahead-of-time
# processing of the application context, then the JVM's ahead-of-time cache (Java 25, JEP 483/514/515)
# from a training run (README, "Starting in seconds"; measured in docs/performance.md, "Start-up:
# Spring's AOT processing and the JVM's AOT cache").
#
#   bash bench/aot-cache.sh [jar [destination [application arguments...]]]
#   java -XX:AOTCache=target/aot/app.aot -jar target/aot/app.jar     # then start with it
#
# Defaults: the jar in target/, destination target/aot. Both steps use the current directory, the
# environment (profile, database, master key) and the arguments given, so run it as the app will
# run. Spring's processing fixes the beans of that profile. The training run starts the app, runs
# the Flyway migrations and exits, so it must reach the database the app will use (the default
# profile's H2 in ./data works). JAVA_OPTS are passed to the training run: use the JVM options the
# app will run with. The result only fits that profile, that jar and that JDK: build it again after
# each build. Needs a JDK (javac and jar compile and add Spring's generated code). Plain
# `java -jar target/partner-apps-*.jar` keeps working without it. SPRING_AOT=0 skips Spring's
# processing (the JVM's cache only).
set -euo pipefail
JAVA=${JAVA:-java}
JAVA_BIN=$(dirname "$(command -v "$JAVA")")
JAR=${1:-$(ls target/partner-apps-*.jar 2>/dev/null | grep -v plain | head -n 1)}
[ -f "$JAR" ] || { echo "aot-cache: no jar (build with ./mvnw -DskipTests package, or name one)" >&2; exit 1; }
DEST=${2:-target/aot}
shift $(( $# < 2 ? $# : 2 ))
rm -rf "$DEST"
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)

"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DEST" --application-filename app.jar --force

if [ "${SPRING_AOT:-1}" != 0 ]; then
    # Spring's AOT engine, as the build plugin's process-aot goal runs it: the bean definitions of the
    # profile in effect become generated code, compiled and added to the extracted jar, with
    # spring.properties switching them on (spring.aot.enabled=true). The original jar is untouched.
    echo "aot-cache: Spring AOT processing"
    main_class=$(unzip -p "$DEST/app.jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Main-Class: //p')
    gen="$DEST/spring-aot"
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    "$JAVA" ${JAVA_OPTS:-} -cp "$DEST/app.jar" org.springframework.boot.SpringApplicationAotProcessor \
        "$main_class" "$gen/sources" "$gen/resources" "$gen/classes" dev.partnerapps partner-apps "$@" \
        > "$DEST/spring-aot.log" 2>&1 \
        || { cat "$DEST/spring-aot.log" >&2; echo "aot-cache: Spring AOT processing failed" >&2; exit 1; }
    mkdir -p "$gen/classes"
    find "$gen/sources" -name '*.java' > "$gen/sources.txt"
    "$JAVA_BIN/javac" -nowarn -proc:none -parameters -d "$gen/classes" -cp "$DEST/app.jar" @"$gen/sources.txt" \
        > "$DEST/javac.log" 2>&1 \
        || { cat "$DEST/javac.log" >&2; echo "aot-cache: compiling Spring's generated sources failed" >&2; exit 1; }
    cp -r "$gen/resources/." "$gen/classes/"
    # The profiles it is built for, so that the copy refuses to start with others (AotProfileCheck).
    profiles=$(printf '%s\n' "$@" | sed -n 's/^--spring\.profiles\.active=//p' | tail -n 1)
    printf 'spring.aot.enabled=true\npartnerapps.aot.profiles=%s\n' "${profiles:-${SPRING_PROFILES_ACTIVE:-default}}" \
        > "$gen/classes/spring.properties"
    "$JAVA_BIN/jar" --update --file "$DEST/app.jar" -C "$gen/classes" .
fi

# The training run (Spring Boot's recipe): the app starts as it will run and exits once the
# application context has refreshed, after the Flyway migrations. The JVM writes the cache as it
# exits: the classes it loaded and linked, and the profiles of the methods it ran.
echo "aot-cache: training run (starts the app up to a refreshed context, then exits)"
started=$(date +%s)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
"$JAVA" ${JAVA_OPTS:-} -XX:AOTCacheOutput="$DEST/app.aot" -Dspring.context.exit=onRefresh \
    -jar "$DEST/app.jar" "$@" > "$DEST/training.log" 2>&1 \
    || { cat "$DEST/training.log" >&2; echo "aot-cache: the training run failed" >&2; exit 1; }
[ -f "$DEST/app.aot" ] || { cat "$DEST/training.log" >&2; echo "aot-cache: no cache written" >&2; exit 1; }
echo "aot-cache: $DEST/app.aot ($(du -m "$DEST/app.aot" | cut -f1) MB) in $(( $(date +%s) - started )) s; start with"
echo "  java ${JAVA_OPTS:+$JAVA_OPTS }-XX:AOTCache=$DEST/app.aot -jar $DEST/app.jar"
