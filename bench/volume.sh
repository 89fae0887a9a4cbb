#!/usr/bin/env bash
# Pages and API calls at volume (issue #9; PRODUCT.md section 8 "fast at volume too").
# Starts the app on a throw-away PostgreSQL with the demo data of section 7, times every console
# page, the list-items API and the token endpoint, loads a large population with SQL (2,000
# partner companies, 10,000 Public applications enabled by Globex, 2,000 Globex users, a million
# audit lines, a 100,000-item list), times everything again and prints one table with the targets:
#   console page: median <= 100 ms, <= 200 KB and <= 3x its demo time at volume;
#   list items:   any page <= 25 ms;  token endpoint: unchanged by volume.
#
#   bash bench/volume.sh
#   SAMPLES=30 bash bench/volume.sh      # more samples per row (default 15, after 3 warm-ups)
#
# A row stops sampling after ROW_BUDGET seconds (default 15) once it has 3 samples (2 for a page
# slower than SLOW=2 s, whose first request then counts), so the run stays under ~10 minutes while
# pages take seconds. The list walk follows `next` links (offset or cursor alike) for at most
# WALK_BUDGET=30 s. Features not in the jar yet (search ?q=, ?page=, cursor paging) are measured
# anyway and reported as absent or ignored instead of failing. BENCH_JAR=path skips the build.
# Needs: a JDK, PostgreSQL binaries (installed from Debian's packages when missing and running as
# root), curl, jq, unzip.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_NEEDS_WRK=0
source bench/lib.sh

SAMPLES=${SAMPLES:-15}
WARMUP=${WARMUP:-3}
ROW_BUDGET=${ROW_BUDGET:-15}
WALK_BUDGET=${WALK_BUDGET:-30}
SLOW=${SLOW:-2}
JIT_ROUNDS=${JIT_ROUNDS:-30}
PASSWORD=demo-password-1
TERM_Q=bridge            # matches the demo's bench application and 1 in 8 volume applications
BEGAN=$SECONDS

for tool in curl jq unzip; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is needed" >&2; exit 1; }
done

bench_prepare
BUILT=$SECONDS

# --- Flyway locations: whatever the jar's postgres profile uses, plus the demo data ----------------
jar_has() { unzip -l "$JAR" "BOOT-INF/classes/$1*" >/dev/null 2>&1; }
jar_property() {
    unzip -p "$JAR" "BOOT-INF/classes/$1" 2>/dev/null | tr -d '\r' \
        | sed -n 's/^[[:space:]]*spring\.flyway\.locations[[:space:]]*[=:][[:space:]]*//p' | tail -n 1
}
flyway_locations() {
    local locations
    locations=$(jar_property application-postgres.properties)
    [ -n "$locations" ] || locations=$(jar_property application.properties)
    [ -n "$locations" ] || locations=classpath:db/migration
    # A vendor folder (db/migration/{vendor}) in the jar but not named by the profile: include it.
    if jar_has db/migration/postgresql/ && [[ "$locations" != *"db/migration/{vendor}"* ]] \
            && [[ "$locations" != *"db/migration/postgresql"* ]]; then
        locations+=",classpath:db/migration/{vendor}"
    fi
    [[ "$locations" == *"db/demo"* ]] || locations+=",classpath:db/demo"
    if jar_has db/demo/postgresql/ && [[ "$locations" != *"db/demo/{vendor}"* ]]; then
        locations+=",classpath:db/demo/{vendor}"
    fi
    echo "$locations"
}
LOCATIONS=$(flyway_locations)
echo "bench: Flyway locations $LOCATIONS"
bench_start_app "--spring.flyway.locations=$LOCATIONS" --partnerapps.demo-data=true
bench_psql -tAc "select 1 from users where email = 'admin@globex.example'" | grep -q 1 \
    || { echo "bench: the demo data was not loaded" >&2; exit 1; }

STAFF="$WORK/staff.cookies"; GLOBEX="$WORK/globex.cookies"; DEV="$WORK/dev.cookies"
bench_sign_in "$STAFF" staff@platform.example "$PASSWORD"
bench_sign_in "$GLOBEX" admin@globex.example "$PASSWORD"
bench_sign_in "$DEV" dev@acme-sandbox.example "$PASSWORD"

# --- An application for the API calls, through the UI: Acme registers it, staff approve it and ---
# --- make it Public, Globex enables it. Its name matches the search term of the volume data. -------
post_form() {   # cookie jar, page with a CSRF token, action, extra form fields...
    local jar=$1 page=$2 action=$3 csrf
    shift 3
    curl -fsS -c "$jar" -b "$jar" "$APP_URL$page" -o "$WORK/form.html"
    csrf=$(csrf_of "$WORK/form.html")
    curl -fsS -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" "$@" "$APP_URL$action"
}
bench_new_application "$DEV" "Volume Bench Bridge" "LIST EXPRPT"
post_form "$DEV" "/admin/web-services/applications/$CLIENT_KEY" "/admin/web-services/applications/$CLIENT_KEY/submit"
post_form "$STAFF" "/admin/web-services/reviews/$CLIENT_KEY" "/admin/web-services/reviews/$CLIENT_KEY/approve" \
    --data-urlencode "comment=Benchmark"
post_form "$STAFF" "/admin/web-services/reviews/$CLIENT_KEY" "/admin/web-services/reviews/$CLIENT_KEY/visibility" \
    --data-urlencode "visibility=PUBLIC"
post_form "$GLOBEX" "/admin/web-services/enabled-applications" \
    "/admin/web-services/enabled-applications/$CLIENT_KEY/enable"

globex_token() {
    curl -fsS -u "$CLIENT_KEY:$CLIENT_SECRET" -d grant_type=client_credentials -d scope=LIST \
        -d company=globex.example "$APP_URL/oauth2/token" | jq -r .access_token
}
TOKEN=$(globex_token)
[ -n "$TOKEN" ] && [ "$TOKEN" != null ] || { echo "bench: no Globex token for the bench application" >&2; exit 1; }

# --- Measuring ------------------------------------------------------------------------------------
declare -A RES NOTE
ROWS=()       # "key|kind|label"; kind: page, feature (page with a new parameter), list, listopt, token
row() { ROWS+=("$1|$2|$3"); }

# Times one URL: WARMUP unmeasured requests, then up to SAMPLES measured ones (fewer once
# ROW_BUDGET seconds have passed and 3 samples exist). A page whose first request takes over
# SLOW seconds is warm already: that request counts as a sample and 2 samples suffice, which keeps
# the run short while the pages are unpaged. Stores "median p90 bytes status n".
measure() {
    local phase=$1 key=$2 url=$3 i started minimum=3 format='%{time_total} %{size_download} %{http_code}\n'
    shift 3
    local out="$WORK/sample.txt"
    local client=(curl -sS --max-time 120 -o /dev/null -w "$format" "$@" "$url")
    : > "$out"
    started=$SECONDS
    "${client[@]}" > "$WORK/warm.txt"
    if awk -v slow="$SLOW" '{ exit !($1 > slow) }' "$WORK/warm.txt"; then
        cat "$WORK/warm.txt" >> "$out"
        minimum=2
        # A new parameter that the slow page ignores (same bytes as without it): one sample says so.
        if [ -n "${SAME_AS:-}" ] && [ "$(awk '{ print $2 }' "$WORK/warm.txt")" = "$(field "$phase/$SAME_AS" 3)" ]; then
            minimum=1
        fi
    else
        for ((i = 1; i < WARMUP; i++)); do "${client[@]}" > /dev/null; done
        started=$SECONDS
    fi
    local n
    while n=$(wc -l < "$out"); (( n < SAMPLES )); do
        if (( n >= minimum && (minimum == 1 || SECONDS - started >= ROW_BUDGET) )); then break; fi
        "${client[@]}" >> "$out"
    done
    RES[$phase/$key]=$(sort -n "$out" | awk '
        { t[NR] = $1 * 1000; b = $2; if (c == "" || $3 != 200) c = $3 }
        END { n = NR; p90 = int((n * 9 + 9) / 10); printf "%.1f %.1f %d %s %d", t[int((n + 1) / 2)], t[p90], b, c, n }')
    printf . >&2
}

api() { measure "$@" -H "Authorization: Bearer $TOKEN"; }
field() { echo "${RES[$1]:-}" | awk -v f="$2" '{ print $f }'; }

# Follows `next` from the first page (limit 100) for at most WALK_BUDGET seconds, timing every page;
# the deepest URL reached is timed afterwards as "deep page via next".
walk_list() {
    local phase=$1 list=$2 url next pages=0 started=$SECONDS line
    url="$APP_URL/api/v3.0/common/listitems?listId=$list&limit=100"
    : > "$WORK/walk.txt"
    DEEP_URL=""
    while [ -n "$url" ] && (( SECONDS - started < WALK_BUDGET )); do
        line=$(curl -sS -o "$WORK/walk.json" -w '%{time_total} %{http_code}' -H "Authorization: Bearer $TOKEN" "$url")
        [ "${line#* }" = 200 ] || break
        echo "${line% *}" >> "$WORK/walk.txt"
        pages=$((pages + 1))
        next=$(jq -r '.next // empty' "$WORK/walk.json" | sed 's/\\u0026/\&/g')
        case "$next" in /*) next="$APP_URL$next" ;; esac
        if [ -n "$next" ]; then DEEP_URL=$next; fi
        url=$next
    done
    RES[$phase/walk]=$(sort -n "$WORK/walk.txt" | awk -v pages="$pages" '
        { t[NR] = $1 * 1000 }
        END { if (NR == 0) { print "- - - - 0"; exit } p90 = int((NR * 9 + 9) / 10);
              printf "%.1f %.1f - 200 %d", t[int((NR + 1) / 2)], t[p90], NR; printf " %.1f", t[NR] }')
    if [ -z "$url" ]; then NOTE[$phase/walk]="$pages pages, walked to the end"
    else NOTE[$phase/walk]="$pages pages in ${WALK_BUDGET}s, not at the end"; fi
    NOTE[$phase/walk]+="; max $(field "$phase/walk" 6) ms"
}

run_phase() {
    local phase=$1 list first_code offset_code i ews=/admin/web-services
    printf 'bench: measuring (%s) ' "$phase" >&2
    measure "$phase" enable "$APP_URL$ews/enabled-applications" -b "$GLOBEX"
    SAME_AS=enable
    measure "$phase" enable_q "$APP_URL$ews/enabled-applications?q=$TERM_Q" -b "$GLOBEX"
    measure "$phase" enable_p "$APP_URL$ews/enabled-applications?page=400" -b "$GLOBEX"
    SAME_AS=
    measure "$phase" reviews "$APP_URL$ews/reviews" -b "$STAFF"
    SAME_AS=reviews
    measure "$phase" reviews_q "$APP_URL$ews/reviews?q=$TERM_Q" -b "$STAFF"
    measure "$phase" reviews_p "$APP_URL$ews/reviews?page=400" -b "$STAFF"
    SAME_AS=
    measure "$phase" users "$APP_URL$ews/users" -b "$GLOBEX"
    SAME_AS=users
    measure "$phase" users_q "$APP_URL$ews/users?q=user1" -b "$GLOBEX"
    SAME_AS=
    measure "$phase" apps "$APP_URL$ews/applications" -b "$DEV"
    SAME_AS=apps
    measure "$phase" apps_q "$APP_URL$ews/applications?q=$TERM_Q" -b "$DEV"
    measure "$phase" apps_p "$APP_URL$ews/applications?page=400" -b "$DEV"
    SAME_AS=
    measure "$phase" audit_app "$APP_URL$ews/audit?application=$TERM_Q" -b "$STAFF"
    measure "$phase" audit_staff "$APP_URL$ews/audit" -b "$STAFF"
    measure "$phase" audit_globex "$APP_URL$ews/audit" -b "$GLOBEX"
    measure "$phase" audit_p "$APP_URL$ews/audit?before=500" -b "$STAFF"
    measure "$phase" audit_globex_p "$APP_URL$ews/audit?before=500" -b "$GLOBEX"

    # The list: Globex's "Project Codes" (3 items) with the demo data, the 100,000-item list at volume.
    if [ "$phase" = demo ]; then list=$DEMO_LIST; else list=$VOLUME_LIST; fi
    TOKEN=$(globex_token)
    local items="$APP_URL/api/v3.0/common/listitems?listId=$list"
    api "$phase" items_first "$items"
    walk_list "$phase" "$list"
    if [ -n "$DEEP_URL" ]; then
        api "$phase" items_deep "$DEEP_URL"
        NOTE[$phase/items_deep]=$(echo "$DEEP_URL" | sed 's/^[^?]*?//; s/listId=[0-9]*&\{0,1\}//' | cut -c1-40)
    else
        NOTE[$phase/items_deep]="no next link"
    fi
    api "$phase" items_offset "$items&offset=99900"
    first_code=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$items" | jq -r '.items[0].code // empty')
    offset_code=$(curl -sS -H "Authorization: Bearer $TOKEN" "$items&offset=99900" | jq -r '.items[0].code // empty' 2>/dev/null || true)
    if [ "$(field "$phase/items_offset" 4)" != 200 ]; then NOTE[$phase/items_offset]="offset refused"
    elif [ -n "$offset_code" ] && [ "$offset_code" = "$first_code" ]; then NOTE[$phase/items_offset]="offset ignored (first page)"
    elif [ -z "$offset_code" ]; then NOTE[$phase/items_offset]="empty page (list shorter)"
    else NOTE[$phase/items_offset]="from $offset_code"; fi

    measure "$phase" token "$APP_URL/oauth2/token" -u "$CLIENT_KEY:$CLIENT_SECRET" -d grant_type=client_credentials
    echo >&2
}

# The JIT compiles the request path only after a few hundred requests: without this the demo
# figures would measure interpretation, not the pages.
warm_jit() {
    local i ews=$APP_URL/admin/web-services
    echo "bench: warming up the JIT ($JIT_ROUNDS rounds over the pages and calls)"
    TOKEN=$(globex_token)
    for ((i = 0; i < JIT_ROUNDS; i++)); do
        curl -sS -o /dev/null -b "$GLOBEX" "$ews/enabled-applications" -o /dev/null "$ews/users" \
            -o /dev/null "$ews/audit"
        curl -sS -o /dev/null -b "$STAFF" "$ews/reviews" -o /dev/null "$ews/audit?application=$TERM_Q"
        curl -sS -o /dev/null -b "$DEV" "$ews/applications"
        curl -sS -o /dev/null -H "Authorization: Bearer $TOKEN" "$APP_URL/api/v3.0/common/listitems?listId=$DEMO_LIST"
        curl -sS -o /dev/null -u "$CLIENT_KEY:$CLIENT_SECRET" -d grant_type=client_credentials "$APP_URL/oauth2/token"
    done
}

row enable page "Enable Applications (admin@globex)"
row enable_q feature "  ... ?q=$TERM_Q"
row enable_p feature "  ... ?page=400"
row reviews page "Review Partner Applications (staff)"
row reviews_q feature "  ... ?q=$TERM_Q"
row reviews_p feature "  ... ?page=400"
row users page "Users and Permissions (admin@globex)"
row users_q feature "  ... ?q=user1"
row apps page "Application Registration (dev@acme)"
row apps_q feature "  ... ?q=$TERM_Q"
row apps_p feature "  ... ?page=400"
row audit_app page "Audit Log ?application=$TERM_Q (staff)"
row audit_staff page "Audit Log (staff)"
row audit_globex page "Audit Log (admin@globex)"
row audit_p page "Audit Log, oldest lines ?before=500 (staff)"
row audit_globex_p page "Audit Log, oldest lines ?before=500 (admin@globex)"
row items_first list "listitems first page (limit 25)"
row walk list "listitems walk via next (limit 100)"
row items_deep list "listitems deepest page via next"
row items_offset listopt "listitems ?offset=99900"
row token token "POST /oauth2/token client_credentials"

DEMO_LIST=$(bench_psql -tAc "select l.id from lists l join companies c on c.id = l.company_id
    where c.domain = 'globex.example' and l.name = 'Project Codes'")
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$SECONDS
warm_jit
run_phase demo
DEMO_DONE=$SECONDS

# --- The population --------------------------------------------------------------------------------
echo "bench: loading the population (2,000 companies, 10,000 applications, 2,000 users, 1,000,000 audit lines, 100,000 list items)"
load_started=$SECONDS
bench_psql <<'SQL'
-- Only the columns the population needs are set: columns added later with defaults keep working.
begin;
create temp table refs on commit drop as
select (select id from companies where domain = 'acme-sandbox.example') as acme,
       (select id from companies where domain = 'globex.example') as globex,
       (select id from users where email = 'dev@acme-sandbox.example') as acme_dev,
       (select id from users where email = 'staff@platform.example') as staff,
       (select company_id from users where email = 'staff@platform.example') as platform,
       (select password_hash from users where email = 'admin@globex.example') as password_hash;

-- 2,000 Development Partner companies, each with its Web Services Administrator.
insert into companies (name, domain, development_partner, created_at)
select 'Volume Partner ' || lpad(g::text, 4, '0'), 'partner' || g || '.volume.example', true,
       now() - interval '800 days' + g * interval '1 hour'
from generate_series(1, 2000) g;

insert into users (company_id, email, password_hash, created_at)
select c.id, 'dev@' || c.domain, r.password_hash, c.created_at
from companies c cross join refs r where c.domain like '%.volume.example';

-- 2,000 Globex users: every 10th a Web Services Administrator, every 100th a Company Administrator.
insert into users (company_id, email, password_hash, created_at)
select r.globex, 'user' || g || '@globex.example', r.password_hash, now() - interval '700 days' + g * interval '5 hours'
from generate_series(1, 2000) g cross join refs r;

insert into user_permissions (user_id, permission)
select id, 'WEB_SERVICES_ADMINISTRATOR' from users where email like 'dev@%.volume.example'
union all
select id, 'WEB_SERVICES_ADMINISTRATOR' from users where email ~ '^user[0-9]*0@globex\.example$'
union all
select id, 'COMPANY_ADMINISTRATOR' from users where email ~ '^user[0-9]*00@globex\.example$';

-- 10,000 Public, approved, active applications: 2,000 of Acme Sandbox, 4 per new partner company.
create temp table vol_apps on commit drop as
select g as n, coalesce(p.id, r.acme) as owner_company_id, coalesce(u.id, r.acme_dev) as owner_user_id,
       coalesce(u.email, 'dev@acme-sandbox.example') as owner_email,
       (array['Expense', 'Travel', 'Receipt', 'Invoice', 'Mileage', 'Card', 'Trip', 'Per Diem'])[1 + g % 8] || ' '
           || (array['Sync', 'Bridge', 'Connector', 'Export', 'Import', 'Gateway', 'Hub', 'Robot'])[1 + (g / 8) % 8]
           || ' ' || g as name,
       'volume-' || lpad(g::text, 5, '0') || '-' || substr(md5(g::text), 1, 16) as client_key,
       now() - interval '730 days' + g * interval '1 hour' as created_at
from generate_series(1, 10000) g
cross join refs r
left join companies p on g > 2000 and p.domain = 'partner' || ((g - 2001) % 2000 + 1) || '.volume.example'
left join users u on u.email = 'dev@' || p.domain;

insert into partner_applications (owner_company_id, name, name_key, description, visibility, active, client_key,
                                  review_state, created_at, created_by, updated_at, updated_by)
select owner_company_id, name, lower(name),
       'Connects ' || name || ' with the platform''s expense and travel data for the companies that enable it.',
       'PUBLIC', true, client_key, 'APPROVED', created_at, owner_email, created_at, owner_email
from vol_apps order by n;

alter table vol_apps add column app_id bigint;
update vol_apps v set app_id = p.id from partner_applications p where p.client_key = v.client_key;

insert into application_secrets (application_id, digest, created_at, created_by)
select app_id, encode(sha256(convert_to(client_key, 'UTF8')), 'hex'), created_at, owner_email
from vol_apps order by n;

insert into partner_application_scopes (application_id, scope)
select v.app_id, s.scope
from vol_apps v
cross join lateral (values ('LIST'), (case when v.n % 2 = 0 then 'EXPRPT' end), (case when v.n % 4 = 0 then 'CCARD' end),
                           (case when v.n % 3 = 0 then 'TRVPRF' end), (case when v.n % 5 = 0 then 'USER' end)) s (scope)
where s.scope is not null;

-- Enabled by their owners (as registration does) and all enabled by Globex.
insert into application_enablements (application_id, company_id, enabled, changed_at, changed_by)
select app_id, owner_company_id, true, created_at, owner_email from vol_apps
union all
select v.app_id, r.globex, true, v.created_at + interval '1 day', 'admin@globex.example' from vol_apps v cross join refs r;

-- 1,000,000 audit lines, one a minute over ~2 years: 2,000 "user added" by Globex's administrator,
-- then application events cycling through the applications, their owners, staff and 200 Globex admins.
create temp table globex_actors on commit drop as
select row_number() over (order by id) - 1 as i, id, email, company_id from users
where email ~ '^user[0-9]*0@globex\.example$' limit 200;

insert into audit_events (occurred_at, actor_user_id, actor_email, actor_company_id, action, company_id, detail)
select now() - (1000000 - g) * interval '1 minute', a.id, a.email, a.company_id, 'USER_ADDED', a.company_id,
       'user' || g || '@globex.example'
from generate_series(1, 2000) g cross join (select id, email, company_id from users where email = 'admin@globex.example') a;

insert into audit_events (occurred_at, actor_user_id, actor_email, actor_company_id, action, application_id,
                          application_name, owner_company_id, company_id, detail)
select now() - (1000000 - g) * interval '1 minute',
       case k.who when 'owner' then v.owner_user_id when 'staff' then r.staff else ga.id end,
       case k.who when 'owner' then v.owner_email when 'staff' then 'staff@platform.example' else ga.email end,
       case k.who when 'owner' then v.owner_company_id when 'staff' then r.platform else ga.company_id end,
       k.action, v.app_id, v.name, v.owner_company_id,
       case when k.action in ('ENABLED', 'DISABLED') then
           case k.who when 'owner' then v.owner_company_id else r.globex end end,
       case k.action when 'MODIFIED' then 'Changed: Description.'
                     when 'NEW_SECRET' then 'The previous secret no longer works.'
                     when 'VISIBILITY_CHANGED' then 'Private to Public.' end
from generate_series(2001, 1000000) g
join vol_apps v on v.n = g % 10000 + 1
join (values (0, 'ENABLED', 'globex'), (1, 'ENABLED', 'owner'), (2, 'DISABLED', 'globex'), (3, 'MODIFIED', 'owner'),
             (4, 'MODIFIED', 'owner'), (5, 'NEW_SECRET', 'owner'), (6, 'REGISTERED', 'owner'),
             (7, 'SUBMITTED', 'owner'), (8, 'APPROVED', 'staff'), (9, 'VISIBILITY_CHANGED', 'staff'))
     as k (i, action, who) on k.i = (g % 10 + g / 10000) % 10
join globex_actors ga on ga.i = g % 200
cross join refs r;

-- A list of 100,000 items in Globex's company.
insert into lists (company_id, name) select globex, 'Volume Items' from refs;
insert into list_items (list_id, code, name)
select l.id, 'VOL-' || lpad(g::text, 6, '0'), 'Volume item ' || g
from generate_series(1, 100000) g
join lists l on l.name = 'Volume Items' join refs r on l.company_id = r.globex;

-- Whatever the instances cache about applications and enablements is stale now.
do $$ begin
    if to_regclass('change_epoch') is not null then update change_epoch set epoch = epoch + 1; end if;
end $$;
commit;
vacuum analyze;
SQL
LOAD_SECONDS=$((SECONDS - load_started))
bench_psql -tA -F' ' -c "select (select count(*) from companies), (select count(*) from partner_applications),
    (select count(*) from users), (select count(*) from audit_events), (select count(*) from list_items)" \
    | awk '{ printf "bench: loaded; now %s companies, %s applications, %s users, %s audit lines, %s list items\n", $1, $2, $3, $4, $5 }'
VOLUME_LIST=$(bench_psql -tAc "select l.id from lists l join companies c on c.id = l.company_id
    where c.domain = 'globex.example' and l.name = 'Volume Items'")
VOLUME_STARTED=$SECONDS
run_phase volume

# --- The table -------------------------------------------------------------------------------------
above() { awk -v v="$1" -v limit="$2" 'BEGIN { exit !(v != "-" && v != "" && v + 0 > limit) }'; }
fmt_ms() { [ -n "$1" ] && [ "$1" != - ] && echo "$1" || echo "-"; }
fmt_kb() { [ -n "$1" ] && [ "$1" != - ] && awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }' || echo "-"; }
echo
echo "== Partner Apps at volume: median (p90) ms over up to $SAMPLES requests after $WARMUP warm-ups; KB downloaded =="
printf '%-42s %17s %9s %17s %9s %7s  %-5s %s\n' "page / call" "demo ms (p90)" "demo KB" "volume ms (p90)" \
    "vol KB" "ratio" "n" "targets / notes"
failures=0
for r in "${ROWS[@]}"; do
    IFS='|' read -r key kind label <<< "$r"
    read -r dm dp db dc dn _ <<< "${RES[demo/$key]:-- - - - 0}"
    read -r vm vp vb vc vn _ <<< "${RES[volume/$key]:-- - - - 0}"
    ratio=$(awk -v a="$dm" -v b="$vm" 'BEGIN { if (a + 0 > 0 && b != "-") printf "%.1f", b / a; else print "-" }')
    flags=()
    if [ "$vc" != 200 ] && [ "$vc" != - ]; then
        case $kind in
            feature|listopt) flags+=("absent (HTTP $vc)") ;;
            *) flags+=("HTTP $vc") ;;
        esac
    else
        case $kind in
            page|feature)
                if above "$vm" 100; then flags+=(">100ms"); fi
                if above "$vb" $((200 * 1024)); then flags+=(">200KB"); fi
                if above "$ratio" 3; then flags+=(">3x demo"); fi
                if [ "$kind" = feature ] && [ "$vb" = "$(field "volume/${key%_*}" 3)" ]; then
                    flags+=("param ignored? (same size as unfiltered)")
                fi ;;
            list|listopt)
                if above "$vm" 25; then flags+=(">25ms"); fi ;;
            token)
                if awk -v a="$dm" -v b="$vm" 'BEGIN { exit !(b > a * 1.5 && b > a + 2) }'; then
                    flags+=("slower at volume")
                fi ;;
        esac
        if [ ${#flags[@]} -eq 0 ] && [ "$vm" != - ]; then flags+=("ok"); fi
    fi
    case "${flags[*]}" in ok|*"param ignored"*|"absent"*) ;; *) failures=$((failures + 1)) ;; esac
    note="${flags[*]}"
    if [ -n "${NOTE[volume/$key]:-}" ]; then note+="; ${NOTE[volume/$key]}"; fi
    if [ "$dc" != 200 ] && [ "$dc" != - ]; then note+="; demo HTTP $dc"; fi
    printf '%-42s %17s %9s %17s %9s %7s  %-5s %s\n' "$label" "$(fmt_ms "$dm") ($(fmt_ms "$dp"))" "$(fmt_kb "$db")" \
        "$(fmt_ms "$vm") ($(fmt_ms "$vp"))" "$(fmt_kb "$vb")" "$ratio" "$dn/$vn" "$note"
done
echo
echo "Targets at volume: console page median <= 100 ms, <= 200 KB, <= 3x demo; list items <= 25 ms (walk: p90);"
echo "token endpoint not slower than 1.5x demo (+2 ms). Rows outside a target: $failures (not counting
absent or apparently ignored new parameters)."
echo "Demo list: Globex 'Project Codes' (3 items); volume list: 'Volume Items' (100,000 items). Load: ${LOAD_SECONDS}s."
echo "Machine:   $(nproc) cores, load average $LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end;"
echo "           $("$JAVA" -version 2>&1 | head -n 1); $("$PG_BIN/postgres" --version); curl on the same machine"
echo "App RSS:   peak $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$APP_PID/status")"
echo "Run time:  $((SECONDS - BEGAN)) s: build $((BUILT - BEGAN)) s, start and set-up $((STARTED - BUILT)) s," \
    "demo $((DEMO_DONE - STARTED)) s, load ${LOAD_SECONDS} s, volume $((SECONDS - VOLUME_STARTED)) s"
