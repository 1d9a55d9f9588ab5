#!/usr/bin/env bash
# bench/client: the Communicator against a real server-lite on this machine. (1) cold start of a fresh JVM to
# signed in with a 500-contact list shown (and their presence), (2) filter-as-you-type in the search box over a
# 5,000-contact list, ms per keystroke, (3) a presence storm of 1,000 changes/s for 10 s: gaps between FX pulses,
# (4) resident memory after sign-in with 500 contacts. See docs/benchmarks.md ("Communicator").
# Only 127.0.0.1; every loop is bounded in count and time; what this script starts is stopped on exit.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

usage() {
  cat <<'USAGE'
Usage: bench/client/run.sh [OPTIONS]

  --quick          smoke run, a few minutes: 1,000-contact list, 1 cold start, 3-s storm
  --contacts N     contacts of the large list (default 5000; the small list has 500)
  --runs N         cold starts measured, the median reported (default 3, after one warm-up)
  --rate N         presence changes per second in the storm (default 1000)
  --seconds N      storm duration (default 10)
  --keep           keep the work directory (logs, data)
  -h, --help       this help

Needs java 17, python3, xvfb-run (Debian: apt-get install -y xvfb xauth libgtk-3-0) unless DISPLAY is set.
The client JVM gets the options ./parley client uses (client_java_opts in ./parley), then BENCH_JAVA_OPTS.
USAGE
}

contacts=5000; runs=3; rate=1000; seconds=10; keep=0; quick=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1 ;;
    --contacts) contacts="${2:?}"; shift ;;
    --runs) runs="${2:?}"; shift ;;
    --rate) rate="${2:?}"; shift ;;
    --seconds) seconds="${2:?}"; shift ;;
    --keep) keep=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
if (( quick )); then contacts=1000; runs=1; seconds=3; fi
small=500
(( contacts >= small )) || { echo "run.sh: --contacts must be at least $small" >&2; exit 2; }
(( runs >= 1 && runs <= 20 && seconds >= 1 && seconds <= 60 && rate >= 1 && rate <= 20000 )) \
  || { echo "run.sh: --runs 1-20, --seconds 1-60, --rate 1-20000" >&2; exit 2; }

for tool in java javac python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' not found (Debian: apt-get install -y openjdk-17-jdk-headless python3)" >&2; exit 1; }
done
xrun=()
if [[ -z "${DISPLAY:-}" ]]; then
  command -v xvfb-run >/dev/null || { echo "run.sh: no DISPLAY and no xvfb-run (Debian: apt-get install -y xvfb xauth libgtk-3-0)" >&2; exit 1; }
  xrun=(xvfb-run -a -s "-screen 0 1280x1024x24")
fi

work="$(mktemp -d /tmp/parley-bench-client.XXXXXX)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  if (( keep )); then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '%s\n' "$*" | tee -a "$work/run.log"; }

jar_of() { ls "$root/$1"/target/parley-"$1"-*.jar 2>/dev/null | grep -v -e '-tests.jar' -e '-sources.jar' | head -n 1 || true; }
stale() {
  local jar; jar=$(jar_of "$1")
  [[ -z "$jar" || ! -d "$root/$1/target/lib" ]] && return 0
  [[ -n "$(find "$root/core/src/main" "$root/ui-common/src/main" "$root/$1/src/main" -newer "$jar" -type f 2>/dev/null | head -1)" ]]
}
if stale client-app || stale server-lite; then
  log "building client-app and server-lite (./mvnw -q -DskipTests -pl client-app,server-lite -am package)..."
  (cd "$root" && ./mvnw -q -B -DskipTests -pl client-app,server-lite -am package) > "$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log" >&2; echo "run.sh: build failed" >&2; exit 1; }
fi
server_cp="$(jar_of server-lite):$root/server-lite/target/lib/*"
client_cp="$(jar_of client-app):$root/client-app/target/lib/*"
mkdir -p "$work/harness"
javac -d "$work/harness" --release 17 -cp "$client_cp" "$here/ClientBench.java" 2> "$work/javac.log" \
  || { cat "$work/javac.log" >&2; echo "run.sh: compiling ClientBench.java failed" >&2; exit 1; }
# A jar, not a directory, on the class path: the JVM's class-data sharing (used by ./parley client) ignores class
# paths with directories. Kept at a fixed place so an archive made in one run fits the next.
harness_jar="$root/client-app/target/bench-harness.jar"
[[ "$harness_jar" -nt "$here/ClientBench.java" && "$harness_jar" -nt "$(jar_of client-app)" ]] \
  || jar cf "$harness_jar" -C "$work/harness" .

# the client JVM runs with the launcher's options for `parley client`
client_java_opts="$(sed -n 's/^client_java_opts="\(.*\)"$/\1/p' "$root/parley")"
domain="bench.test"
log "seeding $contacts contacts (list 'small': $small, list 'large': $contacts) and starting server-lite..."
java -cp "$server_cp" "$here/BenchServer.java" "$work/server-data" "$domain" "$contacts" "$small" \
  > "$work/server.out" 2> "$work/server.log" &
server_pid=$!
for (( i = 0; i < 1800; i++ )); do
  grep -qs '^ready ' "$work/server.out" && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.2
done
grep -q '^ready ' "$work/server.out" || { tail -20 "$work/server.log" >&2; echo "run.sh: BenchServer did not get ready" >&2; exit 1; }
read -r tls_port control_port <<<"$(sed -n 's/^ready tls=\([0-9]*\) sip=[0-9]* control=\([0-9]*\)$/\1 \2/p' "$work/server.out")"
log "  $(head -1 "$work/server.out"); server-lite TLS on 127.0.0.1:$tls_port"

# One client JVM under its own X server; t0 is taken just before java starts (Xvfb's start is not counted).
client() {
  local name="$1"; shift
  timeout -k 5 300 "${xrun[@]}" bash -c 't0=$(date +%s%3N); exec java '"$client_java_opts ${cds_flags:-} ${BENCH_JAVA_OPTS:-}"' -cp "$0" ClientBench --t0-ms "$t0" "$@"' \
    "$harness_jar:$client_cp" "$@" > "$work/$name.log" 2>&1 || true
  grep '^RESULT ' "$work/$name.log" | sed 's/^RESULT //' > "$work/$name.results"
  if grep -q '^error ' "$work/$name.results" || ! grep -q . "$work/$name.results"; then
    tail -30 "$work/$name.log" >&2; echo "run.sh: client run '$name' failed (log above)" >&2; exit 1
  fi
}
get() { sed -n "s/^$2 //p" "$work/$1.results" | head -1; }

# Class-data sharing as ./parley client uses it (see cds_opts in ./parley): the warm-up run records the archive when
# it is missing or older than the jars, every later run maps it.
cds="$root/client-app/target/bench-client.jsa"
cds_quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
cds_fresh() { [[ -f "$cds" && "$cds" -nt "$harness_jar" && "$cds" -nt "$(jar_of client-app)" && "$cds" -nt "$root/client-app/target/lib" ]]; }
cds_share() { if cds_fresh; then cds_flags="-XX:SharedArchiveFile=$cds -Xshare:auto $cds_quiet"; else cds_flags=""; fi; }
if cds_fresh; then cds_share; else rm -f "$cds"; cds_flags="-XX:ArchiveClassesAtExit=$cds $cds_quiet"; fi

log "cold starts: user 'small' ($small contacts), one warm-up then $runs measured, fresh data directory each"
for (( r = 0; r <= runs; r++ )); do
  (( r == 1 )) && { cds_share; log "  class-data sharing archive: $([[ -n "$cds_flags" ]] && echo "mapped ($cds)" || echo "none (it could not be recorded)")"; }
  client "start-$r" --mode start --user small --domain "$domain" --tls-port "$tls_port" --data "$work/client-$r" \
    --expect "$small" --timeout-s 120
  log "  run $r$( (( r == 0 )) && echo ' (warm-up)'): JavaFX up $(get start-$r fx_started_ms) ms, signed in $(get start-$r signed_in_ms) ms, list shown $(get start-$r list_shown_ms) ms, presence shown $(get start-$r presence_shown_ms) ms, RSS $(( $(get start-$r rss_kb) / 1024 )) MB"
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
cold_ms=$(for (( r = 1; r <= runs; r++ )); do get "start-$r" list_shown_ms; done | median)
presence_ms=$(for (( r = 1; r <= runs; r++ )); do get "start-$r" presence_shown_ms; done | median)
rss_mb=$(for (( r = 1; r <= runs; r++ )); do echo $(( $(get "start-$r" rss_kb) / 1024 )); done | median)

log "large list: user 'large' ($contacts contacts): typing into the search box, then a storm of $rate changes/s for $seconds s"
client list --mode list --user large --domain "$domain" --tls-port "$tls_port" --data "$work/client-large" \
  --expect "$contacts" --control "$control_port" --rate "$rate" --seconds "$seconds" --timeout-s 280
log "  keystrokes (ms each, in order): $(get list keystroke_each_ms)"
log "  list shown $(get list list_shown_ms) ms, presence shown $(get list presence_shown_ms) ms; $(get list keystrokes) keystrokes; storm: server $(get list storm_server | tr _ ' '), changes seen by the list $(get list storm_changes_seen), $(get list pulses) pulses"

ratio() { python3 -c "import sys; v, t = float(sys.argv[1]), float(sys.argv[2]); print(f'{v / t:.2f}')" "$1" "$2"; }
row() { printf '| %-52s | %10s | %8s | %5s |\n' "$1" "$2" "$3" "$(ratio "$2" "$4")"; }
{
  echo
  echo "Communicator benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  printf '| %-52s | %10s | %8s | %5s |\n' "measure" "value" "target" "ratio"
  printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..54})" "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..10})" "$(printf -- '-%.0s' {1..7})"
  row "cold start to signed in, $small contacts shown (ms, median of $runs)" "$cold_ms" "≤ 2000" 2000
  row "  ... and their presence shown (ms, median)" "$presence_ms" "-" 2000
  row "filter as you type, $contacts contacts, p50 (ms/key)" "$(get list keystroke_p50_ms)" "≤ 50" 50
  row "filter as you type, $contacts contacts, p99 (ms/key)" "$(get list keystroke_p99_ms)" "≤ 50" 50
  row "presence storm $rate/s x ${seconds}s: FX pulse gap p99 (ms)" "$(get list pulse_gap_p99_ms)" "≤ 100" 100
  row "presence storm: longest FX pulse gap (ms)" "$(get list pulse_gap_max_ms)" "≤ 100" 100
  row "resident memory after sign-in, $small contacts (MB)" "$rss_mb" "≤ 250" 250
  echo
} | tee -a "$work/run.log"
