# shellcheck shell=bash
# The WhatsApp Cloud API stub (stubs/whatsapp-cloud-stub): stands in for Meta's WhatsApp Business Cloud API.
# notification-service POSTs its WhatsApp messages to it (POST /v21.0/<phone number id>/messages with the bearer
# token below); it records them (in memory, the newest 10,000, until it stops), answers with a wamid and, about
# 300 ms later, POSTs Meta's status webhooks ("sent", then "delivered") to notification-service's
# /webhooks/whatsapp, signed with the app secret below (X-Hub-Signature-256). It sends nothing to WhatsApp. Built
# from this repository, run from a copy in .local/whatsapp/ (so that `mvn clean` cannot pull the jar from under a
# running stub).
#
# Reading the messages sent to a number (digits compared, with or without '+'):
#   curl -s 'http://127.0.0.1:8029/api/messages?to=+251911234567' | jq '.[] | {text, statuses}'
# DELETE http://127.0.0.1:8029/api/messages forgets every message. Numbers ending in 0000 are accepted, then get a
# "failed" status (error 131026); numbers ending in 1111 are refused at once (HTTP 400, error 131026).

WHATSAPP_PORT=8029
WHATSAPP_URL="http://127.0.0.1:$WHATSAPP_PORT"
# Development values only; notification-service gets the same ones (services.sh).
WHATSAPP_PHONE_NUMBER_ID=109876543210
WHATSAPP_ACCESS_TOKEN=dna-dev-whatsapp-token
WHATSAPP_APP_SECRET=dna-dev-whatsapp-app-secret
# What notification-service expects when Meta verifies its webhook URL (the stub does not: set up by hand).
# shellcheck disable=SC2034 # read by services.sh
WHATSAPP_VERIFY_TOKEN=dna-dev-whatsapp-verify
# notification-service's status webhook (its port is in SERVICES, services.sh).
WHATSAPP_CALLBACK_URL=http://localhost:8084/webhooks/whatsapp
WHATSAPP_TIMEOUT=${WHATSAPP_TIMEOUT:-60}
WHATSAPP_MODULE=stubs/whatsapp-cloud-stub
WHATSAPP_BUILT_JAR="$REPO_DIR/$WHATSAPP_MODULE/target/whatsapp-cloud-stub.jar"
WHATSAPP_JAR="$LOCAL_DIR/whatsapp/whatsapp-cloud-stub.jar"

# True when the jar is missing or the module's pom.xml or a file under its src/ is newer than it.
whatsapp_need_build() {
  [[ -f $WHATSAPP_BUILT_JAR ]] || return 0
  [[ -n $(find "$REPO_DIR/$WHATSAPP_MODULE/pom.xml" "$REPO_DIR/$WHATSAPP_MODULE/src" -newer "$WHATSAPP_BUILT_JAR" -print -quit 2>/dev/null) ]]
}

# The module and the root pom it inherits from (-am), nothing else; online, so that a fresh machine can fetch
# what ~/.m2 lacks.
whatsapp_build() {
  local log="$LOG_DIR/whatsapp-build.log" maven
  maven=$(project_maven)
  rotate_log "$log"
  (cd "$REPO_DIR" && "$maven" -B -q -Dstyle.color=never -pl "$WHATSAPP_MODULE" -am -DskipTests package) >>"$log" 2>&1 9>&- ||
    fail_with_log "$log" "${maven##*/} -pl $WHATSAPP_MODULE -am package failed"
  [[ -f $WHATSAPP_BUILT_JAR ]] || fail_with_log "$log" "the build left no ${WHATSAPP_BUILT_JAR#"$REPO_DIR"/}"
}

whatsapp_ready() { http_ok "$WHATSAPP_URL/api/health"; }

whatsapp_up() {
  local t0 pid rc=0 built=
  t0=$(clock_us)
  step "whatsapp"
  if pid=$(running_pid whatsapp); then
    step_end "already running (pid $pid)"
    return 0
  fi
  require_free_ports "$WHATSAPP_PORT"
  if whatsapp_need_build; then
    whatsapp_build
    built="built, "
  fi
  mkdir -p "${WHATSAPP_JAR%/*}"
  # A new file renamed into place: a jar is never rewritten while a JVM may still read it.
  cp -f "$WHATSAPP_BUILT_JAR" "$WHATSAPP_JAR.new"
  mv -f "$WHATSAPP_JAR.new" "$WHATSAPP_JAR"
  rotate_log "$LOG_DIR/whatsapp.log"
  launch whatsapp "$LOG_DIR/whatsapp.log" java -Xms16m -Xmx128m \
    -Dwhatsapp.host=127.0.0.1 -Dwhatsapp.port="$WHATSAPP_PORT" \
    -Dwhatsapp.phone-number-id="$WHATSAPP_PHONE_NUMBER_ID" -Dwhatsapp.access-token="$WHATSAPP_ACCESS_TOKEN" \
    -Dwhatsapp.app-secret="$WHATSAPP_APP_SECRET" -Dwhatsapp.callback-url="$WHATSAPP_CALLBACK_URL" \
    -jar "$WHATSAPP_JAR"
  pid=$LAUNCHED_PID
  wait_until "$WHATSAPP_TIMEOUT" "$pid" whatsapp_ready || rc=$?
  ((rc == 0)) || fail_with_log "$LOG_DIR/whatsapp.log" "$(wait_failure "$rc" "$WHATSAPP_TIMEOUT")"
  step_end "ready (pid $pid, ${built}$(since "$t0"))"
}

whatsapp_down() {
  step "whatsapp"
  stop_component whatsapp 30
}

whatsapp_status() {
  component_status whatsapp "$WHATSAPP_PORT" "received WhatsApp messages $WHATSAPP_URL/api/messages?to=<number>"
}
