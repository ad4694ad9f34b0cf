#!/bin/bash
# CPU seconds per acknowledged submission, by process kind (PostgreSQL, nginx, the centre
# instances, the load generator), during sustained ingest through the province deployment
# (scripts/centre). On a shared machine compare these, not throughput: CPU per submission
# barely depends on what else runs.
#
#   tests/bench/centre_cpu.sh [SECONDS [PER_SECOND]]     default 30 s at 100 submissions/s
#
# Needs build/release's pishkhan-centre and pishkhan-loadgen.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30} rate=${2:-100}
tmp=$(mktemp -d /tmp/pk-cpu.XXXXXX)
chmod 0755 "$tmp"
port=$((20000 + RANDOM % 20000))
export PK_CENTRE_BIN=$PWD/build/release/centre/pishkhan-centre
scripts/centre --data "$tmp/province" --port "$port" >"$tmp/centre.out" 2>"$tmp/centre.err" &
centre=$!
trap 'kill "$centre" 2>/dev/null; wait "$centre" 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 600); do grep -q '^listening on' "$tmp/centre.out" && break; sleep 0.1; done
grep -q '^listening on' "$tmp/centre.out" || { cat "$tmp/centre.err" >&2; exit 1; }
pin=$(sed -n 's/^pin //p' "$tmp/centre.out")
scripts/centre --data "$tmp/province" --issue-enrollment-codes 200 --office LOAD --terminal-id-prefix I- \
  2>/dev/null >"$tmp/codes"
# "kind ticks" per process kind, of THIS deployment only (other deployments, a test suite's
# own PostgreSQL clusters, may run beside it): the postmaster, nginx's master and the centre
# instances named in its files, and their children. utime + stime + cutime + cstime from
# /proc/PID/stat (fields 14 to 17): a child that ended and was reaped is in its parent's c*time.
deployment_pids() {
  local roots=() r
  roots+=("$(head -1 "$tmp/province/postgres/postmaster.pid" 2>/dev/null)")
  roots+=("$(cat "$tmp/province/front-door/nginx.pid" 2>/dev/null)")
  for r in "$tmp"/province/run/centre-*.pid; do roots+=("$(cat "$r" 2>/dev/null)"); done
  for r in "${roots[@]}"; do
    [[ -n "$r" ]] || continue
    echo "$r"
    pgrep -P "$r" || true
  done
}
snapshot() {
  for p in $(deployment_pids); do
    d=/proc/$p
    c=$(cat "$d/comm" 2>/dev/null) || continue
    case "$c" in postgres | nginx | pishkhan-centre) ;; *) continue ;; esac
    s=$(cat "$d/stat" 2>/dev/null) || continue
    s=${s##*) }
    # shellcheck disable=SC2086
    set -- $s
    echo "$c $((${12} + ${13} + ${14} + ${15}))"
  done | awk '{t[$1] += $2} END {for (k in t) print k, t[k]}' | sort
}
snapshot >"$tmp/before"
/usr/bin/time -f "loadgen %U %S" build/release/loadgen/pishkhan-loadgen --centre-url "https://127.0.0.1:$port" \
  --centre-pin "$pin" --codes "$tmp/codes" --duration "$duration" --submissions-per-second "$rate" \
  --heartbeat-interval 60 >"$tmp/loadgen.out" 2>"$tmp/loadgen.err" || true
snapshot >"$tmp/after"
grep -E '^submissions|^delivery' "$tmp/loadgen.out"
acks=$(sed -n 's/^submissions: .* sent, \([0-9]*\) acknowledged.*/\1/p' "$tmp/loadgen.out")
[[ -n "$acks" && "$acks" -gt 0 ]] || { echo "no submission was acknowledged" >&2; tail "$tmp/loadgen.err" >&2; exit 1; }
hz=$(getconf CLK_TCK)
join "$tmp/before" "$tmp/after" | awk -v a="$acks" -v hz="$hz" \
  '{d = ($3 - $2) / hz; printf "%-16s %7.1f s CPU  %6.2f ms per acknowledged submission\n", $1, d, 1000 * d / a}'
tail -1 "$tmp/loadgen.err" | awk -v a="$acks" \
  '{d = $2 + $3; printf "%-16s %7.1f s CPU  %6.2f ms per acknowledged submission\n", $1, d, 1000 * d / a}'
