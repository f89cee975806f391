# shellcheck shell=bash
# The SMSC simulator (stubs/smsc-simulator): an SMPP 3.4 server that takes every SMS notification-service
# submits, records it (in memory, the newest 10,000, until it stops) and answers delivery receipts, with an
# HTTP API to read the messages back. It sends nothing anywhere. Built from this repository, run from a copy
# in .local/smsc/ (so that `mvn clean` cannot pull the jar from under a running simulator).
#
# Reading the SMS sent to a number (digits compared, with or without '+'):
#   curl -s 'http://127.0.0.1:8027/api/messages?to=+251911234567' | jq '.[] | {text, parts, receipt}'
# DELETE http://127.0.0.1:8027/api/messages forgets every message. Numbers ending in 0000 are undeliverable:
# their receipt says stat:UNDELIV err:001 (a definitive failure).

SMSC_SMPP_PORT=2775
SMSC_API_PORT=8027
SMSC_API_URL="http://127.0.0.1:$SMSC_API_PORT"
# SMPP 3.4 allows at most 15 characters of system_id and 8 of password.
SMSC_SYSTEM_ID=dna-notify
SMSC_PASSWORD=dna-dev
SMSC_TIMEOUT=${SMSC_TIMEOUT:-60}
SMSC_MODULE=stubs/smsc-simulator
SMSC_BUILT_JAR="$REPO_DIR/$SMSC_MODULE/target/smsc-simulator.jar"
SMSC_JAR="$LOCAL_DIR/smsc/smsc-simulator.jar"

# True when the jar is missing or the module's pom.xml or a file under its src/ is newer than it.
smsc_need_build() {
  [[ -f $SMSC_BUILT_JAR ]] || return 0
  [[ -n $(find "$REPO_DIR/$SMSC_MODULE/pom.xml" "$REPO_DIR/$SMSC_MODULE/src" -newer "$SMSC_BUILT_JAR" -print -quit 2>/dev/null) ]]
}

# The module and the root pom it inherits from (-am), nothing else; online, so that a fresh machine can fetch
# what ~/.m2 lacks.
smsc_build() {
  local log="$LOG_DIR/smsc-build.log" maven
  maven=$(project_maven)
  rotate_log "$log"
  (cd "$REPO_DIR" && "$maven" -B -q -Dstyle.color=never -pl "$SMSC_MODULE" -am -DskipTests package) >>"$log" 2>&1 9>&- ||
    fail_with_log "$log" "${maven##*/} -pl $SMSC_MODULE -am package failed"
  [[ -f $SMSC_BUILT_JAR ]] || fail_with_log "$log" "the build left no ${SMSC_BUILT_JAR#"$REPO_DIR"/}"
}

smsc_ready() { http_ok "$SMSC_API_URL/api/health" && port_open "$SMSC_SMPP_PORT"; }

smsc_up() {
  local t0 pid rc=0 built=
  t0=$(clock_us)
  step "smsc"
  if pid=$(running_pid smsc); then
    step_end "already running (pid $pid)"
    return 0
  fi
  require_free_ports "$SMSC_SMPP_PORT" "$SMSC_API_PORT"
  if smsc_need_build; then
    smsc_build
    built="built, "
  fi
  mkdir -p "${SMSC_JAR%/*}"
  # A new file renamed into place: a jar is never rewritten while a JVM may still read it.
  cp -f "$SMSC_BUILT_JAR" "$SMSC_JAR.new"
  mv -f "$SMSC_JAR.new" "$SMSC_JAR"
  rotate_log "$LOG_DIR/smsc.log"
  launch smsc "$LOG_DIR/smsc.log" java -Xms16m -Xmx128m \
    -Dsmsc.host=127.0.0.1 -Dsmsc.smpp.port="$SMSC_SMPP_PORT" -Dsmsc.http.port="$SMSC_API_PORT" \
    -Dsmsc.system-id="$SMSC_SYSTEM_ID" -Dsmsc.password="$SMSC_PASSWORD" \
    -jar "$SMSC_JAR"
  pid=$LAUNCHED_PID
  wait_until "$SMSC_TIMEOUT" "$pid" smsc_ready || rc=$?
  ((rc == 0)) || fail_with_log "$LOG_DIR/smsc.log" "$(wait_failure "$rc" "$SMSC_TIMEOUT")"
  step_end "ready (pid $pid, ${built}$(since "$t0"))"
}

smsc_down() {
  step "smsc"
  stop_component smsc 30
}

smsc_status() {
  component_status smsc "$SMSC_SMPP_PORT $SMSC_API_PORT" "received SMS $SMSC_API_URL/api/messages?to=<number>"
}
