# shellcheck shell=bash
# PostgreSQL: the system's own (Debian's postgresql package and its pg_ctlcluster tooling), one
# role and database per service plus a *_test database for the @QuarkusTest tests.

PG_PORT=5432
# One database per service, owned by a role of the same name (and platform's, for its own tests).
# The password equals the name: development only, this cluster must never hold real data.
PG_DATABASES=(intake scheduling registry notification platform)
PG_STARTED_FLAG="$RUN_DIR/postgres.started-by-suite"
# Raised when a migration that has already run is rewritten, which is allowed while nothing is deployed (epoch 2:
# the outbox and inbox tables left the services' V1 scripts for platform's). A local database of an older epoch
# would fail Flyway's checksum validation, so the suite drops and recreates it: local data is disposable.
PG_SCHEMA_EPOCH=2

# Sets PG_VERSION, PG_CLUSTER, PG_CLUSTER_PORT and PG_STATUS from the first cluster pg_lsclusters lists.
pg_read_cluster() {
  local line
  line=$(pg_lsclusters -h 2>/dev/null | head -n 1)
  [[ -n $line ]] || return 1
  read -r PG_VERSION PG_CLUSTER PG_CLUSTER_PORT PG_STATUS _ <<<"$line"
}

# psql as the cluster's superuser over the Unix socket (peer authentication).
pg_superuser_psql() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
  else
    (cd / && sudo -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
  fi
}

# Creates the roles and databases that do not exist yet; resets the development passwords.
pg_provision() {
  local db sql=""
  for db in "${PG_DATABASES[@]}"; do
    sql+="SELECT format('CREATE ROLE %I LOGIN', '$db') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db')\\gexec
ALTER ROLE \"$db\" WITH LOGIN PASSWORD '$db';
SELECT format('CREATE DATABASE %I OWNER %I', '$db', '$db') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\\gexec
SELECT format('CREATE DATABASE %I OWNER %I', '${db}_test', '$db') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${db}_test')\\gexec
"
  done
  pg_superuser_psql -d postgres <<<"$sql"
  pg_renew_old_epochs
}

# Recreates the service databases whose schema epoch (kept as the database's comment) is older than the suite's.
pg_renew_old_epochs() {
  local db comment
  for db in "${PG_DATABASES[@]}"; do
    comment=$(pg_superuser_psql -d postgres -tA -c \
      "select coalesce(shobj_description(oid, 'pg_database'), '') from pg_database where datname = '$db'")
    [[ $comment == "dna-schema-epoch $PG_SCHEMA_EPOCH" ]] && continue
    if [[ -n $comment || $(pg_superuser_psql -d "$db" -tA -c "select to_regclass('public.flyway_schema_history') is not null") == t ]]; then
      echo "database $db: schema epoch '${comment:-none}' is older than $PG_SCHEMA_EPOCH; recreating it"
      pg_superuser_psql -d postgres -c "drop database \"$db\" with (force)" -c "create database \"$db\" owner \"$db\""
    fi
    pg_superuser_psql -d postgres -c "comment on database \"$db\" is 'dna-schema-epoch $PG_SCHEMA_EPOCH'"
  done
}

postgres_up() {
  local t0 log="$LOG_DIR/postgres.log" note="" verb=ready rc=0
  t0=$(clock_us)
  step "postgres"
  if ! command -v pg_ctlcluster >/dev/null; then
    note="installed, "
    { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; } >>"$log" 2>&1 ||
      fail_with_log "$log" "apt-get install postgresql failed"
  fi
  if ! pg_read_cluster; then
    # Debian's package normally creates "main"; a machine where it was dropped gets it back.
    as_root pg_createcluster "$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -n | tail -n 1)" main >>"$log" 2>&1 ||
      fail_with_log "$log" "pg_createcluster failed"
    pg_read_cluster || fail_with_log "$log" "no cluster after pg_createcluster"
  fi
  [[ $PG_CLUSTER_PORT == "$PG_PORT" ]] ||
    fail_with_log "$log" "cluster $PG_VERSION/$PG_CLUSTER listens on port $PG_CLUSTER_PORT, the suite expects $PG_PORT"

  if [[ $PG_STATUS == online* ]]; then
    verb="already running"
  else
    # Exit code 2 means "already running" (started between our look and now).
    as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >>"$log" 2>&1 || rc=$?
    case $rc in
      0)
        # Remembered so that `down` stops the cluster only when the suite started it.
        : >"$PG_STARTED_FLAG"
        STARTED+=(postgres)
        ;;
      2) verb="already running" ;;
      *) fail_with_log "/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log" "pg_ctlcluster start failed ($rc)" ;;
    esac
  fi

  rc=0
  wait_until 60 "" pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || rc=$?
  ((rc == 0)) || fail_with_log "/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log" "$(wait_failure "$rc" 60)"
  pg_provision >>"$log" 2>&1 || fail_with_log "$log" "creating roles and databases failed"
  # The services log in with a password over TCP: prove that this works, not only the socket.
  PGPASSWORD=intake psql -X -h 127.0.0.1 -p "$PG_PORT" -U intake -d intake -tAc 'select 1' >>"$log" 2>&1 ||
    fail_with_log "$log" "password login over TCP (127.0.0.1:$PG_PORT) fails: check listen_addresses and pg_hba.conf"
  step_end "$verb (${note}databases checked, $(since "$t0"))"
}

# The services' own databases, not the *_test ones nor platform's (the module tests'): what `reset` empties.
PG_SERVICE_DATABASES=(intake scheduling registry notification)

# Drops and recreates each service's database (empty, at the current schema epoch; Flyway builds it
# again when the service starts). The services must not be running.
pg_empty_service_databases() {
  local db
  for db in "${PG_SERVICE_DATABASES[@]}"; do
    pg_superuser_psql -d postgres -c "drop database if exists \"$db\" with (force)" \
      -c "create database \"$db\" owner \"$db\"" \
      -c "comment on database \"$db\" is 'dna-schema-epoch $PG_SCHEMA_EPOCH'"
  done
}

postgres_down() {
  step "postgres"
  if [[ ! -f $PG_STARTED_FLAG ]]; then
    step_end "left running (not started by the suite)"
    return 0
  fi
  local t0
  t0=$(clock_us)
  if pg_read_cluster && [[ $PG_STATUS == online* ]]; then
    as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop >>"$LOG_DIR/postgres.log" 2>&1 ||
      fail_with_log "$LOG_DIR/postgres.log" "pg_ctlcluster stop failed"
  fi
  rm -f "$PG_STARTED_FLAG"
  step_end "stopped ($(since "$t0"))"
}

postgres_status() {
  local state=down pid=- who=""
  [[ -f $PG_STARTED_FLAG ]] && who=", started by the suite"
  if command -v pg_lsclusters >/dev/null && pg_read_cluster; then
    if [[ $PG_STATUS == online* ]]; then
      state=up
      pid=$(head -n 1 "/run/postgresql/$PG_VERSION-$PG_CLUSTER.pid" 2>/dev/null || echo '?')
      [[ -n $who ]] || who=", the system's (not started by the suite)"
    fi
    status_line postgres "$state" "$pid" "$PG_PORT" "cluster $PG_VERSION/$PG_CLUSTER$who"
  else
    status_line postgres down - "$PG_PORT" "not installed"
  fi
}
