# shellcheck shell=bash
# `suite bench`: the benchmarks (benchmarks/, run as benchmarks/target/benchmarks.jar) against the
# running suite, brought up first when it is not. The script measures what only it can: each service's
# start-up alone (stopped, started again, until ready) and the four together; the jar measures the rest,
# each figure beside a baseline from the same run (pgbench, Kafka's EndToEndLatency), and writes
# .local/bench/<run>/report.md with PNG charts. A full run (not --short) also copies the report to
# benchmarks/report/, where the last one is kept in the repository.
# Sourced by deploy/local/suite after the other libraries.

BENCH_JAR="$REPO_DIR/benchmarks/target/benchmarks.jar"
# pgbench at c=64 beside the services' pools needs more than PostgreSQL's default 100 connections.
BENCH_PG_CONNECTIONS=200
# The per-caller rate limits (50 requests a second for one client) would measure themselves: the run
# raises them, and restarts the services with their normal settings at the end.
BENCH_ENV=("DNA_RATE_LIMIT_BURST=1000000" "DNA_RATE_LIMIT_PER_SECOND=1000000")

# Raises max_connections of the local cluster when it is lower (a restart, which the services ride out).
bench_postgres_room() {
  local now
  pg_read_cluster || die "no PostgreSQL cluster"
  now=$(pg_superuser_psql -d postgres -tA -c 'show max_connections')
  ((now >= BENCH_PG_CONNECTIONS)) && return 0
  step "postgres"
  pg_superuser_psql -d postgres -c "alter system set max_connections = $BENCH_PG_CONNECTIONS" >>"$LOG_DIR/postgres.log" 2>&1
  as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart >>"$LOG_DIR/postgres.log" 2>&1 ||
    fail_with_log "$LOG_DIR/postgres.log" "pg_ctlcluster restart failed"
  wait_until 60 "" pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || die "PostgreSQL did not come back"
  step_end "max_connections $now -> $BENCH_PG_CONNECTIONS (restarted)"
}

# bench_startup FILE: "name<TAB>seconds" for each service started alone, then "suite" for all four.
bench_startup() {
  local file=$1 entry module port db t0 us
  : >"$file"
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r module port db <<<"$entry"
    # A jar's first run writes its class-data archive (services.sh) when it stops: run it once unmeasured, so
    # that the figure is that of every later start.
    if [[ ! -f $SERVICE_CDS_DIR/$module-$(stat -c %Y "$(service_jar "$module")").jsa ]]; then
      step "$module"
      stop_component "$module" 30
      service_start "$module" "$module" "$port" "$db"
    fi
    step "$module"
    stop_component "$module" 30
    # Let the machine settle, so the start-up is measured alone.
    sleep 3
    t0=$(clock_us)
    service_start "$module" "$module" "$port" "$db"
    us=$(($(clock_us) - t0))
    printf '%s\t%d.%03d\n' "$module" $((us / 1000000)) $((us % 1000000 / 1000)) >>"$file"
  done
  for entry in "${SERVICES[@]}"; do
    step "${entry%%:*}"
    stop_component "${entry%%:*}" 30
  done
  sleep 3
  t0=$(clock_us)
  SERVICES_PENDING=()
  services_launch_missing
  services_await_ready "$t0"
  us=$(($(clock_us) - t0))
  printf 'suite\t%d.%03d\n' $((us / 1000000)) $((us % 1000000 / 1000)) >>"$file"
}

bench_machine() {
  local cpu mem
  cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)
  mem=$(free -g 2>/dev/null | awk '/^Mem:/ {print $2}')
  printf '%s, %s CPU(s) %s, %s GiB RAM, %s' "$(uname -sr)" "$(nproc)" "${cpu:-?}" "${mem:-?}" \
    "$(java -version 2>&1 | head -n 1)"
}

cmd_bench() {
  local short=0 arg run dir pids="" entry module pid rc=0
  local -a options=()
  for arg in "$@"; do
    case $arg in
      --short) short=1 options+=(--short) ;;
      *) die "bench takes only --short" ;;
    esac
  done
  take_lock
  stage "bench: the suite"
  infra_up
  services_up
  [[ -f $BENCH_JAR ]] || services_build
  [[ -f $BENCH_JAR ]] || die "benchmarks/target/benchmarks.jar is missing after the build"
  command -v pgbench >/dev/null || die "pgbench is missing (Debian: postgresql-client)"

  bench_postgres_room
  run=$(date -u +%Y%m%d%H%M%S)
  dir="$LOCAL_DIR/bench/$run"
  mkdir -p "$dir"
  stage "bench: start-up of each service alone, then of the four together"
  SERVICE_EXTRA_ENV=("${BENCH_ENV[@]}")
  bench_startup "$dir/startup.tsv"
  SERVICE_EXTRA_ENV=()

  for entry in "${SERVICES[@]}"; do
    module=${entry%%:*}
    pid=$(running_pid "$module") || die "$module is not running"
    pids+="${pids:+,}$module=$pid"
  done
  for module in postgres kafka keycloak; do
    if [[ $module == postgres ]]; then
      # The postmaster; its resident memory is counted with its backends' (children).
      pg_read_cluster || continue
      pid=$(as_root head -n 1 "/var/lib/postgresql/$PG_VERSION/$PG_CLUSTER/postmaster.pid" 2>/dev/null) || continue
    else
      pid=$(running_pid "$module") || continue
    fi
    pids+=",$module=$pid"
  done
  # Idle means idle: the services have just started and the machine settles first.
  sleep 15
  stage "bench: load (report in ${dir#"$REPO_DIR"/})"
  java -Djava.awt.headless=true -jar "$BENCH_JAR" --out "$dir" "${options[@]}" \
    --keycloak "$KEYCLOAK_URL" --intake http://localhost:8081 --registry http://localhost:8083 --mail-api "$GREENMAIL_API_URL" --jdbc "jdbc:postgresql://127.0.0.1:$PG_PORT/" \
    --bootstrap "$KAFKA_BOOTSTRAP" --kafka-libs "$KAFKA_LIBS" --pgbench "$(command -v pgbench)" \
    --pids "$pids" --startup "$dir/startup.tsv" --machine "$(bench_machine)" || rc=$?
  stage "bench: the services again, with their normal settings"
  for entry in "${SERVICES[@]}"; do
    step "${entry%%:*}"
    stop_component "${entry%%:*}" 30
  done
  services_up
  # The benchmark's families would otherwise hold the local centres' places for weeks (and get reminders).
  withdraw_families 'BENCH-%' "bench: withdrawing its families"
  ((rc == 0)) || die "the benchmark failed (exit $rc; its output is above)"
  if ((short == 0)); then
    mkdir -p "$REPO_DIR/benchmarks/report"
    cp "$dir"/report.md "$dir"/*.png "$REPO_DIR/benchmarks/report/"
    printf '\nreport: benchmarks/report/report.md (and %s)\n' "${dir#"$REPO_DIR"/}"
  else
    printf '\nreport: %s/report.md\n' "${dir#"$REPO_DIR"/}"
  fi
}
