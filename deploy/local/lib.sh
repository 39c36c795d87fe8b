# shellcheck shell=bash disable=SC2034  # variables used by the scripts that source this file
# Helpers shared by deploy/local/*.sh (sourced, not run): paths, background processes, waiting.
# Runtime state lives under <repo>/.run, wherever the repo is cloned.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/deploy/local"
RUN="$ROOT/.run"
LOGS="$RUN/logs"
PIDS="$RUN/pids"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mkdir -p "$LOGS" "$PIDS"
# logs can hold what a request sent: readable by their owner only
chmod 700 "$LOGS"

say() { printf '%s\n' "$*"; }

# show_help_if_asked "$@": with -h or --help among the arguments, print the calling script's header comment
# (its usage) and exit.
show_help_if_asked() {
  local arg
  for arg; do
    if [[ $arg == -h || $arg == --help ]]; then
      awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "${BASH_SOURCE[1]}"
      exit 0
    fi
  done
}
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# A clock in microseconds, and the time elapsed since such a mark ("4.2s").
now() { echo "${EPOCHREALTIME//[!0-9]/}"; }
since() { local us=$(( $(now) - $1 )); printf '%d.%ds' $(( us / 1000000 )) $(( us / 100000 % 10 )); }

# The last lines of a log, on stderr, then fail with a message.
fail_with_log() {
  local message=$1 log=$2
  { say "---- last 40 lines of $log ----"; tail -n 40 "$log" 2>/dev/null || true; say "----"; } >&2
  die "$message"
}

# True while the process runs (a zombie, dead but not yet reaped, does not count).
alive() { kill -0 "$1" 2>/dev/null && [[ $(ps -o stat= -p "$1" 2>/dev/null) != Z* ]]; }

# A pid file holds the pid and the process's start time: pids wrap around quickly on a busy machine,
# and the pair tells our process from a later one that got the same pid.
started_at() { ps -o lstart= -p "$1" 2>/dev/null; }

# The pid recorded by launch, alive or not.
launched_pid() { local pid _; read -r pid _ <"$PIDS/$1.pid" && echo "$pid"; }

# The recorded pid of a named process, if that very process is alive.
pid_of() {
  local file="$PIDS/$1.pid" pid start
  [[ -f $file ]] && read -r pid start <"$file" && alive "$pid" && [[ $(started_at "$pid") == "$start" ]] && echo "$pid"
}

port_open() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# launch NAME LOG COMMAND...: run COMMAND in the background with stdin, stdout and stderr detached from
# the caller (so it never holds a CI pipe open), the previous log kept as LOG.prev. The log is opened for
# appending so that later writers to it do not get overwritten. Bash execs a simple command in the forked
# child, so $! is the real pid (use `env VAR=value cmd`, not a wrapper script or a pipeline).
launch() {
  local name=$1 log=$2; shift 2
  if [[ -f $log ]]; then mv -f "$log" "$log.prev"; fi
  (umask 077 && : >>"$log")
  "$@" </dev/null >>"$log" 2>&1 &
  echo "$! $(started_at $!)" >"$PIDS/$name.pid"
}

# wait_until SECONDS PID COMMAND...: poll COMMAND until it succeeds; fail on timeout or once PID has died.
wait_until() {
  local deadline=$(( $(now) + $1 * 1000000 )) pid=$2; shift 2
  until "$@"; do
    alive "$pid" && (( $(now) < deadline )) || return 1
    sleep 0.2
  done
}

# await NAME SECONDS PID LOG COMMAND...: wait_until, or fail with the tail of LOG and the reason.
await() {
  local name=$1 seconds=$2 pid=$3 log=$4; shift 4
  wait_until "$seconds" "$pid" "$@" && return
  if alive "$pid"; then fail_with_log "$name: not ready after ${seconds}s (pid $pid)" "$log"; fi
  fail_with_log "$name: exited before it was ready (pid $pid)" "$log"
}

# stop_process NAME [SECONDS]: TERM the recorded process, KILL it if it is still up after SECONDS.
stop_process() {
  local name=$1 timeout=${2:-30} pid t0
  if ! pid=$(pid_of "$name"); then
    rm -f "$PIDS/$name.pid"
    say "$name: not running"
    return 0
  fi
  t0=$(now)
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid" && (( $(now) - t0 < timeout * 1000000 )); do sleep 0.2; done
  if alive "$pid"; then
    say "$name: still up after ${timeout}s, killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDS/$name.pid"
  say "$name: stopped pid $pid in $(since "$t0")"
}
