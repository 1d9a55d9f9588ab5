#!/usr/bin/env bash
# bench/voice: (1) call setup time, INVITE to 200, p50/p99, through Parley server-lite and through Kamailio, same
# SIPp scenario, same rate, same run; (2) CPU per active call in the client's media pipeline (Opus + SRTP, libjitsi,
# N loopback calls in one JVM); (3) a mouth-to-ear latency estimate of that pipeline on loopback (timestamps).
# See docs/benchmarks.md ("Voice"). Only 127.0.0.1; every load is bounded in count and time; what this script
# starts is stopped on exit.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
registrar="$root/bench/registrar"   # the Kamailio configuration, user loader and callee scenario are shared

usage() {
  cat <<'USAGE'
Usage: bench/voice/run.sh [OPTIONS]

  --quick            smoke run (low rate, short steps, 2 calls, 3 bursts): checks that everything works
  --only PART        one part only: setup, cpu or latency
  --rate N           calls per second for the setup-time measurement (default 50)
  --seconds N        how long that rate is held, and the CPU measurement window (default 10)
  --calls N          parallel loopback calls for the CPU measurement (default 5, i.e. 10 client sessions)
  --bursts N         tone bursts for the latency estimate (default 10, one per second)
  --codec opus|pcmu  client media codec (default opus); --rtp: plain RTP instead of SRTP
  --children N       Kamailio UDP worker processes (default 4)
  --servers LIST     setup time through these, in this order (default "kamailio parley")
  --keep             keep the work directory (logs, SIPp response times, configs)
  -h, --help         this help

Environment: PARLEY_JAVA_OPTS is passed to the Parley server JVM.
USAGE
}

quick=0; only=""; rate=50; seconds=10; calls=5; bursts=10; codec=opus; media=srtp; children=4; keep=0; servers="kamailio parley"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1 ;;
    --only) only="${2:?--only needs setup, cpu or latency}"; shift ;;
    --rate) rate="${2:?}"; shift ;;
    --seconds) seconds="${2:?}"; shift ;;
    --calls) calls="${2:?}"; shift ;;
    --bursts) bursts="${2:?}"; shift ;;
    --codec) codec="${2:?}"; shift ;;
    --rtp) media=rtp ;;
    --children) children="${2:?}"; shift ;;
    --servers) servers="${2:?}"; shift ;;
    --keep) keep=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
case "$only" in ""|setup|cpu|latency) ;; *) echo "run.sh: --only takes setup, cpu or latency" >&2; exit 2 ;; esac
case "$codec" in opus|pcmu) ;; *) echo "run.sh: --codec takes opus or pcmu" >&2; exit 2 ;; esac
if (( quick )); then rate=10; seconds=3; calls=2; bursts=3; fi
(( rate >= 1 && rate <= 2000 && seconds >= 2 && seconds <= 60 && calls >= 1 && calls <= 50 && bursts >= 3 && bursts <= 60 )) \
  || { echo "run.sh: --rate 1-2000, --seconds 2-60, --calls 1-50, --bursts 3-60" >&2; exit 2; }
users=200; domain="bench.test"; user_prefix="b"; pass_prefix="pw"
count=$(( rate * seconds ))

want() { [[ -z "$only" || "$only" == "$1" ]]; }
for tool in java python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' not found (Debian: apt-get install -y openjdk-17-jdk-headless python3)" >&2; exit 1; }
done
if want setup; then
  command -v sipp >/dev/null || { echo "run.sh: 'sipp' not found (Debian: apt-get install -y sip-tester)" >&2; exit 1; }
  command -v kamailio >/dev/null || { echo "run.sh: 'kamailio' not found (Debian: apt-get install -y kamailio)" >&2; exit 1; }
fi

work="$(mktemp -d /tmp/parley-bench-voice.XXXXXX)"
declare -a pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if (( keep )); then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '%s\n' "$*" | tee -a "$work/run.log"; }

free_ports() {
  python3 - "$1" <<'PY'
import socket, sys
held, out = [], []
while len(out) < int(sys.argv[1]):
    t = socket.socket(); t.bind(("127.0.0.1", 0)); p = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1", p))
    except OSError:
        t.close(); continue
    held += [t, u]; out.append(p)
print(" ".join(map(str, out)))
PY
}

# ---- build: the server-lite jar and its libraries (core and libjitsi among them), without installing --------
jar() { ls "$root"/server-lite/target/parley-server-lite-*.jar 2>/dev/null | grep -v -e '-tests.jar' -e '-sources.jar' | head -n 1 || true; }
j=$(jar)
if [[ -z "$j" || ! -d "$root/server-lite/target/lib" ]] \
   || [[ -n "$(find "$root/server-lite/src/main" "$root/core/src/main" "$root/server-lite/pom.xml" "$root/core/pom.xml" -newer "$j" -type f 2>/dev/null | head -1)" ]]; then
  log "building Parley (./mvnw -q -DskipTests -pl server-lite -am package)..."
  (cd "$root" && ./mvnw -q -B -DskipTests -pl server-lite -am package) > "$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log" >&2; echo "run.sh: Parley build failed" >&2; exit 1; }
fi
cp="$(jar):$root/server-lite/target/lib/*"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "bench/voice $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
log "  load average before: $load_before; $(java -version 2>&1 | head -1)"
(( quick )) && log "  (--quick: smoke run, the figures mean little)"
(( $(echo "${load_before%% *} > 1.0" | bc -l) )) && log "  WARNING: load average above 1.0: other work shares the CPU"
declare -A result=()

# ---- (1) call setup time ---------------------------------------------------------------------------------------
# One injection file for both servers: user;password;[authentication ...];callee. Every user is registered at the
# SIPp UAS, so each INVITE goes caller -> proxy -> UAS and back. One callee for all calls: Parley checks that the
# digest uri names the Request-URI (SIPp would put its remote address there), and SIPp's -auth_uri is one value.
callee="${user_prefix}00000"
{
  echo SEQUENTIAL
  for (( i = 1; i < users; i++ )); do
    printf -v d '%05d' "$i"
    echo "${user_prefix}$d;${pass_prefix}$d;[authentication username=${user_prefix}$d password=${pass_prefix}$d];$callee"
  done
} > "$work/users.csv"
{
  echo SEQUENTIAL
  for (( i = 0; i < users; i++ )); do
    printf -v d '%05d' "$i"
    echo "${user_prefix}$d;${pass_prefix}$d;[authentication username=${user_prefix}$d password=${pass_prefix}$d];$callee"
  done
} > "$work/register.csv"
sipp_common=(-i 127.0.0.1 -buff_size 4194304 -nostdin -key domain "$domain" -max_log_size 100000000)

wait_udp() { # port seconds pid
  local i
  for (( i = 0; i < $2 * 10; i++ )); do
    kill -0 "$3" 2>/dev/null || return 1
    ss -Hlun "sport = :$1" 2>/dev/null | grep -q . && return 0
    sleep 0.1
  done
  return 1
}

start_kamailio() { # port -> server_pid
  mkdir -p "$work/kamailio-run"
  sed -e "s/@PORT@/$1/g" -e "s/@DOMAIN@/$domain/g" -e "s/@NUSERS@/$users/g" -e "s/@CHILDREN@/$children/g" \
      -e "s/@USER_PREFIX@/$user_prefix/g" -e "s/@PASS_PREFIX@/$pass_prefix/g" "$registrar/kamailio.cfg.in" > "$work/kamailio.cfg"
  kamailio -c -f "$work/kamailio.cfg" > "$work/kamailio-check.log" 2>&1 \
    || { cat "$work/kamailio-check.log" >&2; echo "run.sh: kamailio config check failed" >&2; exit 1; }
  kamailio -f "$work/kamailio.cfg" -DD -E -m 512 -M 16 -Y "$work/kamailio-run" -P "$work/kamailio-run/kamailio.pid" \
    > "$work/kamailio.log" 2>&1 &
  server_pid=$!; pids+=("$server_pid")
  wait_udp "$1" 20 "$server_pid" || { tail -20 "$work/kamailio.log" >&2; echo "run.sh: kamailio did not start" >&2; exit 1; }
  sleep 1
  log "kamailio $(kamailio -v 2>/dev/null | head -1 | awk '{print $3}') on 127.0.0.1:$1 ($children UDP workers, in-memory usrloc)"
}

start_parley() { # port tls-port -> server_pid
  local data="$work/parley-data" i
  java -cp "$cp" "$registrar/BulkUsers.java" "$data" "$domain" "$users" "$user_prefix" "$pass_prefix" \
    > "$work/bulk-users.log" 2>&1 || { cat "$work/bulk-users.log" >&2; echo "run.sh: adding Parley users failed" >&2; exit 1; }
  # SIPp 3.6 answers only MD5 challenges offered alone; Kamailio offers MD5 too (like for like).
  echo "auth-algorithms=MD5" >> "$data/server.properties"
  "$root/parley" server --data "$data" --domain "$domain" --bind 127.0.0.1 --sip-port "$1" --tls-port "$2" \
    > "$work/parley.log" 2>&1 &
  server_pid=$!; pids+=("$server_pid")
  for (( i = 0; i < 600; i++ )); do
    grep -q '^parley server ready' "$work/parley.log" && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  grep -q '^parley server ready' "$work/parley.log" \
    || { tail -30 "$work/parley.log" >&2; echo "run.sh: Parley did not print 'parley server ready'" >&2; exit 1; }
  log "parley server-lite on 127.0.0.1:$1 (JVM opts '${PARLEY_JAVA_OPTS:-}')"
}

stop_server() {
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}

# Setup times from SIPp's message trace (-trace_msg: every message with a microsecond timestamp; SIPp's own
# response-time timers count whole milliseconds), per call: 1 = first INVITE sent -> 200 received, 2 = the
# authenticated INVITE sent -> 200 received. Prints "rtd=N count=C p50=.. p90=.. p99=.. max=.." (ms).
percentiles() {
  python3 - "$1" <<'PY'
import sys, re, collections, datetime
calls = collections.defaultdict(dict)
stamp = re.compile(r'^-{20,} (\d{4}-\d\d-\d\d)\s+(\d\d:\d\d:\d\d\.\d+)')
def flush(block):
    if not block: return
    m = stamp.match(block[0])
    if not m: return
    t = datetime.datetime.strptime(m.group(1) + ' ' + m.group(2), '%Y-%m-%d %H:%M:%S.%f').timestamp()
    sent = any('message sent' in l for l in block[1:3])
    body = [l.strip() for l in block[1:]]
    start = next((l for l in body if l.startswith('INVITE ') or l.startswith('SIP/2.0 ')), None)
    cid = next((l.split(':', 1)[1].strip() for l in body if l.lower().startswith('call-id:')), None)
    cseq = next((l.split(':', 1)[1].strip() for l in body if l.lower().startswith('cseq:')), '')
    if not start or not cid: return
    c = calls[cid]
    if sent and start.startswith('INVITE ') and cseq == '1 INVITE': c.setdefault('first', t)
    if sent and start.startswith('INVITE ') and cseq == '2 INVITE': c.setdefault('auth', t)
    if not sent and start.startswith('SIP/2.0 200') and cseq == '2 INVITE': c.setdefault('ok', t)
block = []
with open(sys.argv[1], errors='replace') as f:
    for line in f:
        if stamp.match(line):
            flush(block); block = [line]
        else:
            block.append(line)
flush(block)
times = collections.defaultdict(list)
for c in calls.values():
    if 'ok' in c and 'first' in c: times['1'].append((c['ok'] - c['first']) * 1000)
    if 'ok' in c and 'auth' in c: times['2'].append((c['ok'] - c['auth']) * 1000)
def pct(xs, p):
    xs = sorted(xs); k = max(0, min(len(xs) - 1, int(round(p / 100 * len(xs) + 0.5)) - 1)); return xs[k]
for rtd in sorted(times):
    xs = times[rtd]
    print("rtd=%s count=%d p50=%.2f p90=%.2f p99=%.2f max=%.2f" % (rtd, len(xs), pct(xs, 50), pct(xs, 90), pct(xs, 99), max(xs)))
PY
}

setup_time() { # server-name
  local name="$1" sport tport uas_port tag rc=0
  read -r sport tport uas_port <<<"$(free_ports 3)"
  if [[ "$name" == kamailio ]]; then start_kamailio "$sport"; else start_parley "$sport" "$tport"; fi
  # every user registered once, binding -> the UAS port (REGISTERs are sent from it: Parley routes to the address a
  # binding came from, Kamailio to the Contact; both reach the UAS)
  timeout -k 5 60 sipp "127.0.0.1:$sport" -sf "$registrar/scenarios/register-digest.xml" "${sipp_common[@]}" -inf "$work/register.csv" \
    -key contact_port "$uas_port" -p "$uas_port" -m "$users" -r 100 -recv_timeout 5000 -timeout 50s \
    -trace_err -error_file "$work/$name-register.err" >/dev/null 2>&1 \
    || log "  WARNING: registering the users on $name had failures (see $name-register.err with --keep)"
  mkdir -p "$work/$name"
  # warm-up (JIT, caches): a third of the calls at the same rate, not measured
  for tag in warm measure; do
    local n=$count; [[ "$tag" == warm ]] && n=$(( count / 3 > 10 ? count / 3 : 10 ))
    local cport; read -r cport <<<"$(free_ports 1)"
    timeout -k 5 $(( seconds + 60 )) sipp -sf "$registrar/scenarios/uas-call.xml" -i 127.0.0.1 -p "$uas_port" \
      -buff_size 4194304 -nostdin -m "$n" -timeout $(( seconds + 50 ))s >/dev/null 2>&1 &
    local uas=$!; pids+=("$uas")
    sleep 0.3
    (cd "$work/$name" && timeout -k 5 $(( seconds + 50 )) sipp "127.0.0.1:$sport" \
      -sf "$here/scenarios/uac-setup.xml" "${sipp_common[@]}" -inf "$work/users.csv" -auth_uri "$callee@$domain" -p "$cport" -m "$n" -r "$rate" -recv_timeout 5000 \
      -timeout $(( seconds + 40 ))s -timer_resol 1 -trace_msg -message_file "$tag.msg" -trace_stat -stf "$tag.stat" \
      -trace_err -error_file "$tag.err" >/dev/null 2>&1) || rc=$?
    for _ in $(seq 60); do kill -0 "$uas" 2>/dev/null || break; sleep 0.1; done
    kill -TERM "$uas" 2>/dev/null || true; wait "$uas" 2>/dev/null || true
    if [[ "$tag" == measure ]]; then
      local rtt="$work/$name/$tag.msg"
      [[ -s "$rtt" ]] || { log "  $name: SIPp wrote no message trace"; stop_server; return; }
      local failed; failed=$(awk -F';' 'NR==1 { for (i = 1; i <= NF; i++) if ($i == "FailedCall(C)") c = i; next } { v = $c } END { print v + 0 }' "$work/$name/$tag.stat")
      while read -r line; do
        log "  $name setup $line failed_calls=$failed sipp_exit=$rc"
        local rtd; rtd=$(sed 's/rtd=\([0-9]*\).*/\1/' <<<"$line")
        result[$name-$rtd-p50]=$(sed 's/.*p50=\([0-9.]*\).*/\1/' <<<"$line")
        result[$name-$rtd-p99]=$(sed 's/.*p99=\([0-9.]*\).*/\1/' <<<"$line")
      done < <(percentiles "$rtt")
    fi
  done
  stop_server
}

if want setup; then
  log ""
  log "(1) call setup time: $count calls at $rate/s (UDP, INVITE challenged with 407 on both servers, callee = SIPp UAS"
  log "    answering at once), after a warm-up of a third as many; times in ms"
  for s in $servers; do
    case "$s" in kamailio|parley) setup_time "$s" ;; *) echo "run.sh: --servers takes kamailio and/or parley" >&2; exit 2 ;; esac
  done
fi

# ---- (2) CPU per call and (3) mouth-to-ear latency of the client pipeline ------------------------------------------
media_java=(java -Djava.awt.headless=true -Dorg.jitsi.impl.neomedia.device.PortAudioSystem.disabled=true
  -Dorg.jitsi.impl.neomedia.device.PulseAudioSystem.disabled=true
  -Dnet.java.sip.communicator.SC_HOME_DIR_LOCATION="$work" -Dnet.java.sip.communicator.SC_HOME_DIR_NAME=libjitsi-home
  -Djna.tmpdir="$work/jna" -cp "$cp" "$here/VoiceBench.java")
if want cpu; then
  log ""
  log "(2) client media CPU: $calls loopback calls ($(( 2 * calls )) client sessions), $codec, $media, ${seconds} s window"
  line=$(timeout -k 5 $(( seconds * 2 + 90 )) "${media_java[@]}" cpu "$calls" "$seconds" "$work/media-cpu" "$codec" "$media" 2> "$work/cpu.err" | grep '^cpu ' || true)
  [[ -n "$line" ]] || { tail -20 "$work/cpu.err" >&2; echo "run.sh: the CPU measurement failed" >&2; exit 1; }
  log "  $line"
  result[cpu]=$(sed 's/.*per_session_core=\([0-9.]*\).*/\1/' <<<"$line")
fi
if want latency; then
  log ""
  log "(3) mouth-to-ear latency of the client pipeline, one loopback call, $codec, $media, $bursts bursts"
  line=$(timeout -k 5 $(( bursts + 90 )) "${media_java[@]}" latency "$bursts" "$work/media-latency" "$codec" "$media" 2> "$work/latency.err" | grep '^latency ' || true)
  [[ -n "$line" ]] || { tail -20 "$work/latency.err" >&2; echo "run.sh: the latency measurement failed" >&2; exit 1; }
  log "  $line"
  result[lat-median]=$(sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p' <<<"$line")
  result[lat-max]=$(sed -n 's/.*max_ms=\([0-9.]*\).*/\1/p' <<<"$line")
fi

# ---- summary ----------------------------------------------------------------------------------------------------------
r() { echo "${result[$1]:--}"; }
ratio() { [[ -n "${result[$1]:-}" && -n "${result[$2]:-}" ]] && printf '%.2f' "$(echo "${result[$1]} / ${result[$2]}" | bc -l)" || echo "-"; }
{
  echo ""
  if want setup; then
    echo "| call setup (ms), $rate calls/s, $count calls | Parley p50 | Parley p99 | Kamailio p50 | Kamailio p99 | Parley/Kamailio p50 | p99 |"
    echo "|---|---|---|---|---|---|---|"
    echo "| first INVITE -> 200 (407 challenge included) | $(r parley-1-p50) | $(r parley-1-p99) | $(r kamailio-1-p50) | $(r kamailio-1-p99) | $(ratio parley-1-p50 kamailio-1-p50) | $(ratio parley-1-p99 kamailio-1-p99) |"
    echo "| authenticated INVITE -> 200 | $(r parley-2-p50) | $(r parley-2-p99) | $(r kamailio-2-p50) | $(r kamailio-2-p99) | $(ratio parley-2-p50 kamailio-2-p50) | $(ratio parley-2-p99 kamailio-2-p99) |"
    echo ""
  fi
  want cpu && echo "client media CPU per active call ($codec + $media, encode + decode): $(r cpu) of one core"
  want latency && echo "client pipeline mouth-to-ear latency (loopback, no sound card buffers): median $(r lat-median) ms, max $(r lat-max) ms (G.114 comfort bound: 150 ms)"
  echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$work/run.log"
