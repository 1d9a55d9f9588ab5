#!/usr/bin/env bash
# Renders the Communicator's main screens into docs/screenshots/*.png from a real session: `./parley demo
# --no-client` on free loopback ports in a temporary directory, the real app under Xvfb signed in as alice (driven
# by docs/screenshots/ScreenshotTour.java through the app's own Navigator), bob as a second
# party in the tour's JVM (rich-text messages, accepts a file), and other demo users changing presence and sending
# a message through `./parley cli`. Everything started here is stopped on exit.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here"
keep=0
font=13

usage() {
  cat <<'USAGE'
Usage: docs/screenshots/render.sh [--out DIR] [--font PX] [--keep]

  --out DIR   where the PNGs go (default: docs/screenshots)
  --font PX   base font size of the app (default: its setting, 13; e.g. 16 to check for clipped text)
  --keep      keep the temporary directory (demo data, logs)

Needs java 17, python3 and xvfb-run (Debian: apt-get install -y xvfb xauth libgtk-3-0).
USAGE
}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="${2:?--out needs a directory}"; shift ;;
    --font) font="${2:?--font needs a size}"; shift ;;
    --keep) keep=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "render.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
for tool in java python3 xvfb-run; do
  command -v "$tool" >/dev/null || { echo "render.sh: '$tool' not found (Debian: apt-get install -y openjdk-17-jdk-headless python3 xvfb xauth libgtk-3-0)" >&2; exit 1; }
done

work="$(mktemp -d /tmp/parley-screenshots.XXXXXX)"
declare -a pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if (( keep )); then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "render.sh: building client-app and server-lite, and client-app's test class path..."
(cd "$root" && ./mvnw -q -B -DskipTests -pl client-app,server-lite -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt") > "$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log" >&2; echo "render.sh: build failed" >&2; exit 1; }
cp="$root/client-app/target/classes:$(cat "$work/cp.txt")"
# The tour is compiled here (not part of the build): it drives the app's windows from outside.
mkdir -p "$work/tour"
javac -d "$work/tour" --release 17 -cp "$cp" "$here/ScreenshotTour.java" 2> "$work/javac.log" \
  || { cat "$work/javac.log" >&2; echo "render.sh: compiling ScreenshotTour.java failed" >&2; exit 1; }
cp="$work/tour:$cp"

read -r sip tls <<<"$(python3 - <<'PY'
import socket
held, out = [], []
while len(out) < 2:
    t = socket.socket(); t.bind(("127.0.0.1", 0)); p = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1", p))
    except OSError:
        t.close(); continue
    held += [t, u]; out.append(p)
print(*out)
PY
)"
domain=parley.local
"$root/parley" demo --no-client --data "$work/demo" --bind 127.0.0.1 --sip-port "$sip" --tls-port "$tls" \
  > "$work/demo.log" 2>&1 &
pids+=($!)
for _ in $(seq 600); do grep -qs '^parley server ready' "$work/demo.log" && break; sleep 0.2; done
grep -qs '^parley server ready' "$work/demo.log" || { tail -20 "$work/demo.log" >&2; echo "render.sh: the demo did not start" >&2; exit 1; }
declare -A pw
while read -r user pass; do pw[$user]=$pass; done < <(sed -n 's/^ *sip:\([a-z]*\)@[^ ]* .* password \([a-z0-9]*\)$/\1 \2/p' "$work/demo.log")
[[ -n "${pw[alice]:-}" && -n "${pw[bob]:-}" ]] || { echo "render.sh: no demo passwords in the demo's output" >&2; exit 1; }
echo "render.sh: demo on 127.0.0.1 (tls $tls)"

# Other people of the office, each a `parley cli` that sets a presence and stays signed in (at most 170 s).
party() {
  local user="$1"; shift
  { printf '%s\n' "${pw[$user]}" "$@" 'wait 170' 'quit'; } \
    | "$root/parley" cli --server "127.0.0.1:$tls" --user "$user@$domain" --password-stdin --data "$work/cli-$user" \
      > "$work/cli-$user.log" 2>&1 &
  pids+=($!)
}
party carol 'presence set busy' 'presence note On a call with a customer until 11' 'wait 14' \
  'im alice The visitors for 2 pm have arrived early, shall I bring them up?'
party dave 'presence set away'
party erin 'presence set dnd' 'presence note Board minutes'
party grace 'presence set available' 'presence location Head office, 3rd floor'
party frank 'presence set in-a-meeting'
party judy 'presence set available' 'wait 6' 'presence set brb'
sleep 4

echo "render.sh: touring the app under Xvfb..."
mkdir -p "$out"
printf '%s\n%s\n' "${pw[alice]}" "${pw[bob]}" \
  | timeout -k 5 240 xvfb-run -a -s "-screen 0 1600x1000x24" java -cp "$cp" org.parley.client.ScreenshotTour \
      --server 127.0.0.1 --port "$tls" --domain "$domain" --user alice --peer bob --data "$work/client" --out "$out" --font "$font" \
      > "$work/tour.log" 2>&1 \
  || { grep -v '^\s*at ' "$work/tour.log" | tail -30 >&2; echo "render.sh: the tour failed (log: $work/tour.log)" >&2; keep=1; exit 1; }
grep '^tour:' "$work/tour.log"
