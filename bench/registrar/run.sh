#!/usr/bin/env bash
# bench/registrar: REGISTER-with-digest throughput and calls per second through the proxy, at zero failures,
# for Parley server-lite and for Kamailio (in-memory usrloc), same scenarios, same machine, same run.
# See docs/benchmarks.md ("Registrar and proxy"). Only 127.0.0.1; every load is bounded in count and time;
# the servers this script starts are stopped on exit.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

usage() {
  cat <<'USAGE'
Usage: bench/registrar/run.sh [OPTIONS]

  --quick            short smoke run (few users, low rates, 3 s steps): checks that everything works
  --only NAME        run one server only: parley or kamailio
  --users N          benchmark users on each server (default 1000)
  --step SECONDS     how long each rate is held (default 10)
  --children N       Kamailio UDP/TCP worker processes (default 4)
  --profile          Parley: record JFR during the run and take thread dumps mid-step; print hot frames
  --keep             keep the work directory (logs, SIPp statistics, configs)
  -h, --help         this help

Environment: PARLEY_JAVA_OPTS is passed to the Parley JVM.
USAGE
}

quick=0; only=""; users=1000; step=10; children=4; profile=0; keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1 ;;
    --only) only="${2:?--only needs parley or kamailio}"; shift ;;
    --users) users="${2:?}"; shift ;;
    --step) step="${2:?}"; shift ;;
    --children) children="${2:?}"; shift ;;
    --profile) profile=1 ;;
    --keep) keep=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
case "$only" in ""|parley|kamailio) ;; *) echo "run.sh: --only takes parley or kamailio" >&2; exit 2 ;; esac

# ---- sizes of the ramps -------------------------------------------------------------------------------------
# Rates double from the start rate until a step fails (or the cap is reached), then bisect between the last
# passing and the first failing rate. The same ramp is used for both servers.
if (( quick )); then
  users=$(( users < 100 ? users : 100 )); step=3
  reg_start=100; reg_max=400; call_start=20; call_max=80; bisections=0; reg_budget=60; call_budget=60
else
  reg_start=1000; reg_max=64000; call_start=200; call_max=16000; bisections=3; reg_budget=150; call_budget=170
fi
domain="bench.test"; user_prefix="b"; pass_prefix="pw"
call_hold_ms=1000     # matches the pause in scenarios/uac-call.xml

for tool in sipp python3 java; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' not found (Debian: apt-get install -y sip-tester python3 openjdk-17-jdk-headless)" >&2; exit 1; }
done
if [[ "$only" != parley ]]; then
  command -v kamailio >/dev/null || { echo "run.sh: 'kamailio' not found (Debian: apt-get install -y kamailio)" >&2; exit 1; }
fi

work="$(mktemp -d /tmp/parley-bench-registrar.XXXXXX)"
declare -a server_pids=() aux_pids=()
cleanup() {
  local pid
  for pid in "${aux_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${server_pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${server_pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if (( keep )); then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s\n' "$*" | tee -a "$work/run.log"; }
now() { date +%s.%N; }

# Free ports on 127.0.0.1, free for UDP and TCP alike, all distinct.
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

# CPU ticks (user+system, all threads) of a set of processes.
cpu_ticks() {
  local total=0 pid f
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] || continue
    f=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    set -- $f
    total=$(( total + ${12} + ${13} ))
  done
  echo "$total"
}
clk_tck=$(getconf CLK_TCK)

# The processes of the server under test (Kamailio: main process and its workers).
server_procs() {
  if [[ "$cur_server" == kamailio ]]; then
    echo "$cur_pid $(ps -o pid= --ppid "$cur_pid" 2>/dev/null | tr '\n' ' ')"
  else
    echo "$cur_pid"
  fi
}

# Reads named columns from the last line of a SIPp -trace_stat file: prints "name=value" lines.
sipp_stats() {
  awk -F';' 'NR==1 { for (i = 1; i <= NF; i++) col[$i] = i; next } { last = $0 }
    END {
      n = split(last, v, ";")
      split("TotalCallCreated SuccessfulCall(C) FailedCall(C) FailedMaxUDPRetrans(C) FailedUnexpectedMessage(C) FailedTimeoutOnRecv(C) Retransmissions(C) DeadCallMsgs(C) ResponseTime1(C) ResponseTimeRepartition1_>=500", k, " ")
      for (j = 1; j in k; j++) {
        name = k[j]; gsub(/[()>=_]/, "", name); val = (k[j] in col) ? v[col[k[j]]] : ""
        if (name == "ResponseTime1C") {          # HH:MM:SS:microseconds -> milliseconds
          split(val, t, ":"); name = "rt"; val = sprintf("%.1f", t[1] * 3600000 + t[2] * 60000 + t[3] * 1000 + t[4] / 1000)
        }
        if (name == "ResponseTimeRepartition1500") name = "slow500"
        print name "=" val
      }
    }' "$1"
}

# ---- users --------------------------------------------------------------------------------------------------
# One injection file for both servers: user;password;[authentication ...];callee. Every user is registered at the
# UAS. One callee for all calls: Parley checks that the digest uri names the Request-URI (SIPp would put its remote
# address there), and SIPp's -auth_uri (given to the call steps only) is one value.
callee="${user_prefix}00000"
{
  echo SEQUENTIAL
  for (( i = 0; i < users; i++ )); do
    printf -v d '%05d' "$i"
    echo "${user_prefix}$d;${pass_prefix}$d;[authentication username=${user_prefix}$d password=${pass_prefix}$d];$callee"
  done
} > "$work/users.csv"

sipp_common=(-i 127.0.0.1 -buff_size 4194304 -nostdin -key domain "$domain" -inf "$work/users.csv"
             -max_log_size 1000000)

# ---- one step: hold RATE for $step seconds --------------------------------------------------------------------
# Pass: every call (REGISTER transaction pair, or full call) succeeded, none failed or timed out, no response
# took 500 ms or more (so no SIP retransmission timer fired on the server's account), and the whole count
# completed within the step plus a short grace (the rate was sustained, not merely queued).
step_result=""
run_step() {
  local kind="$1" rate="$2" count=$(( $2 * step )) tag="$cur_server-$1-$2" limit grace
  local uas_pid="" t0 t1 wall c0 c1 rc=0 pass=1 why=""
  local stats="$work/$tag.stat" err="$work/$tag.err"
  rm -f "$stats" "$work/$tag-uas.stat" "$err"
  # REGISTERs are sent from the UAS's port: Parley routes to the address a binding was registered from
  # (NAT-friendly), Kamailio to the Contact; both then reach the UAS. The UAS is not running meanwhile.
  cport=$uas_port
  if [[ "$kind" == reg ]]; then
    limit=$(( rate * 5 + 100 )); grace=3
  else
    read -r cport <<<"$(free_ports 1)"
    limit=$(( rate * (call_hold_ms / 1000 + 6) + 100 )); grace=$(( call_hold_ms / 1000 + 4 ))
    timeout -k 5 $(( step + 60 )) sipp -sf "$here/scenarios/uas-call.xml" -i 127.0.0.1 -p "$uas_port" \
      -buff_size 4194304 -nostdin -m "$count" -timeout $(( step + 50 ))s \
      -trace_stat -stf "$work/$tag-uas.stat" >/dev/null 2>&1 &
    uas_pid=$!; aux_pids+=("$uas_pid")
    sleep 0.3
  fi
  if (( profile )) && [[ "$cur_server" == parley ]]; then
    ( sleep $(( step / 2 + 1 )); jcmd "$cur_pid" Thread.print > "$work/threads-$tag.txt" 2>/dev/null || true ) &
    aux_pids+=("$!")
  fi
  local scenario="$here/scenarios/register-digest.xml" auth=()
  [[ "$kind" == call ]] && scenario="$here/scenarios/uac-call.xml" && auth=(-auth_uri "$callee@$domain")
  c0=$(cpu_ticks $(server_procs))
  t0=$(now)
  local TIMEFORMAT='%U %S'
  { time timeout -k 5 $(( step + 45 )) sipp "127.0.0.1:$cur_port" -sf "$scenario" "${sipp_common[@]}" "${auth[@]}" \
      -key contact_port "$uas_port" -p "$cport" -m "$count" -r "$rate" -rp 1000 -l "$limit" \
      -recv_timeout 5000 -timeout $(( step + 40 ))s -trace_stat -stf "$stats" -trace_err -error_file "$err" \
      >/dev/null 2>&1 || rc=$?; } 2> "$work/$tag.time"
  t1=$(now)
  c1=$(cpu_ticks $(server_procs))
  wall=$(echo "$t1 - $t0" | bc -l)
  read -r su ss < "$work/$tag.time" || { su=0; ss=0; }

  local -A s=()
  if [[ -s "$stats" ]]; then
    while IFS='=' read -r k v; do s[$k]="$v"; done < <(sipp_stats "$stats")
  fi
  local ok="${s[SuccessfulCallC]:-0}" failed="${s[FailedCallC]:-?}"
  [[ "$rc" == 0 ]] || { pass=0; why+=" sipp-exit=$rc"; }
  [[ "$ok" == "$count" ]] || { pass=0; why+=" incomplete"; }
  [[ "$failed" == 0 ]] || pass=0
  [[ "${s[slow500]:-0}" == 0 ]] || { pass=0; why+=" slow"; }
  if (( $(echo "$wall > $step + $grace" | bc -l) )); then pass=0; why+=" too-slow(${wall%.*}s)"; fi

  local uas_note=""
  if [[ -n "$uas_pid" ]]; then
    # The UAS ends once it has seen every call (plus its 2 s timewait); after a failed step it may wait forever.
    for _ in $(seq 60); do kill -0 "$uas_pid" 2>/dev/null || break; sleep 0.1; done
    kill -TERM "$uas_pid" 2>/dev/null || true
    wait "$uas_pid" 2>/dev/null || true
    local -A u=()
    if [[ -s "$work/$tag-uas.stat" ]]; then
      while IFS='=' read -r k v; do u[$k]="$v"; done < <(sipp_stats "$work/$tag-uas.stat")
    fi
    [[ "${u[SuccessfulCallC]:-0}" == "$count" && "${u[FailedCallC]:-1}" == 0 ]] || { pass=0; why+=" uas(ok=${u[SuccessfulCallC]:-?},failed=${u[FailedCallC]:-?})"; }
    uas_note=" uas_retrans=${u[RetransmissionsC]:-?}"
  fi

  local srv_cpu sipp_cpu
  srv_cpu=$(echo "($c1 - $c0) * 100 / $clk_tck / $wall" | bc)
  sipp_cpu=$(echo "($su + $ss) * 100 / $wall" | bc)
  step_result=$(printf '%-8s %-4s %6d/s  ok=%d/%d failed=%s timeouts=%s unexpected=%s retrans=%s%s >=500ms=%s avg_rt=%sms wall=%.1fs cpu:server=%s%% sipp=%s%%  %s%s' \
    "$cur_server" "$kind" "$rate" "$ok" "$count" "$failed" "${s[FailedTimeoutOnRecvC]:-?}" \
    "${s[FailedUnexpectedMessageC]:-?}" "${s[RetransmissionsC]:-?}" "$uas_note" "${s[slow500]:-?}" "${s[rt]:-?}" \
    "$wall" "$srv_cpu" "$sipp_cpu" "$( ((pass)) && echo PASS || echo FAIL)" "$why")
  log "  $step_result"
  echo "$step_result" >> "$work/steps.txt"
  (( pass )) && rm -f "$err"
  (( pass ))
}

# After an overload the server may still be working off a backlog (retransmissions, transaction timers);
# the next step starts only when it has been nearly idle (< 15% of a core) for 2 s in a row, or after 60 s.
wait_idle() {
  local i quiet=0 c0 c1 t0=$SECONDS
  for (( i = 0; i < 60; i++ )); do
    c0=$(cpu_ticks $(server_procs)); command sleep 1; c1=$(cpu_ticks $(server_procs))
    if (( (c1 - c0) * 100 < 15 * clk_tck )); then quiet=$(( quiet + 1 )); else quiet=0; fi
    (( quiet >= 2 )) && break
  done
  (( SECONDS - t0 > 3 )) && log "    (waited $(( SECONDS - t0 )) s for $cur_server to become idle)"
  return 0
}

nice_rate() { # rounds to 2 significant digits
  local r=$1 m=1
  while (( r >= 100 )); do r=$(( (r + 5) / 10 )); m=$(( m * 10 )); done
  echo $(( r * m ))
}

# Ramp KIND START MAX BUDGET (no step starts after BUDGET seconds): sets ramp_best (0 when even the lowest rate failed) and ramp_note.
ramp_best=0; ramp_note=""
ramp() {
  local kind="$1" start="$2" max="$3" r pass_r=0 fail_r=0 b mid
  local deadline=$(( $(date +%s) + $4 ))   # no new step starts after this
  ramp_note=""
  r=$start
  while :; do
    if (( $(date +%s) > deadline )); then ramp_note="time budget reached"; break; fi
    if run_step "$kind" "$r"; then
      pass_r=$r; wait_idle
      if (( r >= max )); then ramp_note="cap reached"; break; fi
      r=$(( r * 2 > max ? max : r * 2 ))
    else
      fail_r=$r; wait_idle; break
    fi
  done
  # even the start rate failed: halve (at most 4 times) until a rate passes
  if (( pass_r == 0 && fail_r > 0 )); then
    r=$(( fail_r / 2 ))
    for _ in 1 2 3 4; do
      (( r >= 1 )) || break
      if run_step "$kind" "$r"; then pass_r=$r; wait_idle; break; else fail_r=$r; wait_idle; r=$(( r / 2 )); fi
    done
  fi
  # bisect between the last passing and the first failing rate
  if (( pass_r > 0 && fail_r > 0 )); then
    for (( b = 0; b < bisections; b++ )); do
      (( $(date +%s) <= deadline )) || { ramp_note="time budget reached"; break; }
      mid=$(nice_rate $(( (pass_r + fail_r) / 2 )))
      (( mid > pass_r && mid < fail_r )) || break
      if run_step "$kind" "$mid"; then pass_r=$mid; wait_idle; else fail_r=$mid; wait_idle; fi
    done
  fi
  ramp_best=$pass_r
  (( fail_r > 0 )) && ramp_note="${ramp_note:+$ramp_note; }first failing rate $fail_r/s"
  return 0
}

# Registers every user once at a modest rate (binding -> the UAS port) and warms the server up.
seed_registrations() {
  local rate=$(( users < 200 ? users : 200 )) cport=$uas_port
  if ! timeout -k 5 $(( users / rate + 40 )) sipp "127.0.0.1:$cur_port" -sf "$here/scenarios/register-digest.xml" \
      "${sipp_common[@]}" -key contact_port "$uas_port" -p "$cport" -m "$users" -r "$rate" -recv_timeout 5000 \
      -timeout $(( users / rate + 30 ))s -trace_stat -stf "$work/$cur_server-seed.stat" >/dev/null 2>&1; then
    log "  WARNING: seeding registrations on $cur_server had failures ($(sipp_stats "$work/$cur_server-seed.stat" | tr '\n' ' '))"
    return 1
  fi
  log "  seeded $users registrations on $cur_server"
}

wait_listening() { # port seconds
  local i
  for (( i = 0; i < $2 * 10; i++ )); do
    kill -0 "$cur_pid" 2>/dev/null || return 1
    ss -Hlun "sport = :$1" 2>/dev/null | grep -q . && return 0
    sleep 0.1
  done
  return 1
}

# ---- servers ---------------------------------------------------------------------------------------------------
start_kamailio() {
  local port="$1"
  mkdir -p "$work/kamailio-run"
  sed -e "s/@PORT@/$port/g" -e "s/@DOMAIN@/$domain/g" -e "s/@NUSERS@/$users/g" -e "s/@CHILDREN@/$children/g" \
      -e "s/@USER_PREFIX@/$user_prefix/g" -e "s/@PASS_PREFIX@/$pass_prefix/g" "$here/kamailio.cfg.in" > "$work/kamailio.cfg"
  kamailio -c -f "$work/kamailio.cfg" > "$work/kamailio-check.log" 2>&1 \
    || { cat "$work/kamailio-check.log" >&2; echo "run.sh: kamailio config check failed" >&2; exit 1; }
  kamailio -f "$work/kamailio.cfg" -DD -E -m 1024 -M 16 -Y "$work/kamailio-run" -P "$work/kamailio-run/kamailio.pid" \
    > "$work/kamailio.log" 2>&1 &
  cur_pid=$!; server_pids+=("$cur_pid"); cur_server=kamailio; cur_port=$port
  wait_listening "$port" 20 || { tail -20 "$work/kamailio.log" >&2; echo "run.sh: kamailio did not start" >&2; exit 1; }
  sleep 1
  log "kamailio $(kamailio -v 2>/dev/null | head -1 | awk '{print $3}') on 127.0.0.1:$port (pid $cur_pid, $children UDP workers, in-memory usrloc, $users users)"
}

parley_jar() {
  ls "$root"/server-lite/target/parley-server-lite-*.jar 2>/dev/null | grep -v -e '-tests.jar' -e '-sources.jar' | head -n 1 || true
}

build_parley() {
  local jar; jar=$(parley_jar)
  if [[ -z "$jar" || ! -d "$root/server-lite/target/lib" ]] \
     || [[ -n "$(find "$root/server-lite/src/main" "$root/core/src/main" "$root/server-lite/pom.xml" "$root/core/pom.xml" -newer "$jar" -type f 2>/dev/null | head -1)" ]]; then
    log "building Parley server-lite (./mvnw -q -DskipTests -pl server-lite -am install)..."
    (cd "$root" && ./mvnw -q -B -DskipTests -pl server-lite -am install) > "$work/build.log" 2>&1 \
      || { tail -40 "$work/build.log" >&2; echo "run.sh: Parley build failed" >&2; exit 1; }
  fi
  parley_cp="$(parley_jar):$root/server-lite/target/lib/*"
}

start_parley() {
  local port="$1" tls="$2" data="$work/parley-data" t0
  build_parley
  t0=$(now)
  java -cp "$parley_cp" "$here/BulkUsers.java" "$data" "$domain" "$users" "$user_prefix" "$pass_prefix" \
    > "$work/bulk-users.log" 2>&1 || { cat "$work/bulk-users.log" >&2; echo "run.sh: adding Parley users failed" >&2; exit 1; }
  log "  $(tail -1 "$work/bulk-users.log") (one JVM; $(printf '%.1f' "$(echo "$(now) - $t0" | bc -l)") s with JVM start)"
  # SIPp 3.6 answers only MD5 challenges offered alone; Kamailio offers MD5 too (like for like).
  echo "auth-algorithms=MD5" >> "$data/server.properties"
  local opts="${PARLEY_JAVA_OPTS:-}"
  (( profile )) && opts+=" -XX:StartFlightRecording=filename=$work/parley.jfr,settings=profile,dumponexit=true"
  PARLEY_JAVA_OPTS="$opts" "$root/parley" server --data "$data" --domain "$domain" --bind 127.0.0.1 \
    --sip-port "$port" --tls-port "$tls" > "$work/parley.log" 2>&1 &
  cur_pid=$!; server_pids+=("$cur_pid"); cur_server=parley; cur_port=$port
  local i
  for (( i = 0; i < 600; i++ )); do
    grep -q '^parley server ready' "$work/parley.log" && break
    kill -0 "$cur_pid" 2>/dev/null || break
    sleep 0.1
  done
  grep -q '^parley server ready' "$work/parley.log" \
    || { tail -30 "$work/parley.log" >&2; echo "run.sh: Parley did not print 'parley server ready'" >&2; exit 1; }
  log "parley server-lite on 127.0.0.1:$port (pid $cur_pid, JVM opts '${opts# }', $users users)"
}

stop_current() {
  kill -TERM "$cur_pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$cur_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$cur_pid" 2>/dev/null || true
  wait "$cur_pid" 2>/dev/null || true
}

declare -A best=() notes=()
bench_server() {
  local name="$1"
  read -r sport tport uas_port <<<"$(free_ports 3)"
  if [[ "$name" == kamailio ]]; then start_kamailio "$sport"; else start_parley "$sport" "$tport"; fi
  seed_registrations || true
  log " REGISTER with digest (401 -> REGISTER + Authorization -> 200), UDP, $users users:"
  ramp reg "$reg_start" "$reg_max" "$reg_budget"; best[$name-reg]=$ramp_best; notes[$name-reg]=$ramp_note
  seed_registrations || true
  log " calls through the proxy (INVITE -> 407 -> ACK -> INVITE + credentials -> 180/200 -> ACK, 1 s, BYE), UDP:"
  ramp call "$call_start" "$call_max" "$call_budget"; best[$name-call]=$ramp_best; notes[$name-call]=$ramp_note
  if (( profile )) && [[ "$name" == parley ]]; then jcmd "$cur_pid" JFR.dump filename="$work/parley.jfr" >/dev/null 2>&1 || true; fi
  stop_current
}

# ---- run ------------------------------------------------------------------------------------------------------------
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "bench/registrar $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
log "  load average before: $load_before; $(sipp -v 2>/dev/null | grep -o 'SIPp v[^ ,-]*' | head -1); $(java -version 2>&1 | head -1)"
log "  $users users, steps of ${step} s, REGISTER from ${reg_start}/s, calls from ${call_start}/s, doubling then $bisections bisections"
log "  per step, cpu: server = the server's processes, sipp = the sending SIPp (100% = one core)"
if (( quick )); then log "  (--quick: smoke run, the figures mean nothing)"; fi
(( $(echo "${load_before%% *} > 1.0" | bc -l) )) && log "  WARNING: load average above 1.0: other work shares the CPU, figures will be low"

servers=(kamailio parley)
[[ -n "$only" ]] && servers=("$only")
for s in "${servers[@]}"; do
  log ""
  bench_server "$s"
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
ratio() { [[ -n "${1:-}" && -n "${2:-}" && "${2:-0}" != 0 ]] && printf '%.2f' "$(echo "$1 / $2" | bc -l)" || echo "-"; }
val() { echo "${best[$1]:--}"; }
{
  echo ""
  echo "Highest rate with 0 failed calls, 0 timeouts, no response >= 500 ms, sustained for ${step} s (UDP, $users users, 127.0.0.1):"
  echo ""
  echo "| measure | Parley | Kamailio | Parley/Kamailio |"
  echo "|---|---|---|---|"
  echo "| REGISTER with digest per second | $(val parley-reg) | $(val kamailio-reg) | $(ratio "${best[parley-reg]:-}" "${best[kamailio-reg]:-}") |"
  echo "| calls per second through the proxy (INVITE challenged, 1 s call) | $(val parley-call) | $(val kamailio-call) | $(ratio "${best[parley-call]:-}" "${best[kamailio-call]:-}") |"
  echo ""
  for k in kamailio-reg kamailio-call parley-reg parley-call; do
    [[ -n "${notes[$k]:-}" ]] && echo "  $k: ${notes[$k]}"
  done
  echo "  load average before: $load_before, after: $load_after"
} | tee -a "$work/run.log"

if (( profile )) && [[ -s "$work/parley.jfr" ]]; then
  log ""
  log "Parley hot frames (JFR execution samples over the whole run; top frame, then first org.parley frame):"
  jfr print --events jdk.ExecutionSample "$work/parley.jfr" > "$work/parley-samples.txt" 2>/dev/null || true
  awk '/stackTrace = \[/ { top = 1; par = 1; next }
       top { f = $1; sub(/\(.*/, "", f); tops[f]++; top = 0; n++ }
       par && /org\.parley\./ { f = $1; sub(/\(.*/, "", f); pars[f]++; par = 0 }
       /^\]/ || /^  \]/ { par = 0 }
       END {
         for (f in tops) printf "top %6d %5.1f%% %s\n", tops[f], 100 * tops[f] / n, f
         for (f in pars) printf "parley %6d %5.1f%% %s\n", pars[f], 100 * pars[f] / n, f
       }' "$work/parley-samples.txt" | sort -k1,1 -k2,2nr | awk '{ c[$1]++; if (c[$1] <= 15) print "  " $0 }' | tee -a "$work/run.log"
  for t in "$work"/threads-parley-*.txt; do
    [[ -s "$t" ]] || continue
    log "  thread dump $(basename "$t"): $(grep -c '^"' "$t") threads, RUNNABLE $(grep -c 'State: RUNNABLE' "$t"), BLOCKED $(grep -c 'State: BLOCKED' "$t"), WAITING $(grep -c 'State: WAITING' "$t"), TIMED_WAITING $(grep -c 'State: TIMED_WAITING' "$t")"
  done
  keep=1
fi
