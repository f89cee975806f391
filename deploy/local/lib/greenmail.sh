# shellcheck shell=bash
# GreenMail standalone: an SMTP server that keeps every mail it receives (in memory, until it
# stops), for any recipient and without authentication, with an HTTP API to read them back.
#
# Reading a recipient's mails (the "mail viewer"; the OpenAPI UI is at http://127.0.0.1:8025/):
#   curl -s http://127.0.0.1:8025/api/user/amina@example.org/messages/INBOX | jq '.[] | {subject, mimeMessage}'
# Other endpoints: GET /api/user (every recipient seen so far), POST /api/mail/purge (delete all mails).

GREENMAIL_SMTP_PORT=3025
GREENMAIL_IMAP_PORT=3143
GREENMAIL_API_PORT=8025
GREENMAIL_API_URL="http://127.0.0.1:$GREENMAIL_API_PORT"
GREENMAIL_TIMEOUT=${GREENMAIL_TIMEOUT:-60}

# True when the SMTP port greets with 220 (a port that merely accepts is not enough).
smtp_answers() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$GREENMAIL_SMTP_PORT" || exit 1
    read -r -t 3 greeting <&3 || exit 1
    printf 'QUIT\r\n' >&3
    [[ $greeting == 220* ]]
  ) 2>/dev/null
}

greenmail_ready() { smtp_answers && http_ok "$GREENMAIL_API_URL/api/service/readiness"; }

greenmail_up() {
  local t0 pid rc=0 jar
  t0=$(clock_us)
  step "greenmail"
  if pid=$(running_pid greenmail); then
    step_end "already running (pid $pid)"
    return 0
  fi
  require_free_ports "$GREENMAIL_SMTP_PORT" "$GREENMAIL_IMAP_PORT" "$GREENMAIL_API_PORT"
  jar="$DOWNLOAD_DIR/greenmail-standalone-$(pom_property greenmail.version).jar"
  [[ -f $jar ]] || download copy@greenmail
  rotate_log "$LOG_DIR/greenmail.log"
  # setup.test.* = SMTP on 3025 and IMAP on 3143; auth.disabled = any recipient, no login needed.
  launch greenmail "$LOG_DIR/greenmail.log" java -Xms32m -Xmx512m \
    -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
    -Dgreenmail.auth.disabled \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$GREENMAIL_API_PORT" \
    -jar "$jar"
  pid=$LAUNCHED_PID
  wait_until "$GREENMAIL_TIMEOUT" "$pid" greenmail_ready || rc=$?
  ((rc == 0)) || fail_with_log "$LOG_DIR/greenmail.log" "$(wait_failure "$rc" "$GREENMAIL_TIMEOUT")"
  step_end "ready (pid $pid, $(since "$t0"))"
}

greenmail_down() {
  step "greenmail"
  stop_component greenmail 30
}

greenmail_status() {
  component_status greenmail "$GREENMAIL_SMTP_PORT $GREENMAIL_IMAP_PORT $GREENMAIL_API_PORT" "mail viewer $GREENMAIL_API_URL/api/user/<recipient>/messages/INBOX"
}
