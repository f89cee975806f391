# shellcheck shell=bash
# `suite faults`: fault injection against the running suite. Each scenario drives families through
# the public intake API (as the IND would: bounded concurrency, bounded retries of an idempotent
# POST), injects one kind of fault, waits (bounded) until the flow has converged again, and counts by
# ids in the databases and the mail server, never by log lines:
#   lost        accepted by intake but not handled (booked or waitlisted) after convergence
#   duplicated  a second live booking, a mail or a SENT delivery more than once per appointment
#   overbooked  slots with more people than capacity (all slots, not only this scenario's)
#   dlq         records added to the *.dlq topics and dead letters / outbox rows parked meanwhile
# Everything stays on 127.0.0.1; processes are signalled only through the suite's pid files, and
# PostgreSQL only through pg_ctlcluster. Work files and report: .local/faults/<run>/.
# Sourced by deploy/local/suite after the other libraries (it uses their settings and functions).

FAULT_SCENARIOS=(kafka-kill service-kill pause db-restart paused-consumer-db-outage replay
  notification-kill-after-send intake-outage race)
FAULT_SHORT_SCENARIOS=(db-restart paused-consumer-db-outage intake-outage)
# Rounds of the chosen scenarios in one run (--repeat N), e.g. the race many times over.
FAULT_REPEAT=1
FAULT_ROUND=
FAULT_RELEASED=()
# Seconds to wait for convergence once the fault is over and the load has been sent.
FAULT_TIMEOUT=${FAULT_TIMEOUT:-180}
# Families per scenario for every scenario (empty: each scenario's own full or short size).
FAULT_N=${FAULT_N:-}
# The IND's client: parallel POSTs, each attempt bounded, retried a bounded number of times.
FAULT_WORKERS=${FAULT_WORKERS:-4}
FAULT_POST_TIMEOUT=15
FAULT_POST_ATTEMPTS=${FAULT_POST_ATTEMPTS:-100}
FAULT_RETRY_PAUSE=2
# No load runs longer than this, whatever the faults do to it.
FAULT_LOAD_TIMEOUT=${FAULT_LOAD_TIMEOUT:-900}
# The MHAC countries the families are spread over (JSON, for jq).
FAULT_COUNTRIES='["ET", "IR", "LB", "SD", "TR"]'
FAULT_INTAKE_API=http://localhost:8081/api/v1/sampling-requests
FAULT_REGISTRY_API=http://localhost:8083/api/v1
FAULT_TOKEN_URL="$KEYCLOAK_URL/realms/dna/protocol/openid-connect/token"
# Consumer groups (the services' application.properties) and the suite topics each reads. Only these
# topics are reset: the @QuarkusTest tests use the same group ids on test.-prefixed topics.
FAULT_GROUPS=(
  "intake-service:scheduling.appointments.v1,notification.deliveries.v1,registry.slots.v1"
  "scheduling-service:intake.sampling-requests.v1,registry.slots.v1"
  "notification-service:scheduling.appointments.v1"
)
# Intake statuses that mean scheduling has decided about the family (SCHEDULED, WAITLISTED or later).
FAULT_HANDLED_STATUSES='SCHEDULED|WAITLISTED|PARTIALLY_SAMPLED|SAMPLED|UNREACHABLE'

# State of the run.
FAULT_SHORT=0
FAULT_RUN_ID=
FAULT_DIR=
FAULT_LOG=/dev/null
FAULT_TEMPLATE=
FAULT_MAIL_MEMBER=
FAULT_ROWS=()
FAULT_NOTES=()
FAULT_FAILED=0
declare -A FAULT_WARNED=()
# What the cleanup must undo if the run stops half-way: pids held with SIGSTOP, components killed or
# stopped and not yet restarted, PostgreSQL stopped, load workers still running.
FAULT_PAUSED=()
FAULT_DOWN=()
FAULT_PG_STOPPED=0
FAULT_LOAD_PIDS=()
FAULT_PARKED=0
# State of the current scenario.
SC_NAME=
SC_N=0
SC_DIR=
SC_PREFIX=
SC_MAIL_PREFIX=
SC_SINCE=
SC_DLQ0=0
SC_DLQ=-
SC_EXTRA_DUP=0
SC_CONVERGED=-
FAULT_END_US=0

# ---- helpers --------------------------------------------------------------------------------------

fault_note() {
  FAULT_NOTES+=("$SC_NAME: $*")
  printf '  note: %s\n' "$*"
}

fault_warn_once() {
  [[ -n ${FAULT_WARNED[$1]:-} ]] && return 0
  FAULT_WARNED[$1]=1
  FAULT_NOTES+=("warning: $2")
  printf '  warning: %s\n' "$2"
}

# fault_size FULL SHORT: a scenario's number of families (FAULT_N overrides both).
fault_size() {
  if [[ -n $FAULT_N ]]; then
    printf '%s' "$FAULT_N"
  elif ((FAULT_SHORT)); then
    printf '%s' "$2"
  else
    printf '%s' "$1"
  fi
}

# fault_secs FULL SHORT: how long an outage lasts.
fault_secs() { if ((FAULT_SHORT)); then printf '%s' "$2"; else printf '%s' "$1"; fi; }

# "12.3": seconds since a clock_us value, for the table.
fault_seconds_since() {
  local tenths=$((($(clock_us) - $1) / 100000))
  printf '%d.%d' $((tenths / 10)) $((tenths % 10))
}

# fault_sql DB < SQL: rows tab-separated, as the service's own role over TCP (as the services log in).
# Bounded: a database that is down fails at once, a stuck query after 30 s.
fault_sql() {
  PGPASSWORD=$1 PGCONNECT_TIMEOUT=5 PGOPTIONS='-c statement_timeout=30s' \
    psql -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$1" -d "$1" -f - 2>>"$FAULT_LOG"
}

# A Kafka command-line tool as kafka_tool runs it, but bounded in time: a tool must not hang the run
# while the broker is away.
fault_kafka_tool() {
  timeout 120 java -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.properties" -cp "$KAFKA_LIBS/*" "$@" 9>&-
}

fault_token_ind() {
  curl -s --max-time 10 -d grant_type=client_credentials -d client_id=ind-system \
    -d client_secret=ind-system-dev-secret "$FAULT_TOKEN_URL" | jq -r '.access_token // empty' 2>/dev/null
}

# Demo users (password demo-password) through the public client dna-cli, as the README's scripts do.
fault_token_user() {
  curl -s --max-time 10 -d grant_type=password -d client_id=dna-cli -d username="$1" -d password=demo-password \
    "$FAULT_TOKEN_URL" | jq -r '.access_token // empty' 2>/dev/null
}

# Writes a fresh IND token to file $1, atomically: the load workers read it while one of them renews
# it (tokens expire after a few minutes, and a scenario can run longer).
fault_refresh_token() {
  local token
  token=$(fault_token_ind) || true
  [[ -n $token ]] || return 1
  printf '%s' "$token" >"$1.$BASHPID"
  mv -f "$1.$BASHPID" "$1"
}

# ---- the load: the IND submitting families ----------------------------------------------------------

# One POST of a body; prints the HTTP status (000 when there was no answer).
load_post() {
  local token
  token=$(<"$1/token")
  printf '%s' "$2" | curl -s -o /dev/null -w '%{http_code}' --max-time "$FAULT_POST_TIMEOUT" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary @- "$FAULT_INTAKE_API" 2>/dev/null || true
}

# load_submit DIR N BODY DEADLINE_US: submits family N until intake takes it, like the IND would:
# the POST is idempotent per indReference, so resending after a timeout or a 5xx is safe. Records the
# final status and the number of attempts in DIR/status/N.
load_submit() {
  local dir=$1 i=$2 body=$3 deadline=$4 attempt=0 code=000
  while ((attempt < FAULT_POST_ATTEMPTS)); do
    attempt=$((attempt + 1))
    code=$(load_post "$dir" "$body")
    case $code in
      2??) break ;;
      401) fault_refresh_token "$dir/token" || true ;;
      408 | 429) ;;
      4??) break ;; # the request itself is refused: sending it again cannot help
    esac
    (($(clock_us) + FAULT_RETRY_PAUSE * 1000000 < deadline)) || break
    sleep "$FAULT_RETRY_PAUSE"
  done
  printf '%s %s\n' "$code" "$attempt" >"$dir/status/$i"
}

# load_worker DIR W WORKERS PACE DEADLINE_US: submits every WORKERS-th family from line W of the
# bodies, pausing PACE seconds between families so that the load lasts through the fault.
load_worker() {
  local dir=$1 w=$2 workers=$3 pace=$4 deadline=$5 i body
  while IFS=$'\t' read -r i body; do
    (($(clock_us) < deadline)) || break
    : >"$dir/sent/$i"
    load_submit "$dir" "$i" "$body" "$deadline"
    [[ $pace == 0 ]] || sleep "$pace"
  done < <(awk -v w="$w" -v n="$workers" 'NR % n == w % n { print NR "\t" $0 }' "$dir/bodies.jsonl")
}

# load_start WORKERS PACE: the current scenario's families, sent in the background.
load_start() {
  local workers=$1 pace=$2 w deadline
  deadline=$(($(clock_us) + FAULT_LOAD_TIMEOUT * 1000000))
  FAULT_LOAD_PIDS=()
  for ((w = 1; w <= workers; w++)); do
    load_worker "$SC_DIR" "$w" "$workers" "$pace" "$deadline" 2>>"$SC_DIR/load.log" 9>&- &
    FAULT_LOAD_PIDS+=("$!")
  done
  printf '  load: %s families, %s at a time, %s s between families per sender\n' "$SC_N" "$workers" "$pace"
}

load_running() {
  local pid
  for pid in "${FAULT_LOAD_PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null && return 0
  done
  return 1
}

load_answered() { find "$SC_DIR/status" -type f | wc -l; }

load_progress() {
  local sent accepted
  sent=$(find "$SC_DIR/sent" -type f | wc -l)
  accepted=$(find "$SC_DIR/status" -type f -exec awk '$1 ~ /^2/' {} + | wc -l)
  printf '  load: %d/%d sent, %d answered finally, %d accepted\n' "$sent" "$SC_N" "$(load_answered)" "$accepted"
}

# Waits (bounded) until COUNT families have their final answer: the moment to inject a fault mid-flow.
load_wait_answered() {
  local want=$1 deadline last
  deadline=$(($(clock_us) + FAULT_LOAD_TIMEOUT * 1000000))
  last=$(clock_us)
  while (($(load_answered) < want)) && load_running && (($(clock_us) < deadline)); do
    if (($(clock_us) - last > 10000000)); then
      load_progress
      last=$(clock_us)
    fi
    sleep 0.2
  done
  load_progress
}

# Waits (bounded) for the senders to finish, then lists the accepted families (2xx) in accepted.txt.
load_finish() {
  local deadline last
  deadline=$(($(clock_us) + (FAULT_LOAD_TIMEOUT + 60) * 1000000))
  last=$(clock_us)
  while load_running; do
    if (($(clock_us) > deadline)); then
      kill "${FAULT_LOAD_PIDS[@]}" 2>/dev/null || true
      fault_note "the load did not finish within $((FAULT_LOAD_TIMEOUT + 60)) s: its senders were stopped"
      break
    fi
    if (($(clock_us) - last > 10000000)); then
      load_progress
      last=$(clock_us)
    fi
    sleep 0.5
  done
  # Only the senders' pids: a bare `wait` would also wait for the services this shell restarted.
  if ((${#FAULT_LOAD_PIDS[@]})); then
    wait "${FAULT_LOAD_PIDS[@]}" 2>/dev/null || true
  fi
  FAULT_LOAD_PIDS=()
  load_accepted_list
  load_progress
  load_report_refusals
}

# Families the IND could not get accepted, even after retrying, are worth a note (not counted as lost:
# intake never took them on).
load_report_refusals() {
  local summary retried
  summary=$(find "$SC_DIR/status" -type f -exec awk '$1 !~ /^2/ { print $1 }' {} + | sort | uniq -c |
    awk '{ printf "%s%s x %s", s, $1, $2; s = ", " }')
  retried=$(find "$SC_DIR/status" -type f -exec awk '$2 > 1' {} + | wc -l)
  [[ -z $summary ]] || fault_note "families not accepted (final HTTP status): $summary"
  ((retried == 0)) || printf '  load: %d families needed more than one attempt\n' "$retried"
}

# ---- counting -------------------------------------------------------------------------------------

# Reads the scenario's families from the three databases into intake.tsv, sched.tsv and notif.tsv.
# Fails when a database does not answer (the caller polls again).
fault_snapshot() {
  local ids
  fault_sql intake >"$SC_DIR/intake.tsv.new" <<<"select ind_reference, id, status from sampling_request
    where ind_reference like '${SC_PREFIX}%'" || return 1
  ids=$(cut -f 2 "$SC_DIR/intake.tsv.new" | paste -sd, -)
  fault_sql scheduling >"$SC_DIR/sched.tsv.new" <<EOF || return 1
select f.request_id, f.status, f.waitlisted_at is not null, coalesce(a.id::text, ''), coalesce(a.sequence::text, ''),
       (select count(*) from appointment x where x.request_id = f.request_id and x.status = 'BOOKED')
from family_case f left join appointment a on a.request_id = f.request_id and a.status = 'BOOKED'
where f.request_id = any('{$ids}'::uuid[])
EOF
  fault_sql notification >"$SC_DIR/notif.tsv.new" <<EOF || return 1
-- Handed to the mail server counts as SENT, also for a delivery whose appointment was cancelled
-- (a family moved) while its message was going out: that message was about a real version.
select request_id, appointment_id, sequence, member_ref, channel, kind,
       case when sent_at is not null then 'SENT' else status end from delivery
where request_id = any('{$ids}'::uuid[])
EOF
  mv -f "$SC_DIR/intake.tsv.new" "$SC_DIR/intake.tsv"
  mv -f "$SC_DIR/sched.tsv.new" "$SC_DIR/sched.tsv"
  mv -f "$SC_DIR/notif.tsv.new" "$SC_DIR/notif.tsv"
}

# Joins the accepted families with the last snapshot (and mails.tsv, when given) and prints:
#   accepted handled booked confirmed sent-deliveries dup-bookings dup-mails dup-delivery-rows
#   missing-mails same-message-id-copies
# handled: intake has decided status AND scheduling has BOOKED, or WAITING with waitlisted_at set.
# confirmed: booked, and a SENT delivery exists for the live appointment (id and sequence).
# dup-mails: per family, distinct messages (Message-IDs) in its inbox beyond its distinct
#   (appointment, sequence, kind) SENT e-mails (a confirmation, a reminder, a notice of a move);
# same-message-id-copies: copies repeating a Message-ID already in the inbox: one delivery sent again
#   after a crash between the mail server's acceptance and the record of SENT. SMTP cannot prevent
#   them; the recipient's mail system shows one message, so they are reported, not counted as duplicates.
fault_tally() {
  local mails=${1:-/dev/null}
  awk -F '\t' -v acc_f="$SC_DIR/accepted.txt" -v intake_f="$SC_DIR/intake.tsv" -v sched_f="$SC_DIR/sched.tsv" \
    -v notif_f="$SC_DIR/notif.tsv" -v mails_f="$mails" -v prefix="$SC_PREFIX" -v member="$FAULT_MAIL_MEMBER" \
    -v handled_re="^($FAULT_HANDLED_STATUSES)\$" '
    FILENAME == acc_f { acc[$1] = 1; next }
    FILENAME == intake_f { i = substr($1, length(prefix) + 1); rid[i] = $2; ist[i] = $3; next }
    FILENAME == sched_f { fst[$1] = $2; wl[$1] = $3; appt[$1] = $4; seq[$1] = $5; live[$1] = $6; next }
    FILENAME == notif_f {
      if ($7 != "SENT") next
      sent[$1]++
      rows[$2 SUBSEP $3 SUBSEP $4 SUBSEP $5 SUBSEP $6]++
      k = $1 SUBSEP $2 SUBSEP $3
      conf[k] = 1
      m = k SUBSEP $6
      if ($4 == member && $5 == "EMAIL" && !(m in mailed)) { mailed[m] = 1; expect[$1]++ }
      next
    }
    FILENAME == mails_f { mails[$1] = $2; ids[$1] = $3; withmails = 1; next }
    END {
      for (i in acc) {
        n++
        r = rid[i]
        if (r == "") continue
        if (ist[i] ~ handled_re && (fst[r] == "BOOKED" || (fst[r] == "WAITING" && wl[r] == "t"))) handled++
        if (fst[r] == "BOOKED") { booked++; k = r SUBSEP appt[r] SUBSEP seq[r]; if (k in conf) confirmed++ }
        s += sent[r]
        if (live[r] > 1) dupbook++
        if (withmails) { d = ids[i] - expect[r]; if (d > 0) dupmail += d; else missing -= d; same += mails[i] - ids[i] }
      }
      for (k in rows) if (rows[k] > 1) duprows += rows[k] - 1
      printf "%d %d %d %d %d %d %d %d %d %d\n", n, handled, booked, confirmed, s, dupbook, dupmail, duprows, missing, same
    }' "$SC_DIR/accepted.txt" "$SC_DIR/intake.tsv" "$SC_DIR/sched.tsv" "$SC_DIR/notif.tsv" "$mails"
}

# Counts the mails in GreenMail of each accepted family's e-mail address into mails.tsv (family,
# messages, distinct Message-IDs; a mail without one counts as distinct). One curl for all addresses,
# each answer to a file of its own, so that an error answer (no such user: no mail yet) cannot shift
# the counts of the others.
fault_fetch_mails() {
  local i cfg="$SC_DIR/mails.curl" out="$SC_DIR/mail"
  rm -rf "$out"
  mkdir -p "$out"
  : >"$cfg"
  while read -r i; do
    printf 'url = "%s/api/user/%s%s@example.org/messages/INBOX"\noutput = "%s/%s.json"\n' \
      "$GREENMAIL_API_URL" "$SC_MAIL_PREFIX" "$i" "$out" "$i" >>"$cfg"
  done <"$SC_DIR/accepted.txt"
  : >"$SC_DIR/mails.tsv"
  [[ -s $cfg ]] || return 0
  timeout 300 curl -s --max-time 20 --config "$cfg" 2>>"$FAULT_LOG" || true
  find "$out" -name '*.json' -size +0 -exec jq -r '[(input_filename | sub(".*/"; "") | sub("\\.json$"; "")),
    (if type == "array" then length, (map(.["Message-ID"] // "uid \(.uid)") | unique | length) else 0, 0 end)] | @tsv' {} + \
    >"$SC_DIR/mails.tsv" 2>>"$FAULT_LOG" || true
}

# Slots over capacity, in scheduling's replica and by the live appointments' members (all slots).
fault_overbooked() {
  fault_sql scheduling <<'EOF'
select (select count(*) from slot where booked > capacity)
     + (select count(*) from (select m.slot_id from appointment_member m
          join appointment a on a.id = m.appointment_id join slot s on s.id = m.slot_id
          where a.status = 'BOOKED' group by m.slot_id, s.capacity having count(*) > s.capacity) x)
EOF
}

# Records in the suite's *.dlq topics (end offsets; the test. topics are the tests' business). The
# consumers now park in their databases and topics.txt has no DLQ topics, but a broker may still
# hold them. The tool fails when its filter matches no topic: one that always exists is added.
fault_dlq_kafka() {
  local i out
  for i in 1 2 3; do
    if out=$(fault_kafka_tool org.apache.kafka.tools.GetOffsetShell --bootstrap-server "$KAFKA_BOOTSTRAP" \
      --topic '.*\.dlq|intake\.sampling-requests\.v1' --time -1 2>>"$FAULT_LOG"); then
      awk -F: '$1 ~ /\.dlq$/ && $1 !~ /^test\./ && $NF ~ /^[0-9]+$/ { s += $NF } END { print s + 0 }' <<<"$out"
      return 0
    fi
    sleep 2
  done
  return 1
}

# Sets FAULT_PARKED to the dead letters (table dead_letter, not replayed) and outbox rows (parked_at
# set, never published) parked since timestamp $1, over the four services' databases (platform's
# R__messaging_tables.sql puts both in each). A table or column that does not exist counts 0, with a
# warning once per run.
fault_parked_since() {
  local since=$1 entry db flags dl ob sql n
  FAULT_PARKED=0
  for entry in "${SERVICES[@]}"; do
    db=${entry##*:}
    flags=$(fault_sql "$db" <<<"select to_regclass('dead_letter') is not null, exists (select from information_schema.columns
      where table_schema = current_schema() and table_name = 'outbox_event' and column_name = 'parked_at')") || return 1
    read -r dl ob <<<"$flags"
    sql="select 0"
    if [[ $dl == t ]]; then
      sql+=" + (select count(*) from dead_letter where replayed_at is null and parked_at >= '$since')"
    else
      fault_warn_once "$db.dead_letter" "database $db has no table dead_letter: its parked dead letters count as 0"
    fi
    if [[ $ob == t ]]; then
      sql+=" + (select count(*) from outbox_event where parked_at is not null and published_at is null and parked_at >= '$since')"
    else
      fault_warn_once "$db.outbox_event" "database $db has no column outbox_event.parked_at: its parked outbox rows count as 0"
    fi
    n=$(fault_sql "$db" <<<"$sql") || return 1
    FAULT_PARKED=$((FAULT_PARKED + n))
  done
}

# Sets SC_DLQ: records added to the DLQ topics since the scenario began, plus rows parked since then
# ("?" when either cannot be read: such a row fails, it proves nothing).
fault_dlq_count() {
  local now
  SC_DLQ="?"
  if [[ $SC_DLQ0 == "?" ]] || ! now=$(fault_dlq_kafka); then
    fault_note "the end offsets of the *.dlq topics could not be read (see ${FAULT_LOG#"$REPO_DIR"/})"
    return 0
  fi
  if ! fault_parked_since "$SC_SINCE"; then
    fault_note "parked dead letters could not be counted (see ${FAULT_LOG#"$REPO_DIR"/})"
    return 0
  fi
  SC_DLQ=$((now - SC_DLQ0 + FAULT_PARKED))
  ((SC_DLQ == 0)) ||
    fault_note "dead-lettered: $((now - SC_DLQ0)) record(s) in *.dlq topics, $FAULT_PARKED row(s) parked in the databases"
}

# ---- convergence and the table row ----------------------------------------------------------------

# Refreshes accepted.txt (families answered 2xx so far) from the senders' status files.
load_accepted_list() {
  find "$SC_DIR/status" -type f -exec awk '$1 ~ /^2/ { n = FILENAME; sub(/.*\//, "", n); print n }' {} + >"$SC_DIR/accepted.txt"
}

# fault_wait_count FIELD WANT SECONDS: polls (bounded) until field FIELD of fault_tally reaches WANT.
fault_wait_count() {
  local field=$1 want=$2 deadline
  local -a c=()
  deadline=$(($(clock_us) + $3 * 1000000))
  while (($(clock_us) < deadline)); do
    load_accepted_list
    if fault_snapshot; then
      read -r -a c <<<"$(fault_tally)"
      ((${c[field]:-0} < want)) || return 0
    fi
    sleep 1
  done
  return 1
}

# fault_converge [TIMEOUT]: polls every second until every accepted family is handled and every booked
# one has its confirmation, for at most TIMEOUT s from now (the fault is over and the load has been
# sent). Sets SC_CONVERGED to the seconds since the end of the fault, or "no (timeout)".
fault_converge() {
  local timeout=${1:-$FAULT_TIMEOUT} deadline last
  local -a c=()
  deadline=$(($(clock_us) + timeout * 1000000))
  last=$(clock_us)
  SC_CONVERGED="no (timeout)"
  while :; do
    c=()
    if fault_snapshot; then
      read -r -a c <<<"$(fault_tally)"
      if ((${#c[@]} == 10)) && ((c[1] == c[0] && c[3] == c[2])); then
        SC_CONVERGED=$(fault_seconds_since "$FAULT_END_US")
        printf '  converged %s s after the fault: %s\n' "$SC_CONVERGED" "$(fault_progress_text "${c[@]}")"
        return 0
      fi
    fi
    if (($(clock_us) > deadline)); then
      printf '  NOT converged within %s s: %s\n' "$timeout" "$(fault_progress_text "${c[@]}")"
      return 1
    fi
    if (($(clock_us) - last >= 10000000)); then
      printf '  converging: %s\n' "$(fault_progress_text "${c[@]}")"
      last=$(clock_us)
    fi
    sleep 1
  done
}

fault_progress_text() {
  if (($# < 4)); then
    printf 'the databases do not answer'
  else
    printf 'handled %d/%d accepted, confirmed %d/%d booked' "$2" "$1" "$4" "$3"
  fi
}

# Counts the scenario (after convergence or its timeout), prints its row and remembers it.
fault_row() {
  local mails sent ob lost dup row i
  local -a c=()
  for i in 1 2 3 4 5; do
    fault_snapshot && break
    sleep 2
  done
  fault_fetch_mails
  read -r -a c <<<"$(fault_tally "$SC_DIR/mails.tsv")"
  if ((${#c[@]} != 10)); then
    fault_note "the counts could not be computed (see ${FAULT_LOG#"$REPO_DIR"/})"
    c=(0 0 0 0 0 0 0 0 0 0)
    SC_EXTRA_DUP="?"
  fi
  mails=$(awk -F '\t' '{ s += $2 } END { print s + 0 }' "$SC_DIR/mails.tsv")
  sent=$(find "$SC_DIR/sent" -type f | wc -l)
  ob=$(fault_overbooked) || ob="?"
  fault_dlq_count
  lost=$((c[0] - c[1]))
  dup="?"
  [[ $SC_EXTRA_DUP == "?" ]] || dup=$((c[5] + c[6] + c[7] + SC_EXTRA_DUP))
  ((c[8] == 0)) || fault_note "${c[8]} confirmation(s) recorded SENT are not in the mail server"
  ((c[5] + c[6] + c[7] == 0)) ||
    fault_note "duplicates: ${c[5]} famil(ies) with two live bookings, ${c[6]} message(s) beyond one per" \
      "appointment version, ${c[7]} repeated SENT row(s)"
  ((${c[9]:-0} == 0)) ||
    fault_note "${c[9]} copy(ies) of a message sent again after a crash between the mail server's" \
      "acceptance and the record of SENT, with the same Message-ID (one message to the recipient)"
  row=$(printf '| %s | %s | %s | %s | %s/%s | %s | %s | %s | %s | %s |' "$SC_NAME" "$sent" "${c[0]}" "${c[1]}" \
    "${c[4]}" "$mails" "$lost" "$dup" "$ob" "$SC_DLQ" "$SC_CONVERGED")
  FAULT_ROWS+=("$row")
  printf '%s\n' "$row"
  fault_judge "$lost" "$dup" "$ob" "$SC_DLQ"
  # A scenario in which intake accepted nothing proves nothing.
  if ((sent > 0 && c[0] == 0)); then
    fault_note "intake accepted none of the families: the scenario proves nothing"
    FAULT_FAILED=$((FAULT_FAILED + 1))
  fi
}

# A row fails when any count is not 0 (or could not be read) or the flow did not converge.
fault_judge() {
  local v
  for v in "$@"; do
    if [[ $v != 0 ]]; then
      FAULT_FAILED=$((FAULT_FAILED + 1))
      return 0
    fi
  done
  [[ $SC_CONVERGED != no* ]] || FAULT_FAILED=$((FAULT_FAILED + 1))
}

# ---- faults ---------------------------------------------------------------------------------------

# fault_signal SIGNAL NAME: signals the process group of component NAME as recorded in its pid file
# (never a process found by its name) and prints its pid. Fails when NAME is not running.
fault_signal() {
  local pid
  pid=$(running_pid "$2") || return 1
  kill -s "$1" -- "-$pid" 2>/dev/null || kill -s "$1" "$pid" 2>/dev/null || return 1
  printf '%s' "$pid"
}

# kill -9, then waits (bounded) until the process is gone. It stays in FAULT_DOWN until restarted.
fault_kill() {
  local name=$1 pid
  step "kill -9 $name"
  if ! pid=$(fault_signal KILL "$name"); then
    step_end "not running"
    fault_note "$name was not running when it was to be killed"
    return 0
  fi
  FAULT_DOWN+=("$name")
  fault_wait_gone "$pid"
  rm -f "$(pid_file "$name")"
  step_end "killed (pid $pid)"
}

# Waits (at most 10 s) until a killed process has gone, so that its ports are free for the restart.
fault_wait_gone() {
  local i
  for ((i = 0; i < 100; i++)); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.1
  done
}

# A graceful stop (SIGTERM, as `down` does): consumers leave their group, so it can be reset.
fault_stop() {
  step "stop $1"
  FAULT_DOWN+=("$1")
  stop_component "$1" 30
}

fault_forget_down() {
  local n
  local -a kept=()
  for n in "${FAULT_DOWN[@]}"; do
    [[ $n == "$1" ]] || kept+=("$n")
  done
  FAULT_DOWN=("${kept[@]}")
}

# Starts a killed or stopped component again: Kafka as `up` does, a service from its jar as it is.
fault_restart() {
  local name=$1 module port db
  if [[ $name == kafka ]]; then
    kafka_up
  else
    IFS=: read -r module port db <<<"$(service_entry "$name")"
    service_start "$module" "$module" "$port" "$db"
  fi
  fault_forget_down "$name"
}

# SIGSTOP: the process stays alive, with its sockets open, and answers nothing until fault_thaw.
fault_freeze() {
  local pid
  step "SIGSTOP $1"
  if ! pid=$(fault_signal STOP "$1"); then
    step_end "not running"
    fault_note "$1 was not running when it was to be paused"
    return 0
  fi
  FAULT_PAUSED+=("$1:$pid")
  step_end "paused (pid $pid)"
}

fault_thaw() {
  local entry pid=""
  local -a kept=()
  for entry in "${FAULT_PAUSED[@]}"; do
    if [[ ${entry%%:*} == "$1" ]]; then pid=${entry#*:}; else kept+=("$entry"); fi
  done
  FAULT_PAUSED=("${kept[@]}")
  [[ -n $pid ]] || return 0
  step "SIGCONT $1"
  kill -s CONT -- "-$pid" 2>/dev/null || kill -s CONT "$pid" 2>/dev/null || true
  step_end "continued (pid $pid)"
}

fault_pause() {
  fault_freeze "$1"
  sleep "$2"
  fault_thaw "$1"
}

# An immediate stop: no checkpoint, open connections cut, as if the machine lost power.
fault_pg_stop() {
  step "postgres: stop -m immediate"
  pg_read_cluster || fail_with_log "$FAULT_LOG" "no PostgreSQL cluster (pg_lsclusters lists none)"
  FAULT_PG_STOPPED=1
  as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop -m immediate >>"$FAULT_LOG" 2>&1 ||
    fail_with_log "$FAULT_LOG" "pg_ctlcluster $PG_VERSION $PG_CLUSTER stop -m immediate failed"
  step_end "stopped (cluster $PG_VERSION/$PG_CLUSTER)"
}

fault_pg_start() {
  local t0 rc=0
  t0=$(clock_us)
  step "postgres: start"
  pg_read_cluster || fail_with_log "$FAULT_LOG" "no PostgreSQL cluster (pg_lsclusters lists none)"
  # Exit code 2: already running.
  as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >>"$FAULT_LOG" 2>&1 || rc=$?
  ((rc == 0 || rc == 2)) ||
    fail_with_log "/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log" "pg_ctlcluster start failed ($rc)"
  rc=0
  wait_until 60 "" pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || rc=$?
  ((rc == 0)) || fail_with_log "/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log" "$(wait_failure "$rc" 60)"
  FAULT_PG_STOPPED=0
  step_end "ready (recovered, $(since "$t0"))"
}

# ---- scenarios ------------------------------------------------------------------------------------

# fault_begin NAME FAMILIES [JQ-FILTER]: a fresh directory, token and request bodies for a scenario
# (JQ-FILTER changes every body), and the baselines its dlq count is relative to.
fault_begin() {
  local filter=${3:-.} f
  SC_NAME=$1${FAULT_ROUND:+-$FAULT_ROUND} SC_N=$2 SC_EXTRA_DUP=0 SC_CONVERGED=- SC_DLQ=-
  stage "faults: $SC_NAME ($SC_N families)"
  SC_DIR="$FAULT_DIR/$SC_NAME"
  rm -rf "$SC_DIR"
  mkdir -p "$SC_DIR/sent" "$SC_DIR/status"
  for f in accepted.txt intake.tsv sched.tsv notif.tsv mails.tsv; do : >"$SC_DIR/$f"; done
  SC_PREFIX="FAULT-$FAULT_RUN_ID-$SC_NAME-"
  SC_MAIL_PREFIX="fault-$FAULT_RUN_ID-$SC_NAME-"
  fault_refresh_token "$SC_DIR/token" || die "no token for ind-system from Keycloak ($FAULT_TOKEN_URL)"
  # One body per line: the README's example with its own indReference and its own e-mail address, so
  # that the mail server can be read per family, spread over the MHAC countries (living there, so the
  # short lead time applies) so that one country's slots do not run out. Nobody needs an interpreter: the
  # example's Tigrinya speakers could be booked only where one is on site, which is not what this counts.
  # The first member keeps only the e-mail address, so that every confirmation goes by e-mail, which is what
  # the mail server counts (SMS would be tried first for a member with a phone).
  # shellcheck disable=SC2016 # $t, $i, $ref, $mail and $n are jq's variables
  jq -c --arg ref "$SC_PREFIX" --arg mail "$SC_MAIL_PREFIX" --argjson n "$SC_N" \
    '. as $t | range(1; $n + 1) | tostring as $i | $t | .indReference = ($ref + $i)
     | .members[0].contact.email = ($mail + $i + "@example.org")
     | del(.members[0].contact.phone, .members[0].contact.whatsapp, .members[0].contact.proxy)
     | .country = $countries[($i | tonumber) % ($countries | length)] | .preferredCentre = null
     | .members[].currentCountry = .country | .members[].needs.interpreter = false | '"$filter" \
    --argjson countries "$FAULT_COUNTRIES" "$FAULT_TEMPLATE" >"$SC_DIR/bodies.jsonl"
  SC_SINCE=$(date -u '+%F %T.%6N+00')
  SC_DLQ0=$(fault_dlq_kafka) || SC_DLQ0="?"
  FAULT_END_US=$(clock_us)
}

# The fault is over (the restart is done): convergence is timed from here.
fault_ended() { FAULT_END_US=$(clock_us); }

fault_finish() {
  ((${#FAULT_LOAD_PIDS[@]} == 0)) || load_finish
  fault_converge "${1:-$FAULT_TIMEOUT}" || true
  fault_row
}

# The broker dies (kill -9) a third of the way through the load and is started again 10 s later.
fault_scenario_kafka_kill() {
  fault_begin kafka-kill "$(fault_size 1000 60)"
  load_start "$FAULT_WORKERS" 0
  load_wait_answered $((SC_N / 3))
  fault_kill kafka
  sleep 10
  fault_restart kafka
  fault_ended
  fault_finish
}

# Each service in turn dies (kill -9) while families are being sent, and is started again.
fault_scenario_service_kill() {
  local entry k=0
  fault_begin service-kill "$(fault_size 400 40)"
  load_start "$FAULT_WORKERS" "$(fault_secs 1 0.2)"
  for entry in "${SERVICES[@]}"; do
    k=$((k + 1))
    load_wait_answered $((SC_N * k / 5))
    fault_kill "${entry%%:*}"
    sleep 3
    fault_restart "${entry%%:*}"
  done
  fault_ended
  fault_finish
}

# The broker, then each service, is frozen (SIGSTOP) for a while and continued, with load running.
fault_scenario_pause() {
  local name secs
  secs=$(fault_secs 30 10)
  fault_begin pause "$(fault_size 400 40)"
  load_start "$FAULT_WORKERS" "$(fault_secs 1 0.3)"
  load_wait_answered $((SC_N / 10))
  for name in kafka "${SERVICES[@]%%:*}"; do
    fault_pause "$name" "$secs"
    sleep 5
  done
  fault_ended
  fault_finish
}

# PostgreSQL stops at once (every service loses its database) a third of the way through the load.
fault_scenario_db_restart() {
  local secs
  secs=$(fault_secs 30 10)
  fault_begin db-restart "$(fault_size 300 40)"
  load_start "$FAULT_WORKERS" 0.3
  load_wait_answered $((SC_N / 3))
  fault_pg_stop
  sleep "$secs"
  fault_pg_start
  fault_ended
  fault_finish
}

# Scheduling is frozen while families arrive, then wakes up into a database that is gone: its
# consumers hold records they cannot apply, which must wait, not be dead-lettered.
fault_scenario_paused_consumer_db_outage() {
  fault_begin paused-consumer-db-outage "$(fault_size 30 30)"
  fault_freeze scheduling-service
  load_start "$FAULT_WORKERS" 0
  load_finish
  # intake's outbox relay publishes the families within a second or two; they then wait in Kafka.
  sleep 3
  fault_pg_stop
  fault_thaw scheduling-service
  sleep 20
  fault_pg_start
  fault_ended
  fault_finish
}

# fault_group_reset GROUP TOPICS: sets the group's committed offsets on the (comma-separated) topics
# to the earliest ones. Kafka allows it only while the group has no members: retried, bounded.
fault_group_reset() {
  local group=$1 out i
  local -a topics=() args=()
  IFS=, read -r -a topics <<<"$2"
  for i in "${topics[@]}"; do args+=(--topic "$i"); done
  step "reset $group to earliest"
  for ((i = 1; i <= 20; i++)); do
    out=$(fault_kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$KAFKA_BOOTSTRAP" \
      --group "$group" --reset-offsets --to-earliest "${args[@]}" --execute 2>&1) || true
    printf '$ reset %s (attempt %d)\n%s\n' "$group" "$i" "$out" >>"$FAULT_LOG"
    if [[ $out == *NEW-OFFSET* ]]; then
      step_end "done (${topics[*]})"
      return 0
    fi
    sleep 3
  done
  step_end "FAILED: the group kept members or the tool failed (see ${FAULT_LOG#"$REPO_DIR"/})"
  fault_note "consumer group $group could not be reset: its part of the replay did not happen"
  SC_EXTRA_DUP=$((SC_EXTRA_DUP + 1))
}

# Sum of the lag of the three groups on the suite topics; -1 while any partition has no committed
# offset or the tool fails.
fault_group_lag() {
  local entry
  local -a args=()
  for entry in "${FAULT_GROUPS[@]}"; do args+=(--group "${entry%%:*}"); done
  fault_kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$KAFKA_BOOTSTRAP" \
    --describe "${args[@]}" 2>>"$FAULT_LOG" | awk '
    $1 == "GROUP" { for (i = 1; i <= NF; i++) col[$i] = i; next }
    ("LAG" in col) && $1 ~ /^(intake|scheduling|notification)-service$/ && $(col["TOPIC"]) !~ /^test\./ {
      rows++
      if ($(col["LAG"]) ~ /^[0-9]+$/) s += $(col["LAG"]); else unknown++
    }
    END { if (rows == 0 || unknown > 0) print -1; else print s + 0 }'
}

# Waits (bounded) until the groups have consumed everything again. Sets SC_CONVERGED.
fault_wait_replayed() {
  local deadline lag
  deadline=$(($(clock_us) + FAULT_TIMEOUT * 1000000))
  SC_CONVERGED="no (timeout)"
  while (($(clock_us) < deadline)); do
    lag=$(fault_group_lag) || lag=-1
    if [[ $lag == 0 ]]; then
      SC_CONVERGED=$(fault_seconds_since "$FAULT_END_US")
      printf '  replayed: no lag left, %s s after the last restart\n' "$SC_CONVERGED"
      return 0
    fi
    printf '  replaying: lag %s\n' "$lag"
    sleep 2
  done
  printf '  NOT replayed within %s s\n' "$FAULT_TIMEOUT"
}

# Everything a replay must leave alone, on one line: appointments, live bookings, booked seats,
# deliveries, SENT deliveries, intake status transitions, contact attempts, mail recipients, and mails
# of this scenario's families.
fault_totals() {
  local s n i users mails
  s=$(fault_sql scheduling <<<"select count(*), count(*) filter (where status = 'BOOKED'),
    (select coalesce(sum(booked), 0) from slot) from appointment") || s="? ? ?"
  n=$(fault_sql notification <<<"select count(*), count(*) filter (where status = 'SENT') from delivery") || n="? ?"
  i=$(fault_sql intake <<<"select (select count(*) from status_transition), (select count(*) from contact_attempt)") || i="? ?"
  users=$(curl -s --max-time 10 "$GREENMAIL_API_URL/api/user" | jq 'length' 2>/dev/null) || users="?"
  fault_fetch_mails
  mails=$(awk -F '\t' '{ s += $2 } END { print s + 0 }' "$SC_DIR/mails.tsv")
  printf '%s %s %s %s %s\n' "$s" "$n" "$i" "${users:-?}" "$mails" | tr '\t' ' '
}

# Every difference between two fault_totals lines adds to the row's duplicated count.
fault_compare_totals() {
  local -a names=(appointments live-bookings booked-seats deliveries SENT-deliveries status-transitions
    contact-attempts mail-recipients scenario-mails) before=() after=()
  local i b a changes=""
  read -r -a before <<<"$1"
  read -r -a after <<<"$2"
  for ((i = 0; i < ${#names[@]}; i++)); do
    b=${before[i]:-?} a=${after[i]:-?}
    [[ $b != "$a" ]] || continue
    changes+=" ${names[i]} $b -> $a;"
    if [[ $b =~ ^[0-9]+$ && $a =~ ^[0-9]+$ ]]; then
      SC_EXTRA_DUP=$((SC_EXTRA_DUP + (a > b ? a - b : b - a)))
    else
      SC_EXTRA_DUP=$((SC_EXTRA_DUP + 1))
    fi
  done
  if [[ -n $changes ]]; then
    fault_note "the replay changed (or something else did meanwhile):$changes"
  else
    printf '  unchanged by the replay: %s\n' "$2"
  fi
}

# Each consuming service is stopped, its group reset to the earliest offsets and the service started
# again: it reads every event once more, and the inboxes must make that change nothing.
fault_scenario_replay() {
  local entry before after
  fault_begin replay "$(fault_size 20 10)"
  load_start "$FAULT_WORKERS" 0
  load_finish
  printf '  letting the flow settle before the replay\n'
  fault_converge || fault_note "the flow had not settled before the replay: counts may also move for that reason"
  before=$(fault_totals)
  # Group ids are the module names (mp.messaging.incoming.*.group.id in each application.properties).
  for entry in "${FAULT_GROUPS[@]}"; do
    fault_stop "${entry%%:*}"
    fault_group_reset "${entry%%:*}" "${entry#*:}"
    fault_restart "${entry%%:*}"
  done
  fault_ended
  fault_wait_replayed
  # The consumers' effects (a delivery, then its mail a second later) trail their offsets a little.
  sleep 5
  after=$(fault_totals)
  fault_compare_totals "$before" "$after"
  fault_row
}

# Polls GreenMail's recipients (bounded) for the scenario's first mail and kills notification-service
# at once: if that lands between the SMTP send and the transaction that records SENT, the restarted
# service finds the delivery still claimed and sends it again when its lease runs out.
fault_kill_at_first_mail() {
  local users deadline pid="" i
  step "kill -9 notification-service at the first mail"
  deadline=$(($(clock_us) + 180 * 1000000))
  for ((i = 1; i <= 3600; i++)); do
    users=$(curl -s --max-time 2 "$GREENMAIL_API_URL/api/user" 2>/dev/null) || users=""
    if [[ $users == *"$SC_MAIL_PREFIX"* ]]; then
      pid=$(fault_signal KILL notification-service) || pid=""
      break
    fi
    (($(clock_us) < deadline)) || break
    sleep 0.05
  done
  if [[ -z $pid ]]; then
    pid=$(fault_signal KILL notification-service) || pid="-"
    fault_note "no mail of this scenario seen within 180 s: notification-service was killed late, not at a send"
  fi
  FAULT_DOWN+=(notification-service)
  [[ $pid == - ]] || fault_wait_gone "$pid"
  rm -f "$(pid_file notification-service)"
  step_end "killed (pid $pid, after $i poll(s) of the mail server)"
}

# What the kill hit: mails already in the mail server against SENT rows already committed.
fault_kill_report() {
  local mails
  local -a c=()
  sleep 0.5
  if ! fault_snapshot; then
    fault_note "the databases could not be read right after the kill"
    return 0
  fi
  fault_fetch_mails
  read -r -a c <<<"$(fault_tally "$SC_DIR/mails.tsv")"
  mails=$(awk -F '\t' '{ s += $2 } END { print s + 0 }' "$SC_DIR/mails.tsv")
  if ((${c[6]:-0} > 0)); then
    fault_note "at the kill: $mails mail(s) received, ${c[4]:-0} SENT recorded; ${c[6]} mail(s) without a SENT row:" \
      "the window between send and record WAS hit"
  else
    fault_note "at the kill: $mails mail(s) received, ${c[4]:-0} SENT recorded; the kill did NOT land between a send" \
      "and its record, so this run shows only that a kill -9 and restart send nothing twice"
  fi
}

fault_scenario_notification_kill_after_send() {
  local module port db
  fault_begin notification-kill-after-send "$(fault_size 40 10)"
  # A backlog of confirmations first, so that the kill lands in the middle of sending them.
  fault_stop notification-service
  load_start "$FAULT_WORKERS" 0
  load_finish
  fault_wait_count 1 "$(wc -l <"$SC_DIR/accepted.txt")" 120 ||
    fault_note "scheduling had not handled every family within 120 s when notification-service was started"
  IFS=: read -r module port db <<<"$(service_entry notification-service)"
  step "$module"
  printf '\n---- started by deploy/local/suite faults at %s ----\n' "$(date -u '+%F %T UTC')" >>"$LOG_DIR/$module.log"
  # Not waiting for readiness: the first mail may go out before the service reports ready. It pauses
  # after each mail before recording it (a fault-injection setting, off by default), so that the kill
  # at the first mail lands between the send and its record.
  SERVICE_EXTRA_ENV=("NOTIFICATION_FAULT_PAUSE_AFTER_SEND=PT10S")
  service_launch "$module" "$module" "$port" "$db"
  SERVICE_EXTRA_ENV=()
  fault_forget_down "$module"
  step_end "started (pid $LAUNCHED_PID)"
  fault_kill_at_first_mail
  fault_kill_report
  sleep 2
  fault_restart notification-service
  fault_ended
  # A delivery claimed by the killed process is due again only when its lease (1 minute) runs out.
  fault_finish $((FAULT_TIMEOUT > 300 ? FAULT_TIMEOUT : 300))
}

# The race's target, from scheduling's replica (read only): the earliest local day in Ethiopia after
# the same-country lead time (scheduling.lead-time.same-country=P2D, plus a margin) with at least 20
# free places (fifty families of two then contest the last ones), and on it the latest free slot with
# a capacity of two or more, at ET-ADD when it has one. Prints: day slot centre capacity booked
# free-places-that-day.
fault_race_target() {
  fault_sql scheduling <<'EOF'
with free as (
  -- A centre's own slots: an ad-hoc slot belongs to one family and is no place to race for.
  select * from slot where country = 'ET' and status = 'OPEN' and not ad_hoc and booked < capacity
    and starts_at >= now() + interval '2 days 30 minutes'),
days as (
  -- Days with room for some of the families but not all: the last places are contested.
  select local_date, sum(capacity - booked) as places from free group by local_date having sum(capacity - booked) >= 20)
select f.local_date, f.id, f.centre_code, f.capacity, f.booked, d.places
from free f join days d on d.local_date = f.local_date
where f.local_date = (select min(local_date) from days) and f.capacity >= 2
order by f.centre_code <> 'ET-ADD', f.starts_at desc limit 1
EOF
}

# MHAC staff read the slot's ETag and cut its capacity by one (re-reading on 412, bounded).
fault_cut_capacity() {
  local centre=$1 slot=$2 user=staff-addis token etag="" cap="" code=000 i url
  # staff-addis acts for ET-ADD only; a country officer may act for every centre.
  [[ $centre == ET-ADD ]] || user=officer
  url="$FAULT_REGISTRY_API/centres/$centre/slots/$slot"
  step "$user cuts the slot's capacity"
  token=$(fault_token_user "$user") || token=""
  for ((i = 1; i <= 5; i++)); do
    etag=$(curl -s -D - -o "$SC_DIR/slot.json" --max-time 10 -H "Authorization: Bearer $token" "$url" |
      tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }') || etag=""
    cap=$(jq -r '.capacity' "$SC_DIR/slot.json" 2>/dev/null) || cap=""
    [[ $cap =~ ^[0-9]+$ && -n $etag ]] || break
    code=$(curl -s -o "$SC_DIR/patch.json" -w '%{http_code}' --max-time 10 -X PATCH -H "Authorization: Bearer $token" \
      -H "If-Match: $etag" -H 'Content-Type: application/json' -d "{\"capacity\": $((cap > 0 ? cap - 1 : 0))}" "$url") || true
    [[ $code == 412 ]] || break
  done
  if [[ $code == 200 ]]; then
    step_end "capacity $cap -> $((cap > 0 ? cap - 1 : 0)) (If-Match $etag)"
  else
    step_end "FAILED (HTTP $code)"
    fault_note "the capacity cut failed (HTTP $code, see $SC_DIR/patch.json): the race ran without it"
  fi
}

# Country-office staff book up to $3 of this scenario's families by hand into centre $1 on day $2 (no
# override), all at once, while both schedulers book and the capacity is cut: a third way into the same
# places, which must not overbook either. Answers 200 (booked or moved) and 409 (no room) are both right.
fault_race_hand_bookings() {
  local centre=$1 day=$2 n=$3 token id code i=0 ok=0 full=0 other=0
  # Half through each scheduler instance: the first (8082) and the race's second one.
  local -a ids=() pids=() ports=(8082 "$SCHEDULING_SECOND_PORT")
  step "hand bookings"
  token=$(fault_token_user officer) || true
  mapfile -t ids < <(fault_sql intake <<<"select id from sampling_request
    where ind_reference like '$SC_PREFIX%' order by received_at limit $n" || true)
  if [[ -z $token ]] || ((${#ids[@]} == 0)); then
    step_end "skipped (no officer token or no family yet)"
    return 0
  fi
  for id in "${ids[@]}"; do
    curl -s --max-time 30 -o /dev/null -w '%{http_code}\n' -X PUT -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "{\"centreCode\": \"$centre\", \"localDate\": \"$day\"}" \
      "http://localhost:${ports[i % 2]}/api/v1/families/$id/appointment" >"$SC_DIR/hand-$id.code" &
    pids+=($!)
    i=$((i + 1))
  done
  wait "${pids[@]}" 2>/dev/null || true
  for id in "${ids[@]}"; do
    code=$(cat "$SC_DIR/hand-$id.code" 2>/dev/null || echo 000)
    case $code in
      200) ok=$((ok + 1)) ;;
      409) full=$((full + 1)) ;;
      *) other=$((other + 1)) ;;
    esac
  done
  step_end "${#ids[@]} at once: $ok booked or moved, $full refused for want of room, $other other"
  fault_note "hand bookings into $centre on $day: $ok booked or moved, $full no room (409), $other other answers"
}

# Ad-hoc cases in the race: $3 families the IND asks to be sampled outside the centres are each booked
# by hand twice at once by a country office, through both scheduler instances, at centre $1 on day $2.
# Exactly one live appointment per family must remain (more are counted as duplicated), and the slot of
# its own must hold its members, never more.
fault_race_ad_hoc() {
  local centre=$1 day=$2 n=$3 token ind i id body code ok=0 refused=0 other=0 dup bad
  local -a ids=() pids=() ports=(8082 "$SCHEDULING_SECOND_PORT")
  step "ad-hoc bookings"
  token=$(fault_token_user officer) || token=""
  ind=$(<"$SC_DIR/token")
  for ((i = 1; i <= n; i++)); do
    # shellcheck disable=SC2016 # $ref and $day are jq's variables
    body=$(jq -c --arg ref "${SC_PREFIX}adhoc-$i" --arg day "$day" '.indReference = $ref | .deadline = $day
      | del(.country) | .preferredCentre = null | .members[].currentCountry = "ET" | .members[].needs.interpreter = false
      | .adHocLocation = {"country": "ET", "city": "Gambela", "description": "Fault suite: sampled at the camp clinic"}' \
      "$FAULT_TEMPLATE") || body=""
    id=$(curl -s --max-time 15 -H "Authorization: Bearer $ind" -H 'Content-Type: application/json' \
      -d "$body" "$FAULT_INTAKE_API" | jq -r '.id // empty' 2>/dev/null) || id=""
    [[ -z $id ]] || ids+=("$id")
  done
  if [[ -z $token ]] || ((${#ids[@]} == 0)); then
    step_end "skipped (no officer token, or intake took no ad-hoc case)"
    fault_note "ad-hoc bookings skipped: no officer token, or intake took none of the $n ad-hoc cases"
    return 0
  fi
  # Scheduling must know the cases before they can be booked (bounded wait).
  for ((i = 0; i < 60; i++)); do
    [[ $(fault_sql scheduling <<<"select count(*) from family_case where request_id in ($(fault_quoted "${ids[@]}"))") == "${#ids[@]}" ]] && break
    sleep 1
  done
  for id in "${ids[@]}"; do
    for i in 0 1; do
      curl -s --max-time 30 -o /dev/null -w '%{http_code}\n' -X PUT -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' \
        -d "{\"centreCode\": \"$centre\", \"location\": \"Gambela camp clinic\", \"localDate\": \"$day\", \"localStart\": \"1$i:00\"}" \
        "http://localhost:${ports[i]}/api/v1/families/$id/ad-hoc-appointment" >"$SC_DIR/adhoc-$id-$i.code" &
      pids+=($!)
    done
  done
  wait "${pids[@]}" 2>/dev/null || true
  for id in "${ids[@]}"; do
    for i in 0 1; do
      code=$(cat "$SC_DIR/adhoc-$id-$i.code" 2>/dev/null || echo 000)
      case $code in
        200) ok=$((ok + 1)) ;;
        409) refused=$((refused + 1)) ;;
        *) other=$((other + 1)) ;;
      esac
    done
  done
  # Families with more than one live appointment, and ad-hoc slots holding more people than capacity.
  dup=$(fault_sql scheduling <<<"select coalesce(sum(n - 1), 0) from (select count(*) as n from appointment
    where status = 'BOOKED' and request_id in ($(fault_quoted "${ids[@]}")) group by request_id) live") || dup="?"
  bad=$(fault_sql scheduling <<<"select count(*) from appointment a join slot s on s.id in (select m.slot_id
    from appointment_member m where m.appointment_id = a.id) where a.status = 'BOOKED' and s.ad_hoc
    and a.request_id in ($(fault_quoted "${ids[@]}")) and s.booked > s.capacity") || bad="?"
  step_end "${#ids[@]} famil(ies) booked twice at once: $ok booked or moved, $refused refused (409), $other other;" \
    "extra live appointments $dup, overfull ad-hoc slots $bad"
  fault_note "ad-hoc bookings of ${#ids[@]} famil(ies), each twice at once through both instances: $ok booked or" \
    "moved, $refused refused (409), $other other answers; extra live appointments $dup, overfull ad-hoc slots $bad"
  if [[ $dup =~ ^[0-9]+$ && $bad =~ ^[0-9]+$ ]]; then
    SC_EXTRA_DUP=$((SC_EXTRA_DUP + dup + bad))
  else
    SC_EXTRA_DUP="?"
  fi
}

# Quoted, comma-separated, for an SQL list.
fault_quoted() {
  local IFS=,
  local -a q=("${@/#/\'}")
  q=("${q[@]/%/\'}")
  printf '%s' "${q[*]}"
}

# The target slot after the race, for the notes.
fault_race_slot_note() {
  local state
  state=$(fault_sql scheduling <<<"select s.capacity, s.booked, (select count(*) from appointment_member m
    join appointment a on a.id = m.appointment_id where m.slot_id = s.id and a.status = 'BOOKED')
    from slot s where s.id = '$1'") || state="? ? ?"
  state=${state//$'\t'/ }
  fault_note "target slot after the race (capacity, booked, members of live appointments): $state"
}

# intake-service is down (5 minutes; 1 in --short) while every family's confirmation is due:
# notification-service cannot read the contact details, so the messages wait, backing off, and go out
# when intake is back. An outage on our side is not a family that cannot be reached: no contact attempt
# is counted, nobody becomes UNREACHABLE (counted in intake's database and notification's outbox).
fault_scenario_intake_outage() {
  local secs unreachable gave_up
  secs=$(fault_secs 300 60)
  fault_begin intake-outage "$(fault_size 40 10)"
  # Confirmations pile up while notification-service is stopped; intake still takes the families.
  fault_stop notification-service
  load_start "$FAULT_WORKERS" 0
  load_finish
  fault_wait_count 1 "$(wc -l <"$SC_DIR/accepted.txt")" 120 ||
    fault_note "scheduling had not handled every family within 120 s when intake-service was stopped"
  fault_kill intake-service
  fault_restart notification-service
  step "intake-service down for $secs s"
  sleep "$secs"
  step_end "done"
  fault_restart intake-service
  fault_ended
  # Retries back off up to notification.outage-backoff-max (5 min): allow one more pause than that.
  fault_finish $((FAULT_TIMEOUT + 360))
  unreachable=$(fault_sql intake <<<"select count(*) from sampling_request
    where ind_reference like '$SC_PREFIX%' and status = 'UNREACHABLE'") || unreachable="?"
  gave_up=$(fault_sql notification <<<"select count(*) from outbox_event
    where event_type = 'org.iom.dna.notification.MemberUnreachable.v1' and occurred_at >= '$SC_SINCE'") || gave_up="?"
  printf '  families UNREACHABLE: %s; members reported unreachable: %s\n' "$unreachable" "$gave_up"
  if [[ $unreachable != 0 || $gave_up != 0 ]]; then
    fault_note "an outage of intake made $unreachable famil(ies) UNREACHABLE ($gave_up member(s) reported unreachable)"
    FAULT_FAILED=$((FAULT_FAILED + 1))
  fi
}

# Two scheduling instances (same database and consumer group) book families racing for the last
# places of one day, while MHAC staff cut the capacity of one of its slots, a country office books
# some of the same families by hand into that day, and books ad-hoc cases twice at once. Run it many
# times over with `faults --repeat N race`.
fault_scenario_race() {
  local target day slot centre cap booked free
  target=$(fault_race_target) || target=""
  if [[ -z $target ]]; then
    SC_NAME=race${FAULT_ROUND:+-$FAULT_ROUND}
    stage "faults: $SC_NAME"
    fault_note "skipped: no free slot in Ethiopia after the lead time (scheduling's slot replica)"
    FAULT_ROWS+=("| $SC_NAME | 0 | 0 | 0 | 0/0 | - | - | - | - | skipped |")
    FAULT_FAILED=$((FAULT_FAILED + 1))
    return 0
  fi
  read -r day slot centre cap booked free <<<"$target"
  # The deadline keeps every family on that one day: days before it have no free place left.
  fault_begin race "$(fault_size 50 20)" \
    ".country = \"ET\" | .members[].currentCountry = \"ET\" | .preferredCentre = \"$centre\" | .deadline = \"$day\""
  fault_note "target $centre slot $slot on $day (capacity $cap, booked $booked);" \
    "$free free place(s) in ET that day for $((SC_N * 2)) people"
  service_start "$SCHEDULING_SECOND" scheduling-service "$SCHEDULING_SECOND_PORT" scheduling
  load_start "$SC_N" 0
  fault_wait_count 2 $((SC_N < 5 ? 1 : 5)) 60 ||
    fault_note "fewer than 5 families were booked within 60 s: the cut came late"
  fault_cut_capacity "$centre" "$slot"
  fault_race_hand_bookings "$centre" "$day" 5
  fault_race_ad_hoc "$centre" "$day" 3
  fault_ended
  fault_finish
  fault_race_slot_note "$slot"
  step "$SCHEDULING_SECOND"
  stop_component "$SCHEDULING_SECOND" 30
}

# Cancels the fault suite's families (this run's, and any an interrupted run left) through the IND's
# API, so that the places they took are free again: a full run books some 2,500 families into the
# development stack's slots, and the next run needs them.
faults_release() {
  withdraw_families 'FAULT-%' "faults: releasing places"
  FAULT_RELEASED=("${WITHDRAWN[@]}")
}

# withdraw_families PATTERN LABEL: the IND withdraws every open case whose reference matches PATTERN (SQL like),
# through intake's API as the IND would, so that scheduling frees their places and the families are told. The
# fault suite and the benchmark use it so that their families do not fill the local centres for later runs.
# Sets WITHDRAWN to the ids withdrawn.
withdraw_families() {
  local pattern=$1 label=$2 t0 token n=0
  WITHDRAWN=()
  t0=$(clock_us)
  step "$label"
  token=$(fault_token_ind) || true
  mapfile -t WITHDRAWN < <(fault_sql intake <<<"select id from sampling_request
    where ind_reference like '$pattern' and status not in ('CANCELLED', 'EXPIRED')" || true)
  if [[ -z $token ]] || ((${#WITHDRAWN[@]} == 0)); then
    step_end "nothing to withdraw"
    WITHDRAWN=()
    return 0
  fi
  n=$(printf '%s\n' "${WITHDRAWN[@]}" | xargs -P "$FAULT_WORKERS" -I{} curl -s -o /dev/null -w '%{http_code}\n' \
    --max-time 15 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"reason": "WITHDRAWN_BY_APPLICANT"}' "$FAULT_INTAKE_API/{}/cancellation" | grep -c '^2' || true)
  step_end "$n of ${#WITHDRAWN[@]} families withdrawn ($(since "$t0"))"
}

# Waits (bounded) until scheduling has cancelled the families just released, so that their places are free
# for the next round.
faults_await_released() {
  local i left=?
  ((${#FAULT_RELEASED[@]} > 0)) || return 0
  step "faults: waiting for the places to be free"
  for ((i = 0; i < 120; i++)); do
    left=$(fault_sql scheduling <<<"select count(*) from family_case where status <> 'CANCELLED'
      and request_id in ($(fault_quoted "${FAULT_RELEASED[@]}"))") || left=?
    [[ $left == 0 ]] && break
    sleep 1
  done
  step_end "$left still held"
}

# ---- the command ----------------------------------------------------------------------------------

# jq reads the APIs' answers; a fresh Debian machine may not have it (psql comes with PostgreSQL).
faults_tools() {
  local name
  if ! command -v jq >/dev/null; then
    mkdir -p "$LOG_DIR"
    step "jq"
    { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y jq; } \
      >>"$LOG_DIR/faults-tools.log" 2>&1 || die "faults needs jq, and apt-get install jq failed"
    step_end "installed"
  fi
  for name in curl timeout java; do
    command -v "$name" >/dev/null || die "faults needs $name"
  done
}

fault_known() {
  local name
  for name in "${FAULT_SCENARIOS[@]}"; do
    [[ $name == "$1" ]] && return 0
  done
  return 1
}

# True when PostgreSQL, the infrastructure the suite starts and the four services all answer.
faults_suite_ready() {
  local entry name port
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || return 1
  for name in kafka keycloak greenmail smsc whatsapp; do
    running_pid "$name" >/dev/null || return 1
  done
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port _ <<<"$entry"
    running_pid "$name" >/dev/null || return 1
    http_ok "http://localhost:$port/q/health/ready" || return 1
  done
}

# The suite must run; when any part does not, the same steps as `up`.
faults_ensure_up() {
  stage "faults: the suite"
  if faults_suite_ready; then
    printf 'running: PostgreSQL, Kafka, Keycloak, GreenMail, the SMSC simulator, the WhatsApp stub and the four services\n'
    return 0
  fi
  infra_up
  services_up
}

faults_prepare() {
  FAULT_RUN_ID=$(date -u +%Y%m%d%H%M%S)
  FAULT_DIR="$LOCAL_DIR/faults/$FAULT_RUN_ID"
  mkdir -p "$FAULT_DIR"
  FAULT_LOG="$FAULT_DIR/faults.log"
  FAULT_TEMPLATE="$FAULT_DIR/family.json"
  curl -s --max-time 20 'http://localhost:8081/q/openapi?format=json' 2>>"$FAULT_LOG" |
    jq '.paths["/api/v1/sampling-requests"].post.requestBody.content["application/json"].examples["mother-and-son"].value' \
      >"$FAULT_TEMPLATE" 2>>"$FAULT_LOG" || die "could not read the mother-and-son example from intake's OpenAPI document"
  jq -e '.members[0].personRef and .members[0].contact' "$FAULT_TEMPLATE" >/dev/null 2>&1 ||
    die "intake's mother-and-son example has no first member with contact details ($FAULT_TEMPLATE)"
  FAULT_MAIL_MEMBER=$(jq -r '.members[0].personRef' "$FAULT_TEMPLATE")
  printf 'run %s: work files, log and report in %s/\n' "$FAULT_RUN_ID" "${FAULT_DIR#"$REPO_DIR"/}"
  SC_NAME=run
  if fault_parked_since '-infinity' && ((FAULT_PARKED > 0)); then
    fault_note "$FAULT_PARKED dead letter(s) or outbox row(s) were parked before this run (not counted)"
  fi
}

# On any exit: senders stopped, frozen processes continued, PostgreSQL and killed components started
# again, the second scheduling instance stopped. A run that fails half-way leaves the suite running.
faults_cleanup() {
  local rc=$? entry name
  trap - EXIT
  if ((${#FAULT_LOAD_PIDS[@]})); then
    kill "${FAULT_LOAD_PIDS[@]}" 2>/dev/null || true
  fi
  if ((${#FAULT_PAUSED[@]} + ${#FAULT_DOWN[@]} + FAULT_PG_STOPPED)) || running_pid "$SCHEDULING_SECOND" >/dev/null; then
    stage "faults: putting the suite back"
  fi
  for entry in "${FAULT_PAUSED[@]}"; do
    fault_thaw "${entry%%:*}" || true
  done
  if ((FAULT_PG_STOPPED)); then
    (fault_pg_start) || true
  fi
  for name in "${FAULT_DOWN[@]}"; do
    (fault_restart "$name") || true
  done
  if running_pid "$SCHEDULING_SECOND" >/dev/null; then
    step "$SCHEDULING_SECOND"
    stop_component "$SCHEDULING_SECOND" 30 || true
  fi
  exit "$rc"
}

faults_report() {
  local report="$FAULT_DIR/report.md" mode=""
  ((FAULT_SHORT == 0)) || mode=" (--short)"
  {
    printf '# Fault injection, %s\n\nRun %s%s of deploy/local/suite faults.\n\n' "$(date -u '+%F %T UTC')" "$FAULT_RUN_ID" "$mode"
    printf '| scenario | sent | accepted | handled | confirmations | lost | duplicated | overbooked | dlq | converge s |\n'
    printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
    printf '%s\n' "${FAULT_ROWS[@]}"
    cat <<'EOF'

- sent: families POSTed at least once; accepted: the final answer was 2xx (after the client's retries)
- handled: accepted, intake SCHEDULED or WAITLISTED (or later), scheduling BOOKED or waitlisted
- confirmations: SENT e-mail deliveries (notification) / mails in GreenMail, for those families
- lost = accepted - handled; duplicated: second live bookings + distinct messages (Message-IDs) beyond
  one per appointment version + repeated SENT rows (+ for replay: every count the replay changed); a
  copy re-sent with the same Message-ID after a crash is one message to the recipient, and is listed
  in the notes instead
- overbooked: slots over capacity (replica count or live members), all slots, not only this scenario's
- dlq: dead letters and outbox rows parked during the scenario (+ records added to any *.dlq topic)
- converge s: from the end of the fault until every accepted family is handled and every booked one
  confirmed (replay: until the replayed groups have no lag)
EOF
    if ((${#FAULT_NOTES[@]})); then
      printf '\nNotes:\n'
      printf -- '- %s\n' "${FAULT_NOTES[@]}"
    fi
  } >"$report"
  stage "faults: result"
  cat "$report"
  printf '\n(%s)\n' "${report#"$REPO_DIR"/}"
}

# suite faults [--short] [SCENARIO...]
cmd_faults() {
  local name
  local -a names=()
  while (($#)); do
    case $1 in
      --short) FAULT_SHORT=1 ;;
      --repeat)
        [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--repeat takes a positive number of rounds"
        FAULT_REPEAT=$2
        shift
        ;;
      -*) usage ;;
      *)
        fault_known "$1" || die "unknown scenario '$1' (scenarios: ${FAULT_SCENARIOS[*]})"
        # Families are named after run and scenario: a second run of a scenario would resend the first's.
        [[ " ${names[*]} " != *" $1 "* ]] || die "scenario '$1' given twice"
        names+=("$1")
        ;;
    esac
    shift
  done
  [[ -z $FAULT_N || $FAULT_N =~ ^[1-9][0-9]*$ ]] || die "FAULT_N must be a positive number of families"
  [[ $FAULT_TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "FAULT_TIMEOUT must be a positive number of seconds"
  if ((${#names[@]} == 0)); then
    if ((FAULT_SHORT)); then names=("${FAULT_SHORT_SCENARIOS[@]}"); else names=("${FAULT_SCENARIOS[@]}"); fi
  fi
  faults_tools
  take_lock
  trap faults_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  faults_ensure_up
  faults_prepare
  local round
  for ((round = 1; round <= FAULT_REPEAT; round++)); do
    # Each round's families and work files are its own: scenario names get the round's number.
    ((FAULT_REPEAT == 1)) || FAULT_ROUND=$round
    for name in "${names[@]}"; do
      "fault_scenario_${name//-/_}"
    done
    # The next round needs free places as the first had them.
    if ((round < FAULT_REPEAT)); then
      faults_release
      faults_await_released
    fi
  done
  faults_report
  faults_release
  ((FAULT_FAILED == 0)) || die "faults: $FAULT_FAILED scenario(s) lost, duplicated, overbooked, dead-lettered or did not converge"
}
