# shellcheck shell=bash
# Shared helpers of deploy/local/suite: paths, progress lines, the processes the suite starts,
# readiness waits and downloads. Sourced by the suite after it has set REPO_DIR.

LOCAL_DIR="$REPO_DIR/.local"
RUN_DIR="$LOCAL_DIR/run"
LOG_DIR="$LOCAL_DIR/logs"
DOWNLOAD_DIR="$LOCAL_DIR/downloads"
DOWNLOADS_POM="$REPO_DIR/deploy/local/downloads/pom.xml"

# Components that this invocation of the suite started, in start order: `test` stops exactly these.
STARTED=()
# Pid of the process that the last call of launch started.
LAUNCHED_PID=

# ---- output -------------------------------------------------------------------------------------

# Microseconds since the epoch, from bash itself (no fork, no locale-dependent decimal point).
clock_us() { printf '%s' "${EPOCHREALTIME/[.,]/}"; }

# "12.3 s" since a clock_us value.
since() {
  local tenths=$(( ($(clock_us) - $1) / 100000 ))
  printf '%d.%d s' $((tenths / 10)) $((tenths % 10))
}

# A component's progress line is begun by step and ended by step_end, so that each component
# prints exactly one line whatever happens in between (everything else goes to log files).
step() { printf '%-24s … ' "$1"; }
step_end() { printf '%s\n' "$*"; }

stage() { printf '\n==== %s ====\n' "$*"; }

die() {
  printf 'suite: %s\n' "$*" >&2
  exit 1
}

# Ends the current progress line with FAILED, shows the end of the log that explains it, and exits.
fail_with_log() {
  local log=$1
  shift
  step_end "FAILED: $*"
  if [[ -s $log ]]; then
    printf -- '---- last 30 lines of %s ----\n' "${log#"$REPO_DIR"/}"
    tail -n 30 "$log"
    printf -- '----\n'
  fi
  exit 1
}

# Keeps the previous run's log as <log>.1 so that a restart does not bury why the last run failed.
rotate_log() {
  [[ -f $1 ]] && mv -f "$1" "$1.1"
  : >"$1"
}

# ---- privileges ---------------------------------------------------------------------------------

# fd 9 (the suite's lock) is closed: pg_ctlcluster leaves a PostgreSQL server behind that would
# otherwise hold the lock for as long as it runs.
as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@" 9>&-
  elif command -v sudo >/dev/null; then
    sudo "$@" 9>&-
  else
    die "need root (or sudo) for: $*"
  fi
}

# ---- processes the suite starts -----------------------------------------------------------------

pid_file() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }

# Prints the pid of component $1 if the process recorded for it is alive and is still ours: pids are
# reused, so the command line must still name a path in this repository. A stale pid file is removed.
running_pid() {
  local file pid
  file=$(pid_file "$1")
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$REPO_DIR/"; then
    printf '%s' "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

# launch NAME LOG COMMAND...: starts COMMAND in the background and records its pid.
# setsid puts it in a process group of its own, so that `down` can stop the whole tree (kc.sh and
# the java it starts) and a Ctrl-C in this terminal does not reach it. stdin, stdout and stderr are
# detached from ours, so that a caller reading our output through a pipe (CI) is not held open by
# it, and fd 9 (the suite's lock) is closed so that it does not keep the lock once we exit. It runs
# in .local/logs, so that nothing it writes to its working directory (a JVM crash report, say) can
# land in the work tree. `exec` keeps the pid: $! is the daemon's.
launch() {
  local name=$1 log=$2
  shift 2
  (cd "$LOG_DIR" && exec setsid "$@" </dev/null >>"$log" 2>&1 9>&-) &
  LAUNCHED_PID=$!
  # Nothing waits for a daemon: one the fault suite kills on purpose is not a job for bash to report.
  disown "$LAUNCHED_PID" 2>/dev/null || true
  printf '%s\n' "$LAUNCHED_PID" >"$(pid_file "$name")"
  STARTED+=("$name")
}

# Stops component $1 if the suite started it: SIGTERM to its process group, up to $2 seconds (default
# 30) for every process of the group to exit, then SIGKILL to that group only.
# Prints "stopped (…)" or "not running" as the end of a progress line.
stop_component() {
  local name=$1 grace=${2:-30} pid t0 deadline
  if ! pid=$(running_pid "$name"); then
    step_end "not running"
    return 0
  fi
  t0=$(clock_us)
  deadline=$((t0 + grace * 1000000))
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null; do
    if (($(clock_us) > deadline)); then
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      step_end "killed after ${grace} s (pid $pid)"
      rm -f "$(pid_file "$name")"
      return 0
    fi
    sleep 0.2
  done
  rm -f "$(pid_file "$name")"
  step_end "stopped (pid $pid, $(since "$t0"))"
}

# ---- readiness ----------------------------------------------------------------------------------

# wait_until SECONDS PID CHECK...: runs CHECK every half second until it succeeds (0), the process
# PID has exited (2: no point in waiting for a dead process) or SECONDS have passed (1).
wait_until() {
  local seconds=$1 pid=$2 deadline
  shift 2
  deadline=$(($(clock_us) + seconds * 1000000))
  until "$@" >/dev/null 2>&1; do
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      return 2
    fi
    (($(clock_us) < deadline)) || return 1
    sleep 0.5
  done
}

# Message for a non-zero wait_until result.
wait_failure() {
  case $1 in
    2) printf 'the process exited' ;;
    *) printf 'not ready after %s s' "$2" ;;
  esac
}

http_ok() { curl -fs -o /dev/null --max-time 3 "$1" 2>/dev/null; }

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp: no extra tools).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Fails the current progress line if one of the ports is taken by a process the suite did not
# start: a second Kafka or Keycloak would otherwise fail later with a far less obvious message.
require_free_ports() {
  local port
  for port in "$@"; do
    if port_open "$port"; then
      step_end "FAILED: port $port is in use by a process the suite did not start (see: ss -ltnp 'sport = :$port')"
      exit 1
    fi
  done
}

# ---- Maven ----------------------------------------------------------------------------------------

# The project's Maven wrapper when there is one, else the system's Maven.
project_maven() {
  if [[ -x $REPO_DIR/mvnw ]]; then
    printf '%s' "$REPO_DIR/mvnw"
  elif command -v mvn >/dev/null; then
    command -v mvn
  else
    die "neither ./mvnw nor mvn found"
  fi
}

# Value of a <property> of the downloads pom, which pins every downloaded version in one place.
pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$DOWNLOADS_POM" | head -n 1
}

# download GOAL@EXECUTION: runs one execution of the downloads pom (artifacts from Maven Central,
# through ~/.m2). Output goes to .local/logs/downloads.log; on failure the progress line fails.
download() {
  local log="$LOG_DIR/downloads.log" maven
  maven=$(project_maven)
  printf '\n$ %s -f %s dependency:%s\n' "${maven##*/}" "${DOWNLOADS_POM#"$REPO_DIR"/}" "$1" >>"$log"
  "$maven" -B -q -Dstyle.color=never -f "$DOWNLOADS_POM" "dependency:$1" -Dlocal.dir="$LOCAL_DIR" >>"$log" 2>&1 9>&- ||
    fail_with_log "$log" "download ($1) failed"
}
