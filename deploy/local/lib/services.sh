# shellcheck shell=bash
# The four Quarkus services, run from their packaged jars (prod profile) with the environment
# variables their %prod configuration reads.

# module:port:database
SERVICES=(
  intake-service:8081:intake
  scheduling-service:8082:scheduling
  mhac-registry-service:8083:registry
  notification-service:8084:notification
)
# The staff console (module:port:-): a web application that owns no database; started and stopped with the
# services, but not one of them for the fault suite, the benchmark or `reset`.
CONSOLE=staff-console:8085:-
# What `up` starts and `down` stops.
RUNNABLES=("${SERVICES[@]}" "$CONSOLE")
# A second scheduling-service instance (same database and consumer group) that `faults` runs for its
# race scenario: component name and HTTP port.
SCHEDULING_SECOND=scheduling-service-2
SCHEDULING_SECOND_PORT=8092
SERVICE_TIMEOUT=${SERVICE_TIMEOUT:-120}
SERVICES_PENDING=()
# Extra environment for the next service_launch (the fault suite's injection settings); normally none.
SERVICE_EXTRA_ENV=()
# JVM settings for a 2-core host that runs the whole suite (docs/operations.md, "Sizing"): the serial
# collector and a 128 MiB heap (idle use is ~40 MiB; a 24 MiB young generation, or a loaded service spends
# a tenth of its time in minor collections), the C1 compiler only (C2 compiled for minutes on
# every start and took a core from the services at the same time), small thread stacks. With glibc's
# arenas capped (MALLOC_ARENA_MAX, below) an idle service keeps ~210 MiB resident instead of ~340.
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-"-XX:+UseSerialGC -Xms16m -Xmx128m -XX:NewSize=24m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m -Xss512k"}
# Class data sharing (AppCDS): a service's first run after a build writes the classes it loaded to
# .local/run/cds/<component>-<jar's mtime>.jsa when it stops; later runs of that jar map them instead of
# loading them again (start-up alone 4.0 s -> 2.3 s).
SERVICE_CDS_DIR="$RUN_DIR/cds"
# AES-256 key for intake-service's encryption of personal data: 32 bytes ("dna-local-dev-only-pii-key-00001"),
# base64. DEVELOPMENT ONLY - published in this repository, so it protects nothing.
DEV_PII_KEY="ZG5hLWxvY2FsLWRldi1vbmx5LXBpaS1rZXktMDAwMDE="

service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$REPO_DIR" "$1"; }

# True when a service jar is missing or any pom.xml or file under a module's src/ is newer than it.
services_need_build() {
  local entry jar
  for entry in "$@"; do
    jar=$(service_jar "${entry%%:*}")
    [[ -f $jar ]] || return 0
    [[ -n $(find "$REPO_DIR/pom.xml" "$REPO_DIR"/*/pom.xml "$REPO_DIR"/*/src -newer "$jar" -print -quit 2>/dev/null) ]] && return 0
  done
  return 1
}

SUITE_MODULES=intake-service,mhac-registry-service,scheduling-service,notification-service,staff-console,stubs/smsc-simulator,stubs/whatsapp-cloud-stub,benchmarks

services_build() {
  local t0 log="$LOG_DIR/build.log" maven
  t0=$(clock_us)
  step "building services"
  maven=$(project_maven)
  rotate_log "$log"
  # What the suite runs (the services, the stubs, the benchmark) and what they are built from (-am); other
  # modules (e.g. a tool in the making) cannot hold up the suite.
  (cd "$REPO_DIR" && "$maven" -B -q -DskipTests -pl "$SUITE_MODULES" -am package) >>"$log" 2>&1 9>&- ||
    fail_with_log "$log" "${maven##*/} -B -q -DskipTests -pl $SUITE_MODULES -am package failed"
  step_end "done ($(since "$t0"))"
}

# Environment of one service: the contract its %prod profile reads.
service_env() {
  local module=$1 port=$2 db=$3
  SERVICE_ENV=(
    "OIDC_AUTH_SERVER_URL=$KEYCLOAK_URL/realms/dna"
    "QUARKUS_HTTP_PORT=$port"
    # Plain log lines, for people reading .local/logs; production writes JSON (the default).
    "LOG_JSON=${LOG_JSON:-false}"
  )
  if [[ $db != - ]]; then
    SERVICE_ENV+=("DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$db" "DB_USER=$db" "DB_PASSWORD=$db"
      "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP")
  fi
  case $module in
    staff-console)
      SERVICE_ENV+=("INTAKE_URL=http://localhost:8081" "SCHEDULING_URL=http://localhost:8082"
        "REGISTRY_URL=http://localhost:8083" "NOTIFICATION_URL=http://localhost:8084"
        "OIDC_CLIENT_SECRET=staff-console-dev-secret-not-for-production")
      ;;
    intake-service)
      # The development key, or the keys `suite rotate-key` made (lib/keys.sh).
      pii_keys_read
      SERVICE_ENV+=("PII_KEYS=$PII_KEYS_LIST" "PII_ACTIVE_KEY=$PII_ACTIVE")
      ;;
    notification-service)
      SERVICE_ENV+=("SMTP_HOST=127.0.0.1" "SMTP_PORT=$GREENMAIL_SMTP_PORT" "INTAKE_URL=http://localhost:8081"
        "REGISTRY_URL=http://localhost:8083" "SCHEDULING_URL=http://localhost:8082"
        "OIDC_CLIENT_SECRET=notification-service-dev-secret"
        "SMSC_HOST=127.0.0.1" "SMSC_PORT=$SMSC_SMPP_PORT" "SMSC_SYSTEM_ID=$SMSC_SYSTEM_ID" "SMSC_PASSWORD=$SMSC_PASSWORD"
        "NOTIFICATION_WHATSAPP_BASE_URL=$WHATSAPP_URL"
        "NOTIFICATION_WHATSAPP_PHONE_NUMBER_ID=$WHATSAPP_PHONE_NUMBER_ID"
        "NOTIFICATION_WHATSAPP_ACCESS_TOKEN=$WHATSAPP_ACCESS_TOKEN"
        "NOTIFICATION_WHATSAPP_APP_SECRET=$WHATSAPP_APP_SECRET"
        "NOTIFICATION_WHATSAPP_VERIFY_TOKEN=$WHATSAPP_VERIFY_TOKEN")
      ;;
  esac
}

# service_launch NAME MODULE PORT DB: starts MODULE's jar as it is, as component NAME (its pid file
# and log; the module itself, or a second instance such as scheduling-service-2) on PORT.
service_launch() {
  local name=$1 module=$2 port=$3 db=$4 jar archive cds
  service_env "$module" "$port" "$db"
  jar=$(service_jar "$module")
  # Named after the jar's build time: an instance still running an older jar writes an archive of its own.
  archive="$SERVICE_CDS_DIR/$name-$(stat -c %Y "$jar").jsa"
  mkdir -p "$SERVICE_CDS_DIR"
  if [[ -f $archive ]]; then
    cds="-XX:SharedArchiveFile=$archive"
  else
    find "$SERVICE_CDS_DIR" -name "$name-*.jsa" -delete
    cds="-XX:ArchiveClassesAtExit=$archive"
  fi
  # shellcheck disable=SC2086 # SERVICE_JAVA_OPTS holds several JVM options
  launch "$name" "$LOG_DIR/$name.log" env "${SERVICE_ENV[@]}" "${SERVICE_EXTRA_ENV[@]}" MALLOC_ARENA_MAX=2 \
    java $SERVICE_JAVA_OPTS "$cds" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar"
}

# The SERVICES entry (module:port:database) of a module.
service_entry() {
  local entry
  for entry in "${SERVICES[@]}"; do
    [[ ${entry%%:*} == "$1" ]] && printf '%s' "$entry" && return 0
  done
  return 1
}

# service_start NAME MODULE PORT DB: (re)starts one service and waits until it is ready, with one
# progress line. It never builds: `faults` restarts services mid-run, and a build then would change
# the code under test (and compete for the CPU with what is being measured). The log is appended to,
# not rotated, so that a restart keeps the lines that show what the service did before it died.
service_start() {
  local name=$1 module=$2 port=$3 db=$4 pid t0 rc=0
  t0=$(clock_us)
  step "$name"
  if pid=$(running_pid "$name"); then
    step_end "already running (pid $pid)"
    return 0
  fi
  if port_open "$port"; then
    step_end "FAILED: port $port is in use by a process the suite did not start"
    exit 1
  fi
  if [[ ! -f $(service_jar "$module") ]]; then
    step_end "FAILED: ${module}/target/quarkus-app/quarkus-run.jar is missing"
    exit 1
  fi
  printf '\n---- started by deploy/local/suite at %s ----\n' "$(date -u '+%F %T UTC')" >>"$LOG_DIR/$name.log"
  service_launch "$name" "$module" "$port" "$db"
  pid=$LAUNCHED_PID
  wait_until "$SERVICE_TIMEOUT" "$pid" http_ok "http://localhost:$port/q/health/ready" || rc=$?
  ((rc == 0)) || fail_with_log "$LOG_DIR/$name.log" "$(wait_failure "$rc" "$SERVICE_TIMEOUT")"
  step_end "ready (pid $pid, port $port, $(since "$t0"))"
}

services_up() {
  local t0
  if services_need_build "${RUNNABLES[@]}"; then
    services_build
  fi
  # Start all at once (they do not depend on each other), then report each as it becomes ready.
  t0=$(clock_us)
  SERVICES_PENDING=()
  services_launch_missing
  services_await_ready "$t0"
}

# Launches every service that is not running; sets SERVICES_PENDING (module:port:pid) to those launched.
services_launch_missing() {
  local entry module port db pid
  for entry in "${RUNNABLES[@]}"; do
    IFS=: read -r module port db <<<"$entry"
    if pid=$(running_pid "$module"); then
      step "$module"
      step_end "already running (pid $pid)"
      continue
    fi
    if port_open "$port"; then
      step "$module"
      step_end "FAILED: port $port is in use by a process the suite did not start"
      exit 1
    fi
    if [[ ! -f $(service_jar "$module") ]]; then
      step "$module"
      step_end "FAILED: ${module}/target/quarkus-app/quarkus-run.jar is missing after the build"
      exit 1
    fi
    rotate_log "$LOG_DIR/$module.log"
    service_launch "$module" "$module" "$port" "$db"
    SERVICES_PENDING+=("$module:$port:$LAUNCHED_PID")
  done
}

# services_await_ready T0: one line per launched service as it becomes ready; fails on the first that
# dies or is not ready within SERVICE_TIMEOUT seconds of T0.
services_await_ready() {
  local t0=$1 entry module port pid
  local -a still=()
  while ((${#SERVICES_PENDING[@]})); do
    still=()
    for entry in "${SERVICES_PENDING[@]}"; do
      IFS=: read -r module port pid <<<"$entry"
      if http_ok "http://localhost:$port/q/health/ready"; then
        step "$module"
        step_end "ready (pid $pid, port $port, $(since "$t0"))"
      elif ! kill -0 "$pid" 2>/dev/null; then
        step "$module"
        fail_with_log "$LOG_DIR/$module.log" "$(wait_failure 2)"
      elif (($(clock_us) - t0 > SERVICE_TIMEOUT * 1000000)); then
        step "$module"
        fail_with_log "$LOG_DIR/$module.log" "$(wait_failure 1 "$SERVICE_TIMEOUT")"
      else
        still+=("$entry")
      fi
    done
    SERVICES_PENDING=("${still[@]}")
    ((${#SERVICES_PENDING[@]} == 0)) || sleep 0.5
  done
}

services_down() {
  local entry
  # A second scheduling instance that `faults` left behind (it stops its own, unless it was killed).
  if [[ -f $(pid_file "$SCHEDULING_SECOND") ]]; then
    step "$SCHEDULING_SECOND"
    stop_component "$SCHEDULING_SECOND" 30
  fi
  for entry in "${RUNNABLES[@]}"; do
    step "${entry%%:*}"
    stop_component "${entry%%:*}" 30
  done
}

services_status() {
  local entry module port
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r module port _ <<<"$entry"
    component_status "$module" "$port" "http://localhost:$port/q/swagger-ui"
  done
  IFS=: read -r module port _ <<<"$CONSOLE"
  component_status "$module" "$port" "http://localhost:$port/"
  if [[ -f $(pid_file "$SCHEDULING_SECOND") ]]; then
    component_status "$SCHEDULING_SECOND" "$SCHEDULING_SECOND_PORT" "second instance, left by 'suite faults'"
  fi
}
