#!/usr/bin/env bash
# bench/attendant: the Attendant console against a real server-lite on this machine, with CALLS real calls queued
# (core clients, Callers.java) and a presence storm over its 500 contacts (bench/client/BenchServer.java): how long
# each attendant action (answer / hold / select) takes to show in the queue, and the gaps between FX pulses.
# See docs/benchmarks.md ("Attendant"). Only 127.0.0.1; every loop is bounded; what this script starts is stopped.
#
# Placement (--placement): the server and the simulated callers stand for other machines of an office, so by default
# ("split") they run pinned to CPU 0 (taskset -c 0) and the attendant JVM with its Xvfb display to CPU 1 (taskset -c 1);
# where taskset or a second CPU is missing, the server and callers run under "nice -n 19" instead. "shared" is the old
# mode: everything on all CPUs, competing. Other programs on the machine are not pinned away: say the load average.
# Collector (--gc) of the attendant JVM: "g1" (default, as ./parley attendant and client run it), "serial" (the old
# bench setting, -XX:+UseSerialGC -Xms48m), "z" (ZGC), "jvm" (no option: the JVM's own choice, which is the serial
# collector when the JVM sees one CPU). Stop-the-world pauses come from -Xlog:safepoint (every collector).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

calls=50; contacts=500; rate=500; seconds=15; actions=30; keep=0; placement=split; gc=g1; warmup=0; jit=c1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --calls) calls="${2:?}"; shift ;;
    --rate) rate="${2:?}"; shift ;;
    --seconds) seconds="${2:?}"; shift ;;
    --actions) actions="${2:?}"; shift ;;
    --keep) keep=1 ;;
    --placement) placement="${2:?}"; shift ;;
    --gc) gc="${2:?}"; shift ;;
    --warmup) warmup="${2:?}"; shift ;;
    --jit) jit="${2:?}"; shift ;;
    -h|--help)
      echo "Usage: bench/attendant/run.sh [--calls N<=200] [--rate N/s] [--seconds N<=60] [--actions N<=90]"
      echo "         [--placement split|shared] [--gc g1|serial|z|jvm] [--warmup S<=60] [--jit c1|full] [--keep]"
      echo "  --placement split (default): server + callers pinned to CPU 0, the attendant (and its Xvfb) to CPU 1"
      echo "              (the callers and server stand for other machines); without taskset or a 2nd CPU, the server"
      echo "              and callers run under nice -n 19. shared: the old mode, all on every CPU, competing."
      echo "  --gc        collector of the attendant JVM: g1 (default, as ./parley attendant runs it), serial (the"
      echo "              old setting: -XX:+UseSerialGC -Xms48m), z (ZGC), jvm (no option: the JVM's own choice)."
      echo "  --warmup S  a presence storm of S seconds (0: none, the default) once the contacts show, before the"
      echo "              calls are placed: the JIT compiles the presence path first, as in a console running all day."
      echo "  --jit       c1 (default, as ./parley attendant runs it: -XX:TieredStopAtLevel=1) or full (C1 then C2)."
      echo "  BENCH_JAVA_OPTS adds options to the attendant JVM (after these)."
      exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
(( calls >= 1 && calls <= 200 && seconds >= 1 && seconds <= 60 && actions >= 3 && actions <= 90 && warmup >= 0 && warmup <= 60 )) \
  || { echo "run.sh: --calls 1-200, --seconds 1-60, --actions 3-90, --warmup 0-60" >&2; exit 2; }
case "$jit" in
  c1) jit_opts=(-XX:TieredStopAtLevel=1) ;;
  full) jit_opts=() ;;
  *) echo "run.sh: --jit c1|full" >&2; exit 2 ;;
esac
case "$gc" in
  g1) gc_opts=(-XX:+UseG1GC -Xms48m) ;;
  serial) gc_opts=(-XX:+UseSerialGC -Xms48m) ;;
  z) gc_opts=(-XX:+UseZGC -Xms48m) ;;
  jvm) gc_opts=() ;;
  *) echo "run.sh: --gc g1|serial|z|jvm" >&2; exit 2 ;;
esac
load_cmd=(); att_cmd=()
case "$placement" in
  split)
    if command -v taskset >/dev/null && (( $(nproc) >= 2 )); then
      load_cmd=(taskset -c 0); att_cmd=(taskset -c 1); placement_said="split: server + callers on CPU 0, attendant on CPU 1"
    else
      load_cmd=(nice -n 19); placement_said="split (fallback): server + callers under nice -n 19, no pinning"
    fi ;;
  shared) placement_said="shared: server, callers and attendant on all CPUs" ;;
  *) echo "run.sh: --placement split|shared" >&2; exit 2 ;;
esac
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
xrun=()
if [[ -z "${DISPLAY:-}" ]]; then
  command -v xvfb-run >/dev/null || { echo "run.sh: no DISPLAY and no xvfb-run (Debian: apt-get install -y xvfb xauth libgtk-3-0)" >&2; exit 1; }
  xrun=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi

work="$(mktemp -d /tmp/parley-bench-attendant.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  if (( keep )); then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

jar_of() { ls "$root/$1"/target/parley-"$1"-*.jar 2>/dev/null | grep -v -e '-tests.jar' -e '-sources.jar' | head -n 1 || true; }
# always built: a jar left in target/ by an older checkout would measure old code
if true; then
  echo "building attendant-app and server-lite (./mvnw -q -DskipTests -pl attendant-app,server-lite -am package)..."
  (cd "$root" && ./mvnw -q -B -o -DskipTests -pl attendant-app,server-lite -am package) > "$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log" >&2; echo "run.sh: build failed" >&2; exit 1; }
fi
server_cp="$(jar_of server-lite):$root/server-lite/target/lib/*"
att_cp="$(jar_of attendant-app):$root/attendant-app/target/lib/*"
mkdir -p "$work/harness"
javac -d "$work/harness" --release 17 -cp "$att_cp" "$here/AttendantBench.java"

domain="bench.test"
${load_cmd[@]+"${load_cmd[@]}"} java -cp "$server_cp" "$root/bench/client/BenchServer.java" "$work/server-data" "$domain" "$contacts" "$contacts" \
  > "$work/server.out" 2> "$work/server.log" &
pids+=($!)
for (( i = 0; i < 900; i++ )); do grep -qs '^ready ' "$work/server.out" && break; sleep 0.2; done
grep -q '^ready ' "$work/server.out" || { tail -20 "$work/server.log" >&2; echo "run.sh: BenchServer did not get ready" >&2; exit 1; }
read -r sip_port control_port <<<"$(sed -n 's/^ready tls=[0-9]* sip=\([0-9]*\) control=\([0-9]*\)$/\1 \2/p' "$work/server.out")"
echo "server-lite on 127.0.0.1:$sip_port; $contacts contacts seeded"

${load_cmd[@]+"${load_cmd[@]}"} java ${CALLERS_JAVA_OPTS:-} -cp "$server_cp" "$here/Callers.java" "$sip_port" "$domain" "$calls" small "$work/go" "$work/callers" \
  $(( seconds + warmup + 150 )) > "$work/callers.out" 2> "$work/callers.log" &
pids+=($!)

${att_cmd[@]+"${att_cmd[@]}"} timeout -k 5 300 ${xrun[@]+"${xrun[@]}"} java ${gc_opts[@]+"${gc_opts[@]}"} ${jit_opts[@]+"${jit_opts[@]}"} \
  -Xlog:safepoint:file="$work/safepoint.log" -Xlog:gc:file="$work/gc.log" ${BENCH_JAVA_OPTS:-} -cp "$work/harness:$att_cp" AttendantBench \
  --user small --domain "$domain" --port "$sip_port" --data "$work/attendant" --calls "$calls" --contacts "$contacts" \
  --control "$control_port" --rate "$rate" --seconds "$seconds" --actions "$actions" --go "$work/go" --warmup-s "$warmup" --timeout-s 280 \
  > "$work/attendant.log" 2>&1 || true
grep '^RESULT ' "$work/attendant.log" | sed 's/^RESULT //' | tee "$work/results"
grep -q '^pulse_gap_max_ms' "$work/results" || { tail -30 "$work/attendant.log" >&2; echo "run.sh: the attendant run failed" >&2; exit 1; }
# Stop-the-world pauses (all safepoints: collections and other VM operations) between the start of the storm and
# the end of the actions: count, total per second, p99, longest.
from_ms="$(sed -n 's/^storm_start_uptime_ms //p' "$work/results")"; to_ms="$(sed -n 's/^storm_end_uptime_ms //p' "$work/results")"
awk -v from="$from_ms" -v to="$to_ms" '
  match($0, /^\[[0-9.]+s\]/) { t = substr($0, 2, RLENGTH - 3) * 1000 }
  /Safepoint "/ && t >= from && t <= to && match($0, /Total: [0-9]+ ns/) { n++; v[n] = substr($0, RSTART + 7, RLENGTH - 10) / 1e6; sum += v[n] }
  END {
    if (n == 0) { print "stw_pauses 0"; exit }
    for (i = 2; i <= n; i++) { x = v[i]; for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
    k = int(0.99 * n + 0.999); if (k < 1) k = 1
    printf "stw_pauses %d\nstw_ms_per_s %.1f\nstw_p99_ms %.1f\nstw_max_ms %.1f\n", n, sum / ((to - from) / 1000), v[k], v[n]
  }' "$work/safepoint.log" | tee -a "$work/results"
echo "Attendant benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $placement_said, attendant GC: $gc, warm-up storm ${warmup}s; load average at the start: $load_at_start, at the end: $(cut -d' ' -f1-3 /proc/loadavg); $calls calls, storm $rate/s x ${seconds}s over $contacts contacts"
