#!/usr/bin/env bash
# bench/presence: publish-to-every-watcher NOTIFY latency (resource-list subscriptions, and direct subscriptions)
# and IM relay throughput at zero loss, for Parley server-lite and for Kamailio (presence, presence_xml, pua, rls
# on a private PostgreSQL), same users, same machine, same run. See docs/benchmarks.md ("Presence and IM").
# Only 127.0.0.1; every load is bounded in count and time; what this script starts is stopped on exit.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

usage() {
  cat <<'USAGE'
Usage: bench/presence/run.sh [OPTIONS]

  --quick            smoke run, under a minute (40 watchers x 10 contacts, 2 rounds, two 2-s IM steps)
  --only NAME        run one server only: parley or kamailio
  --watchers N       signed-in watchers (default 1000)
  --contacts K       contacts per watcher, the publisher among them (default 100)
  --rounds R         measured state changes (default 5; plus one warm-up)
  --im-users N       IM users: N/2 senders, N/2 recipients online (default 1000)
  --step SECONDS     how long each IM rate is held (default 10)
  --children N       Kamailio UDP/TCP worker processes (default 4)
  --waitn SECONDS    Kamailio rls waitn_time, the longest an RLS NOTIFY is held back (default 1, its minimum)
  --subscribe-rate N resource-list subscriptions started per second at sign-in (default 10; direct ones: 100)
  --no-im            presence only
  --no-presence      IM only
  --keep             keep the work directory (logs, SIPp statistics, configs)
  -h, --help         this help

Environment: PARLEY_JAVA_OPTS is passed to the Parley JVM.
USAGE
}

subscribe_rate=10; quick=0; only=""; watchers=1000; contacts=100; rounds=5; im_users=1000; step=10; children=4; waitn=1
do_im=1; do_presence=1; keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1 ;;
    --only) only="${2:?--only needs parley or kamailio}"; shift ;;
    --watchers) watchers="${2:?}"; shift ;;
    --contacts) contacts="${2:?}"; shift ;;
    --rounds) rounds="${2:?}"; shift ;;
    --im-users) im_users="${2:?}"; shift ;;
    --step) step="${2:?}"; shift ;;
    --children) children="${2:?}"; shift ;;
    --waitn) waitn="${2:?}"; shift ;;
    --subscribe-rate) subscribe_rate="${2:?}"; shift ;;
    --no-im) do_im=0 ;;
    --no-presence) do_presence=0 ;;
    --keep) keep=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
case "$only" in ""|parley|kamailio) ;; *) echo "run.sh: --only takes parley or kamailio" >&2; exit 2 ;; esac

if (( quick )); then
  watchers=40; contacts=10; rounds=2; im_users=100; step=2
  im_start=200; im_max=400; bisections=0; im_budget=20; settle_max=30; round_timeout=8; quiet_ms=1000
else
  im_start=500; im_max=32000; bisections=3; im_budget=170; settle_max=240; round_timeout=20; quiet_ms=3000
fi
(( contacts <= watchers )) || { echo "run.sh: --contacts must not exceed --watchers" >&2; exit 2; }
# The publisher is the user after the last watcher (same prefix: one bulk-add call fewer).
domain="bench.test"; w_prefix="w"; m_prefix="m"; pass_prefix="pw"
printf -v publisher '%s%05d' "$w_prefix" "$watchers"; printf -v publisher_pass '%s%05d' "$pass_prefix" "$watchers"

for tool in python3 java bc; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' not found (Debian: apt-get install -y python3 openjdk-17-jdk-headless bc)" >&2; exit 1; }
done
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ "$only" != parley ]]; then
  command -v kamailio >/dev/null || { echo "run.sh: 'kamailio' not found (Debian: apt-get install -y kamailio)" >&2; exit 1; }
  for m in presence presence_xml pua rls db_postgres; do
    ls /usr/lib/*/kamailio/modules/$m.so >/dev/null 2>&1 \
      || { echo "run.sh: Kamailio module $m missing (Debian: apt-get install -y kamailio-presence-modules kamailio-postgres-modules)" >&2; exit 1; }
  done
  [[ -n "$pg_bin" && -x "$pg_bin/initdb" ]] || { echo "run.sh: PostgreSQL server not found (Debian: apt-get install -y postgresql)" >&2; exit 1; }
  command -v psql >/dev/null || { echo "run.sh: psql not found (Debian: apt-get install -y postgresql-client)" >&2; exit 1; }
fi

work="$(mktemp -d /tmp/parley-bench-presence.XXXXXX)"
declare -a server_pids=() aux_pids=()
pg_data=""
cleanup() {
  local pid
  for pid in "${aux_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${server_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${server_pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  [[ -n "$pg_data" ]] && as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  if (( keep )); then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s\n' "$*" | tee -a "$work/run.log"; }
now() { date +%s.%N; }

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
server_procs() {
  if [[ "$cur_server" == kamailio ]]; then
    echo "$cur_pid $(ps -o pid= --ppid "$cur_pid" 2>/dev/null | tr '\n' ' ')"
  else
    echo "$cur_pid"
  fi
}

# The load driver, compiled once (a single-file program; `java PresenceLoad.java` works too).
mkdir -p "$work/driver"
javac -d "$work/driver" --release 17 "$here/PresenceLoad.java" 2> "$work/driver/javac.log" \
  || { cat "$work/driver/javac.log" >&2; echo "run.sh: compiling PresenceLoad.java failed" >&2; exit 1; }

# ---- presence: the Java driver -----------------------------------------------------------------------------------
declare -A result=()
presence_run() { # MODE (list|direct)
  local mode="$1" out="$work/$cur_server-presence-$1.log" extra=() limit
  local rate=$subscribe_rate
  # Kamailio's RLS turns each list subscription into 100 back-end subscriptions through its own SIP stack and
  # PostgreSQL; at 100 lists/s it fell behind and lost some (docs/benchmarks.md); the same pacing for both servers
  [[ "$mode" == direct ]] && { extra+=(--direct); rate=100; }
  [[ "$mode" == list && "$cur_server" == parley ]] && extra+=(--seed-contacts)
  limit=$(( settle_max + watchers / rate + (rounds + 1) * (round_timeout + 12) + 600 ))
  log " presence, $mode: $watchers watchers$([[ $mode == list ]] && echo " x $contacts contacts (resource list sip:wNNNNN~contacts@$domain)" || echo " each subscribed to the publisher alone"), $rounds rounds"
  local c0 c1 t0 t1 rc=0
  c0=$(cpu_ticks $(server_procs)); t0=$(now)
  timeout -k 5 "$limit" java -Xss512k -cp "$work/driver" PresenceLoad --server "127.0.0.1:$cur_port" --domain "$domain" \
    --quiet-ms "$quiet_ms" --subscribe-rate "$rate" --watchers "$watchers" --contacts "$contacts" --rounds "$rounds" --publisher "$publisher" \
    --publisher-password "$publisher_pass" --watcher-prefix "$w_prefix" --pass-prefix "$pass_prefix" \
    --settle-max "$settle_max" --round-timeout "$round_timeout" "${extra[@]}" > "$out" 2>&1 &
  aux_pids+=("$!"); wait "$!" || rc=$?
  t1=$(now); c1=$(cpu_ticks $(server_procs))
  sed 's/^/    /' "$out" | grep -v '^    RESULT' | tee -a "$work/run.log"
  local line; line=$(grep '^RESULT' "$out" | tail -1 || true)
  log "    server CPU over the whole driver run: $(echo "($c1 - $c0) * 100 / $clk_tck / ($t1 - $t0)" | bc)% of one core, $(printf '%.0f' "$(echo "$t1 - $t0" | bc -l)") s; driver exit $rc"
  if [[ -n "$line" ]]; then
    local p50 p99 miss
    p50=$(sed -n 's/.* p50_ms=\([^ ]*\).*/\1/p' <<<"$line"); p99=$(sed -n 's/.* p99_ms=\([^ ]*\).*/\1/p' <<<"$line")
    miss=$(sed -n 's/.* missing=\([^ ]*\).*/\1/p' <<<"$line")
    result[$cur_server-$mode-p50]=$p50; result[$cur_server-$mode-p99]=$p99; result[$cur_server-$mode-missing]=$miss
  fi
}

# ---- IM: the same driver, --im-users ------------------------------------------------------------------------------
im_run() {
  local out="$work/$cur_server-im.log" c0 c1 t0 t1 rc=0
  log " IM relay (MESSAGE with the sender's credentials -> relayed to the online recipient -> 200), TCP, $im_users users,"
  log "   steps of $step s from $im_start/s, doubling, then $bisections bisections:"
  c0=$(cpu_ticks $(server_procs)); t0=$(now)
  timeout -k 5 $(( im_budget + 6 * (step + 15) + 300 )) java -Xss512k -cp "$work/driver" PresenceLoad \
    --quiet-ms "$quiet_ms" --server "127.0.0.1:$cur_port" --domain "$domain" --pass-prefix "$pass_prefix" --im-users "$im_users" \
    --im-prefix "$m_prefix" --im-start "$im_start" --im-max "$im_max" --im-step "$step" \
    --im-bisections "$bisections" --im-budget "$im_budget" > "$out" 2>&1 &
  aux_pids+=("$!"); wait "$!" || rc=$?
  t1=$(now); c1=$(cpu_ticks $(server_procs))
  sed 's/^/  /' "$out" | grep -v '^  RESULT' | tee -a "$work/run.log"
  log "    server CPU over the whole IM run: $(echo "($c1 - $c0) * 100 / $clk_tck / ($t1 - $t0)" | bc)% of one core, $(printf '%.0f' "$(echo "$t1 - $t0" | bc -l)") s; driver exit $rc"
  local line; line=$(grep '^RESULT' "$out" | tail -1 || true)
  if [[ -n "$line" ]]; then
    result[$cur_server-im]=$(sed -n 's/.* im_best=\([^ ]*\).*/\1/p' <<<"$line")
    local f; f=$(sed -n 's/.* im_first_fail=\([^ ]*\).*/\1/p' <<<"$line")
    [[ "$f" != 0 ]] && result[$cur_server-im-fail]=$f
  fi
  return 0
}

# ---- servers -------------------------------------------------------------------------------------------------------
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() { # PORT: a private PostgreSQL for Kamailio's presence tables (fsync off: a scratch database)
  local port="$1"
  pg_data="$work/pg/data"
  mkdir -p "$work/pg"
  if [[ $(id -u) == 0 ]]; then chown postgres "$work/pg"; chmod 711 "$work"; fi
  as_pg "$pg_bin/initdb" -D "$pg_data" -A trust -U kamailio --no-sync -E UTF8 > "$work/pg-initdb.log" 2>&1 \
    || { cat "$work/pg-initdb.log" >&2; echo "run.sh: initdb failed" >&2; exit 1; }
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/postgres.log" -w -t 30 start \
    -o "-k $work/pg -h 127.0.0.1 -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    > "$work/pg-start.log" 2>&1 || { cat "$work/pg-start.log" "$work/pg/postgres.log" >&2; echo "run.sh: PostgreSQL did not start" >&2; exit 1; }
  local psql=(psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U kamailio)
  "${psql[@]}" -d postgres -c "CREATE DATABASE kamailio" > /dev/null
  for f in standard presence rls; do "${psql[@]}" -d kamailio -f "/usr/share/kamailio/postgres/$f-create.sql" > /dev/null; done
  python3 "$here/kamailio-lists.py" "$domain" "$w_prefix" "$watchers" "$contacts" "$publisher" | "${psql[@]}" -d kamailio > /dev/null
  log "  PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (fsync off); $watchers rls-services documents of $contacts entries in its xcap table"
}

start_kamailio() {
  local port="$1" pgport="$2"
  start_postgres "$pgport"
  mkdir -p "$work/kamailio-run"
  sed -e "s/@PORT@/$port/g" -e "s/@DOMAIN@/$domain/g" -e "s/@NWATCHERS@/$watchers/g" -e "s/@NIM@/$im_users/g" \
      -e "s/@CHILDREN@/$children/g" -e "s/@W_PREFIX@/$w_prefix/g" -e "s/@M_PREFIX@/$m_prefix/g" \
      -e "s/@PASS_PREFIX@/$pass_prefix/g" -e "s/@PUBLISHER@/$publisher/g" -e "s/@PUBLISHER_PASS@/$publisher_pass/g" \
      -e "s#@DBURL@#postgres://kamailio@127.0.0.1:$pgport/kamailio#g" -e "s/@WAITN@/$waitn/g" \
      -e "s/@NOTIFIERS@/2/g" -e "s/@POLLRATE@/20/g" "$here/kamailio.cfg.in" > "$work/kamailio.cfg"
  kamailio -c -f "$work/kamailio.cfg" > "$work/kamailio-check.log" 2>&1 \
    || { cat "$work/kamailio-check.log" >&2; echo "run.sh: kamailio config check failed" >&2; exit 1; }
  kamailio -f "$work/kamailio.cfg" -DD -E -m 4096 -M 64 -Y "$work/kamailio-run" -P "$work/kamailio-run/kamailio.pid" \
    > "$work/kamailio.log" 2>&1 &
  cur_pid=$!; server_pids+=("$cur_pid"); cur_server=kamailio; cur_port=$port
  local i
  for (( i = 0; i < 200; i++ )); do
    kill -0 "$cur_pid" 2>/dev/null || break
    ss -Hltn "sport = :$port" 2>/dev/null | grep -q . && break
    sleep 0.1
  done
  ss -Hltn "sport = :$port" 2>/dev/null | grep -q . || { tail -20 "$work/kamailio.log" >&2; echo "run.sh: kamailio did not start" >&2; exit 1; }
  sleep 1
  log "kamailio $(kamailio -v 2>/dev/null | head -1 | awk '{print $3}') on 127.0.0.1:$port (pid $cur_pid, $children UDP + $children TCP workers, rls db_mode 2 with 2 notifier processes, waitn_time $waitn s)"
}

parley_jar() {
  ls "$root"/server-lite/target/parley-server-lite-*.jar 2>/dev/null | grep -v -e '-tests.jar' -e '-sources.jar' | head -n 1 || true
}

start_parley() {
  local port="$1" tls="$2" data="$work/parley-data" jar t0
  jar=$(parley_jar)
  if [[ -z "$jar" || ! -d "$root/server-lite/target/lib" ]] \
     || [[ -n "$(find "$root/server-lite/src/main" "$root/core/src/main" "$root/server-lite/pom.xml" "$root/core/pom.xml" -newer "$jar" -type f 2>/dev/null | head -1)" ]]; then
    log "building Parley server-lite (./mvnw -q -DskipTests -pl server-lite -am install)..."
    (cd "$root" && ./mvnw -q -B -DskipTests -pl server-lite -am install) > "$work/build.log" 2>&1 \
      || { tail -40 "$work/build.log" >&2; echo "run.sh: Parley build failed" >&2; exit 1; }
  fi
  local cp; cp="$(parley_jar):$root/server-lite/target/lib/*"
  t0=$(now)
  for set in "$w_prefix $(( watchers + 1 ))" "$m_prefix $im_users"; do
    read -r prefix n <<<"$set"
    java -cp "$cp" "$root/bench/registrar/BulkUsers.java" "$data" "$domain" "$n" "$prefix" "$pass_prefix" \
      >> "$work/bulk-users.log" 2>&1 || { cat "$work/bulk-users.log" >&2; echo "run.sh: adding Parley users failed" >&2; exit 1; }
  done
  log "  added $watchers watchers, $im_users IM users and the publisher ($(printf '%.1f' "$(echo "$(now) - $t0" | bc -l)") s)"
  # SIPp 3.6 answers only MD5 challenges offered alone; Kamailio offers MD5 too (like for like).
  echo "auth-algorithms=MD5" >> "$data/server.properties"
  PARLEY_JAVA_OPTS="${PARLEY_JAVA_OPTS:-}" "$root/parley" server --data "$data" --domain "$domain" --bind 127.0.0.1 \
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
  log "parley server-lite on 127.0.0.1:$port (pid $cur_pid, JVM opts '${PARLEY_JAVA_OPTS:-}')"
}

stop_current() {
  kill -TERM "$cur_pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$cur_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$cur_pid" 2>/dev/null || true
  wait "$cur_pid" 2>/dev/null || true
  if [[ "$cur_server" == kamailio && -n "$pg_data" ]]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true
    pg_data=""
  fi
}

bench_server() {
  local name="$1" sport tport pgport
  read -r sport tport pgport <<<"$(free_ports 3)"
  if [[ "$name" == kamailio ]]; then start_kamailio "$sport" "$pgport"; else start_parley "$sport" "$tport"; fi
  if (( do_presence )); then
    presence_run list
    presence_run direct
  fi
  if (( do_im )); then
    im_run
  fi
  stop_current
}

# ---- run -------------------------------------------------------------------------------------------------------------
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "bench/presence $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
log "  load average before: $load_before; $(java -version 2>&1 | head -1)"
log "  presence: $watchers watchers x $contacts contacts, $rounds rounds; IM: $im_users users, steps of ${step} s from ${im_start}/s"
(( quick )) && log "  (--quick: smoke run, the figures mean nothing)"
(( $(echo "${load_before%% *} > 1.0" | bc -l) )) && log "  WARNING: load average above 1.0: other work shares the CPU, figures will be low"

servers=(kamailio parley)
[[ -n "$only" ]] && servers=("$only")
for s in "${servers[@]}"; do
  log ""
  bench_server "$s"
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
v() { echo "${result[$1]:--}"; }
ratio() { [[ -n "${1:-}" && -n "${2:-}" && "${2:-0}" != 0 && "${1:-}" != nan && "${2:-}" != nan ]] && printf '%.2f' "$(echo "$1 / $2" | bc -l 2>/dev/null)" 2>/dev/null || echo "-"; }
{
  echo ""
  echo "Presence: time from sending PUBLISH to each watcher receiving the NOTIFY with the new state ($watchers watchers, $rounds rounds):"
  echo ""
  echo "| measure | Parley | Kamailio | Parley/Kamailio |"
  echo "|---|---|---|---|"
  for mode in list direct; do
    label="resource list of $contacts"; [[ $mode == direct ]] && label="direct subscription"
    for p in p50 p99; do
      echo "| $label, $p (ms) | $(v parley-$mode-$p) | $(v kamailio-$mode-$p) | $(ratio "${result[parley-$mode-$p]:-}" "${result[kamailio-$mode-$p]:-}") |"
    done
    echo "| $label, NOTIFYs missing | $(v parley-$mode-missing) | $(v kamailio-$mode-missing) | |"
  done
  echo ""
  echo "IM relay: highest MESSAGE rate with every MESSAGE answered 200 and delivered, none >= 500 ms, sustained ${step} s (TCP, $im_users users):"
  echo ""
  echo "| measure | Parley | Kamailio | Parley/Kamailio |"
  echo "|---|---|---|---|"
  echo "| MESSAGE per second (authenticated, relayed statefully) | $(v parley-im) | $(v kamailio-im) | $(ratio "${result[parley-im]:-}" "${result[kamailio-im]:-}") |"
  echo ""
  for k in kamailio-im-fail parley-im-fail; do [[ -n "${result[$k]:-}" ]] && echo "  ${k%-fail}: first failing rate ${result[$k]}/s"; done
  echo "  load average before: $load_before, after: $load_after"
} | tee -a "$work/run.log"
