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
SERVICE_TIMEOUT=${SERVICE_TIMEOUT:-120}
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-"-Xms64m -Xmx512m"}
# AES-256 key for intake-service's encryption of personal data: 32 bytes ("dna-local-dev-only-pii-key-00001"),
# base64. DEVELOPMENT ONLY - published in this repository, so it protects nothing.
DEV_PII_KEY="ZG5hLWxvY2FsLWRldi1vbmx5LXBpaS1rZXktMDAwMDE="

service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$REPO_DIR" "$1"; }

# Entries of SERVICES whose module exists (the modules are written while this stack is).
present_services() {
  local entry
  for entry in "${SERVICES[@]}"; do
    [[ -f $REPO_DIR/${entry%%:*}/pom.xml ]] && printf '%s\n' "$entry"
  done
  return 0
}

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

services_build() {
  local t0 log="$LOG_DIR/build.log" maven
  t0=$(clock_us)
  step "building services"
  maven=$(project_maven)
  rotate_log "$log"
  (cd "$REPO_DIR" && "$maven" -B -q -DskipTests package) >>"$log" 2>&1 9>&- ||
    fail_with_log "$log" "${maven##*/} -B -q -DskipTests package failed"
  step_end "done ($(since "$t0"))"
}

# Environment of one service: the contract its %prod profile reads.
service_env() {
  local module=$1 port=$2 db=$3
  SERVICE_ENV=(
    "DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$db" "DB_USER=$db" "DB_PASSWORD=$db"
    "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP"
    "OIDC_AUTH_SERVER_URL=$KEYCLOAK_URL/realms/dna"
    "QUARKUS_HTTP_PORT=$port"
  )
  case $module in
    intake-service)
      SERVICE_ENV+=("PII_KEYS=dev1:$DEV_PII_KEY" "PII_ACTIVE_KEY=dev1")
      ;;
    notification-service)
      SERVICE_ENV+=("SMTP_HOST=127.0.0.1" "SMTP_PORT=$GREENMAIL_SMTP_PORT" "INTAKE_URL=http://localhost:8081"
        "OIDC_CLIENT_SECRET=notification-service-dev-secret")
      ;;
  esac
}

services_up() {
  local entry module port db pid t0
  local -a present=() pending=() still=()
  mapfile -t present < <(present_services)
  for entry in "${SERVICES[@]}"; do
    [[ -f $REPO_DIR/${entry%%:*}/pom.xml ]] && continue
    step "${entry%%:*}"
    step_end "skipped (no ${entry%%:*}/pom.xml yet)"
  done
  ((${#present[@]})) || return 0
  if services_need_build "${present[@]}"; then
    services_build
  fi

  # Start all at once (they do not depend on each other), then report each as it becomes ready.
  t0=$(clock_us)
  for entry in "${present[@]}"; do
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
    service_env "$module" "$port" "$db"
    # shellcheck disable=SC2086 # SERVICE_JAVA_OPTS holds several JVM options
    launch "$module" "$LOG_DIR/$module.log" env "${SERVICE_ENV[@]}" java $SERVICE_JAVA_OPTS -jar "$(service_jar "$module")"
    pending+=("$module:$port:$LAUNCHED_PID")
  done

  while ((${#pending[@]})); do
    still=()
    for entry in "${pending[@]}"; do
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
    pending=("${still[@]}")
    ((${#pending[@]} == 0)) || sleep 0.5
  done
}

services_down() {
  local entry
  for entry in "${SERVICES[@]}"; do
    step "${entry%%:*}"
    stop_component "${entry%%:*}" 30
  done
}

services_status() {
  local entry module port
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r module port _ <<<"$entry"
    if [[ -f $REPO_DIR/$module/pom.xml ]]; then
      component_status "$module" "$port" "http://localhost:$port/q/swagger-ui"
    else
      status_line "$module" down - "$port" "no module yet"
    fi
  done
}
