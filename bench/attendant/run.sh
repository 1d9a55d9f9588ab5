#!/usr/bin/env bash
# bench/attendant: the Attendant console against a real server-lite on this machine, with CALLS real calls queued
# (core clients, Callers.java) and a presence storm over its 500 contacts (bench/client/BenchServer.java): how long
# each attendant action (answer / hold / select) takes to show in the queue, and the gaps between FX pulses.
# See docs/benchmarks.md ("Attendant"). Only 127.0.0.1; every loop is bounded; what this script starts is stopped.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

calls=50; contacts=500; rate=500; seconds=15; actions=30; keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --calls) calls="${2:?}"; shift ;;
    --rate) rate="${2:?}"; shift ;;
    --seconds) seconds="${2:?}"; shift ;;
    --actions) actions="${2:?}"; shift ;;
    --keep) keep=1 ;;
    -h|--help) echo "Usage: bench/attendant/run.sh [--calls N<=200] [--rate N/s] [--seconds N<=60] [--actions N<=90] [--keep]"; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
(( calls >= 1 && calls <= 200 && seconds >= 1 && seconds <= 60 && actions >= 3 && actions <= 90 )) \
  || { echo "run.sh: --calls 1-200, --seconds 1-60, --actions 3-90" >&2; exit 2; }
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
if [[ -z "$(jar_of attendant-app)" || -z "$(jar_of server-lite)" || ! -d "$root/attendant-app/target/lib" ]]; then
  echo "building attendant-app and server-lite (./mvnw -q -DskipTests -pl attendant-app,server-lite -am package)..."
  (cd "$root" && ./mvnw -q -B -o -DskipTests -pl attendant-app,server-lite -am package) > "$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log" >&2; echo "run.sh: build failed" >&2; exit 1; }
fi
server_cp="$(jar_of server-lite):$root/server-lite/target/lib/*"
att_cp="$(jar_of attendant-app):$root/attendant-app/target/lib/*"
mkdir -p "$work/harness"
javac -d "$work/harness" --release 17 -cp "$att_cp" "$here/AttendantBench.java"

domain="bench.test"
java -cp "$server_cp" "$root/bench/client/BenchServer.java" "$work/server-data" "$domain" "$contacts" "$contacts" \
  > "$work/server.out" 2> "$work/server.log" &
pids+=($!)
for (( i = 0; i < 900; i++ )); do grep -qs '^ready ' "$work/server.out" && break; sleep 0.2; done
grep -q '^ready ' "$work/server.out" || { tail -20 "$work/server.log" >&2; echo "run.sh: BenchServer did not get ready" >&2; exit 1; }
read -r sip_port control_port <<<"$(sed -n 's/^ready tls=[0-9]* sip=\([0-9]*\) control=\([0-9]*\)$/\1 \2/p' "$work/server.out")"
echo "server-lite on 127.0.0.1:$sip_port; $contacts contacts seeded"

java -cp "$server_cp" "$here/Callers.java" "$sip_port" "$domain" "$calls" small "$work/go" "$work/callers" \
  $(( seconds + 150 )) > "$work/callers.out" 2> "$work/callers.log" &
pids+=($!)

timeout -k 5 300 "${xrun[@]}" java -XX:+UseSerialGC -Xms48m ${BENCH_JAVA_OPTS:-} -cp "$work/harness:$att_cp" AttendantBench \
  --user small --domain "$domain" --port "$sip_port" --data "$work/attendant" --calls "$calls" --contacts "$contacts" \
  --control "$control_port" --rate "$rate" --seconds "$seconds" --actions "$actions" --go "$work/go" --timeout-s 280 \
  > "$work/attendant.log" 2>&1 || true
grep '^RESULT ' "$work/attendant.log" | sed 's/^RESULT //' | tee "$work/results"
grep -q '^pulse_gap_max_ms' "$work/results" || { tail -30 "$work/attendant.log" >&2; echo "run.sh: the attendant run failed" >&2; exit 1; }
echo "Attendant benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $calls calls, storm $rate/s x ${seconds}s over $contacts contacts"
