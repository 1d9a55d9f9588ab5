#!/usr/bin/env bash
# Runs every SIPp scenario of this directory against Kamailio (kamailio-validate.cfg), to show the scenarios
# themselves are right before blaming the server under test. Needs: apt-get install kamailio sip-tester
# Usage: validate-against-kamailio.sh [BASE_PORT]   (uses BASE_PORT .. BASE_PORT+20 on 127.0.0.1; default 25070)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base="${1:-25070}"
kport=$base
work="$(mktemp -d /tmp/parley-sipp-check.XXXXXX)"
cd "$work" || exit 1
kamailio -f "$here/kamailio-validate.cfg" -l "udp:127.0.0.1:$kport" -l "tcp:127.0.0.1:$kport" -DD -E -m 64 -M 8 \
  -Y "$work" -P "$work/kamailio.pid" > kamailio.log 2>&1 &
kpid=$!
trap 'kill $kpid 2>/dev/null; wait $kpid 2>/dev/null' EXIT
sleep 1.5
kill -0 $kpid 2>/dev/null || { echo "kamailio did not start:"; cat kamailio.log; exit 1; }

common=(-i 127.0.0.1 -m 1 -timeout 20s -timeout_error -trace_err -trace_msg -nostdin -key domain parley.test)
failures=0
run() { # name expected-exit sipp-args...
  local name=$1; shift
  if sipp "$@" "${common[@]}" > "$name.out" 2>&1; then echo "ok    $name"; else
    echo "FAIL  $name (exit $?)"; failures=$((failures + 1)); fi
}
reg() { # user port transport
  run "register-$1-$2" "127.0.0.1:$kport" -sf "$here/register.xml" -s "$1" -au "$1" -ap "secret-$1" -auth_uri parley.test \
    -key expires 300 -p "$2" -t "$3"
}
call() { # name uac transport uas:port...
  local name=$1 uac=$2 t=$3; shift 3
  local pids=()
  for u in "$@"; do
    reg bob "${u##*:}" "$t"
    sipp -sf "$here/${u%%:*}.xml" -s bob -p "${u##*:}" -t "$t" "${common[@]}" > "$name-${u##*:}.out" 2>&1 &
    pids+=($!)
  done
  sleep 0.5
  run "$name" "127.0.0.1:$kport" -sf "$here/$uac.xml" -s bob -au alice -ap secret-alice -auth_uri bob@parley.test \
    -key caller alice -p $((base + 10)) -t "$t"
  for p in "${pids[@]}"; do
    if wait "$p"; then echo "ok    $name: callee $p"; else echo "FAIL  $name: callee $p"; failures=$((failures + 1)); fi
  done
}

reg alice $((base + 1)) u1
reg alice $((base + 2)) t1
run register-wrong-password "127.0.0.1:$kport" -sf "$here/register-wrong-password.xml" -s alice -au alice -ap wrong -auth_uri parley.test -p $((base + 3))
run unregister-contact "127.0.0.1:$kport" -sf "$here/unregister-contact.xml" -s bob -au bob -ap secret-bob -auth_uri parley.test -p $((base + 4))
run unregister-all "127.0.0.1:$kport" -sf "$here/unregister-all.xml" -s bob -au bob -ap secret-bob -auth_uri parley.test -p $((base + 4))
call call-udp uac-call u1 uas-answer:$((base + 5))
run unregister-bob "127.0.0.1:$kport" -sf "$here/unregister-all.xml" -s bob -au bob -ap secret-bob -auth_uri parley.test -p $((base + 4))
call call-tcp uac-call t1 uas-answer:$((base + 6))
run unregister-bob "127.0.0.1:$kport" -sf "$here/unregister-all.xml" -s bob -au bob -ap secret-bob -auth_uri parley.test -p $((base + 4))
call cancel uac-cancel u1 uas-ring-no-answer:$((base + 7))
run unregister-bob "127.0.0.1:$kport" -sf "$here/unregister-all.xml" -s bob -au bob -ap secret-bob -auth_uri parley.test -p $((base + 4))
call forking uac-call u1 uas-answer:$((base + 8)) uas-ring-no-answer:$((base + 9))

echo "$failures failure(s); logs in $work"
[[ $failures -eq 0 ]]
