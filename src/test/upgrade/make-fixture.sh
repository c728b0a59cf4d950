#!/usr/bin/env bash
# Makes the upgrade fixtures: databases written by the last single-organisation Shirong (Flyway V21),
# on which UpgradeFixtureTest (and the V22 migration's tests) start the current code.
#
#   src/test/upgrade/make-fixture.sh [commit]       # default: the last V21 commit below
#   FIXTURE_OUT=/tmp/v21-check src/test/upgrade/make-fixture.sh   # to another folder, e.g. to compare
# About 4 minutes (2 cores). The fixtures' dates are the day it runs; after regenerating, bring the
# expectations of UpgradeFixtureTest (statuses, counts) in line with the new README.md.
#
# What it does, in a temporary directory (nothing in the worktree is touched but the fixture folder):
#   1. clones this repository at <commit> and builds its jar (mvn -q -o -DskipTests package);
#   2. runs the jar as the demo run does (H2 file database ./data/shirong) and fills it through the HTTP API
#      with FixtureData.java (cases in every state with photos, an import, one campaign per template,
#      a joint meeting, scores, inbox, a Tasklist filter), stops it with SIGTERM and keeps data/shirong.mv.db;
#   3. starts a PostgreSQL server, runs the jar with the production profile on it, fills it the same way
#      (the admin first sets the users' passwords, as an operator does) and writes a plain pg_dump;
#   4. writes the counts and case numbers into the fixture's README.md.
# Output: src/test/resources/upgrade/v21/{h2/shirong.mv.db,postgres.sql,README.md}
#
# PostgreSQL: the zonky binaries the tests use (PostgreSQL 17) carry no pg_dump, and pg_dump refuses a
# server newer than itself. The server here is therefore the one whose pg_dump is installed
# (PG_BIN, default Debian's /usr/lib/postgresql/15/bin: initdb, pg_ctl, pg_dump of the same version).
# A plain dump of an older server restores into a newer one (UpgradeFixtures restores it into zonky's 17).
# Needs: Java 17, Maven with the project's dependencies in ~/.m2, git, and PG_BIN (run as root: the server
# runs as the 'postgres' user).
set -euo pipefail

COMMIT=${1:-c7b5d9b12c19a8a91a9e960087c8d00ca7570163}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
APP_PORT=${APP_PORT:-18721}
PG_PORT=${PG_PORT:-15721}
ADMIN_PG_PASSWORD='Jiuting#2026-Shirong'       # ShirongOnPostgres.ADMIN_PASSWORD
RECOVERY_PG_PASSWORD='Songjiang#2026-Recover'   # ShirongOnPostgres.RECOVERY_PASSWORD
USER_PG_PASSWORD='Shirong#2026-Upgrade'         # UpgradeFixtures.PG_USER_PASSWORD

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(git -C "$HERE" rev-parse --show-toplevel)
OUT=${FIXTURE_OUT:-$REPO/src/test/resources/upgrade/v21}   # FIXTURE_OUT: write elsewhere (to compare)
WORK=$(mktemp -d /tmp/shirong-fixture.XXXXXX)
chmod 755 "$WORK"
APP_PID=
cleanup() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" || true; fi
    if [ -d "$WORK/pgdata" ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -m fast stop >/dev/null 2>&1 || true; fi
    echo "work directory (logs): $WORK"
}
trap cleanup EXIT

echo "== building $COMMIT"
git clone -q "$REPO" "$WORK/src"
git -C "$WORK/src" checkout -q "$COMMIT"
if [ -n "${V21_JAR:-}" ]; then
    JAR=$V21_JAR    # a jar already built from $COMMIT (to retry quickly)
else
    (cd "$WORK/src" && mvn -q -o -DskipTests package)
    JAR=$(ls "$WORK"/src/target/shirong-*.jar | grep -v original | head -1)
fi
mkdir -p "$WORK/lib"
(cd "$WORK/lib" && unzip -q -j "$JAR" 'BOOT-INF/lib/jackson-*.jar' 'BOOT-INF/lib/h2-*.jar')
LIB="$WORK/lib/*"

# Starts the jar in $1 with the remaining arguments and waits for StartupReport's line.
start_app() {
    local dir=$1; shift
    mkdir -p "$dir"
    (cd "$dir" && exec java -Xmx768m -jar "$JAR" --server.port=$APP_PORT "$@" >app.log 2>&1) &
    APP_PID=$!
    for _ in $(seq 1 240); do
        if grep -q 'Shirong 市容 已启动' "$dir/app.log" 2>/dev/null; then return 0; fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then tail -50 "$dir/app.log"; return 1; fi
        sleep 1
    done
    tail -50 "$dir/app.log"; return 1
}

# SIGTERM: Spring closes the context (job executor, then the connection pool), as a service manager stops it.
stop_app() {
    kill "$APP_PID"; wait "$APP_PID" || true; APP_PID=
}

fill() {
    java -cp "$LIB" "$HERE/FixtureData.java" "http://localhost:$APP_PORT" "$@"
}

COUNT_SQL="select 'rect_case', count(*) from rect_case union all select 'rect_case_event', count(*) from rect_case_event
 union all select 'rect_case_photo', count(*) from rect_case_photo union all select 'rect_case_extension', count(*) from rect_case_extension
 union all select 'campaign', count(*) from campaign union all select 'campaign_task', count(*) from campaign_task
 union all select 'campaign_case', count(*) from campaign_case union all select 'campaign_document', count(*) from campaign_document
 union all select 'meeting', count(*) from meeting union all select 'meeting_decision', count(*) from meeting_decision
 union all select 'score_unit', count(*) from score_unit union all select 'notification_outbox', count(*) from notification_outbox
 union all select 'notification_inbox', count(*) from notification_inbox union all select 'org_task_filter', count(*) from org_task_filter
 union all select 'act_ru_task', count(*) from act_ru_task union all select 'act_ru_execution (process instances)', count(*) from act_ru_execution where id_ = proc_inst_id_
 union all select 'act_ru_job', count(*) from act_ru_job union all select 'act_ru_filter', count(*) from act_ru_filter
 union all select 'act_hi_procinst', count(*) from act_hi_procinst union all select 'act_id_user', count(*) from act_id_user
 union all select 'shirong_schema_history', count(*) from shirong_schema_history"
CASE_SQL="select case_no, status, lead_unit, overdue, escalated, rework_count, extension_count from rect_case order by case_no"

echo "== H2 (demo run)"
start_app "$WORK/h2"
fill admin demo | tee "$WORK/h2/fill.out"
stop_app
h2() { java -cp "$LIB" org.h2.tools.Shell -url "jdbc:h2:file:$WORK/h2/data/shirong" -user sa -password "" -sql "$1"; }
h2 "${COUNT_SQL//from shirong_schema_history/from \"shirong_schema_history\"}" > "$WORK/h2/counts.txt"
h2 "$CASE_SQL" > "$WORK/h2/cases.txt"
# Rewrites the file without the free space a running engine leaves behind (same content, a fraction of the size).
h2 "shutdown compact" >/dev/null
mkdir -p "$OUT/h2"
cp "$WORK/h2/data/shirong.mv.db" "$OUT/h2/shirong.mv.db"

echo "== PostgreSQL ($PG_BIN)"
mkdir -p "$WORK/pgdata" "$WORK/pgsock"
chown postgres "$WORK/pgdata" "$WORK/pgsock"
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pgdata" -U postgres -A trust -E UTF8 --no-locale >"$WORK/initdb.log"
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pgdata/server.log" -w \
    -o "-p $PG_PORT -k $WORK/pgsock -c listen_addresses=localhost" start >/dev/null
PG_VERSION=$("$PG_BIN/postgres" --version)
start_app "$WORK/pg" --spring.profiles.active=postgres --SHIRONG_DB_URL=jdbc:postgresql://localhost:$PG_PORT/postgres \
    --SHIRONG_DB_USER=postgres --SHIRONG_DB_PASSWORD=postgres --SHIRONG_ADMIN_PASSWORD="$ADMIN_PG_PASSWORD" \
    --SHIRONG_RECOVERY_ADMIN_PASSWORD="$RECOVERY_PG_PASSWORD"
fill "$ADMIN_PG_PASSWORD" "$USER_PG_PASSWORD" set-passwords | tee "$WORK/pg/fill.out"
stop_app
PSQL="$PG_BIN/psql -h localhost -p $PG_PORT -U postgres -d postgres -X -q"
$PSQL -c "$COUNT_SQL" > "$WORK/pg/counts.txt"
$PSQL -c "$CASE_SQL" > "$WORK/pg/cases.txt"
"$PG_BIN/pg_dump" -h localhost -p $PG_PORT -U postgres -d postgres --no-owner --no-privileges > "$OUT/postgres.sql"

echo "== README"
{
    cat "$HERE/fixture-readme-head.md"
    echo
    echo "Made $(date -u '+%Y-%m-%d %H:%M UTC') by \`src/test/upgrade/make-fixture.sh\` from commit \`$COMMIT\`"
    echo "($(git -C "$WORK/src" log -1 --format='%s' | cut -c1-100)…)."
    echo "PostgreSQL fixture: server and pg_dump $PG_VERSION; the tests restore it into zonky's PostgreSQL 17."
    echo
    echo "## H2 (\`h2/shirong.mv.db\`, $(du -k "$OUT/h2/shirong.mv.db" | cut -f1) KB)"
    echo
    echo '```'
    cat "$WORK/h2/counts.txt"
    echo
    cat "$WORK/h2/cases.txt"
    echo '```'
    echo
    echo "Cases as FixtureData meant them:"
    echo
    grep '^CASE ' "$WORK/h2/fill.out" | sed 's/^CASE /- /'
    echo
    echo "## PostgreSQL (\`postgres.sql\`, $(du -k "$OUT/postgres.sql" | cut -f1) KB)"
    echo
    echo '```'
    cat "$WORK/pg/counts.txt"
    echo
    cat "$WORK/pg/cases.txt"
    echo '```'
    echo
    echo "Cases as FixtureData meant them:"
    echo
    grep '^CASE ' "$WORK/pg/fill.out" | sed 's/^CASE /- /'
} > "$OUT/README.md"
ls -l "$OUT" "$OUT/h2"
