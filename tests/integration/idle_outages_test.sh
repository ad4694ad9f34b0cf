#!/usr/bin/env bash
# Outages of an idle kiosk, end to end with the real programs: the real pishkhan-centre on
# loopback, the real pishkhan-kiosk enrolled with it and left alone at its welcome screen in a
# window (SDL's dummy video driver: the interactive loop, not the headless one-shot), and the
# service-level ledger read from its SQLite file. Short intervals come from the configuration
# (heartbeat and device probe every second), so no step waits long.
#   centre:  the centre stops -> a centre_unreachable outage opens after four missed heartbeats,
#            starting at the first of them (not at the fourth); the centre starts again -> the
#            outage closes at the first answered heartbeat.
#   printer: the simulated printer runs out of paper (its control file) -> a printer_down outage
#            opens at the next probe; paper back -> it closes.
# Usage: idle_outages_test.sh <pishkhan-kiosk> <pishkhan-centre> <scratch dir> <source dir> centre|printer
set -euo pipefail
kiosk_bin=$1 centre_bin=$2 dir=$3 src=$4 case=$5

fail() {
  echo "FAIL: $*" >&2
  for log in "$dir"/centre*.log "$dir"/kiosk.log; do
    [[ -f $log ]] && { echo "--- $log (last lines)" >&2; tail -15 "$log" >&2; }
  done
  exit 1
}
now() { date +%s.%N; }
# Seconds from $1 to $2, with milliseconds.
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
at_most() { awk -v v="$1" -v max="$2" 'BEGIN { exit !(v <= max) }'; }
# Read-only, so that a query made before the kiosk created its store does not create an empty one.
ledger() { sqlite3 -readonly -cmd ".timeout 5000" "$dir/var/pishkhan.db" "$1"; }
# Polls the ledger until query $1 prints something (at most $2 seconds); prints it. The store may
# not be there yet, or not have its tables: that is "nothing yet" too.
await_row() {
  local query=$1 limit=$2 start
  start=$(now)
  while at_most "$(seconds "$start" "$(now)")" "$limit"; do
    local row
    row=$(ledger "$query" 2>/dev/null) || row=""
    [[ -n $row ]] && { echo "$row"; return 0; }
    kill -0 "$kiosk" 2>/dev/null || fail "the kiosk exited"
    sleep 0.1
  done
  return 1
}

centre=""
kiosk=""
# Without errexit: a kiosk that exited with an error status must not keep the centre running.
cleanup() {
  set +e
  [[ -n $kiosk ]] && kill "$kiosk" 2>/dev/null && wait "$kiosk" 2>/dev/null
  [[ -n $centre ]] && kill "$centre" 2>/dev/null && wait "$centre" 2>/dev/null
  return 0
}
trap cleanup EXIT

rm -rf "$dir"
mkdir -p "$dir/var"

# Starts the centre on port $1 (0: any free one) with its data in $dir/centre; sets $port, $pin.
start_centre() {
  local log=$dir/centre-$(date +%s%N).log
  "$centre_bin" --data "$dir/centre" --port "$1" >"$log" 2>&1 &
  centre=$!
  for _ in $(seq 300); do
    grep -q '^listening on' "$log" && break
    kill -0 "$centre" 2>/dev/null || fail "the centre did not start"
    sleep 0.1
  done
  port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$log")
  pin=$(sed -n 's/^pin //p' "$log")
  [[ -n $port && -n $pin ]] || fail "the centre said neither its port nor its pin"
}

url=""
if [[ $case == centre ]]; then
  start_centre 0
  url="https://127.0.0.1:$port"
fi

cat >"$dir/pishkhan.toml" <<EOF
[terminal]
id = "SKO-IDLE-0001"
[paths]
data_dir = "$dir/var"
catalog = "$src/data/catalog.json"
[ui]
width = 640
height = 360
[devices]
card_reader = "none"
barcode = "none"
probe_seconds = 1
[centre]
url = "$url"
heartbeat_seconds = 1
outage_after_missed_heartbeats = 4
EOF

if [[ $case == centre ]]; then
  code=$("$centre_bin" --data "$dir/centre" --issue-enrollment-code --office A --terminal-id SKO-IDLE-0001 \
    --ttl-hours 1 2>/dev/null)
  "$kiosk_bin" --config "$dir/pishkhan.toml" --enroll "$code" --centre-url "$url" --centre-pin "$pin" \
    >"$dir/enroll.log" 2>&1 || { cat "$dir/enroll.log"; fail "enrollment"; }
fi

SDL_VIDEODRIVER=dummy "$kiosk_bin" --config "$dir/pishkhan.toml" --windowed >"$dir/kiosk.log" 2>&1 &
kiosk=$!

open_outage="SELECT started_wall_unix || ' ' || detail FROM outages WHERE cause = '%s' AND ended_wall_unix IS NULL"
closed_outage="SELECT ended_wall_unix || ' ' || duration_ms FROM outages WHERE cause = '%s' AND end_kind = 'observed'"
# shellcheck disable=SC2059
case $case in
  centre)
    await_row "SELECT 1 FROM clock_events WHERE kind = 'centre_sync' LIMIT 1" 30 >/dev/null ||
      fail "no heartbeat reached the centre"
    [[ -z $(ledger "$(printf "$open_outage" centre_unreachable)") ]] || fail "a centre outage while it answers"

    kill "$centre" && wait "$centre" 2>/dev/null || true
    down=$(now)
    row=$(await_row "$(printf "$open_outage" centre_unreachable)" 30) || fail "no centre outage 30 s after it stopped"
    opened=$(now)
    started=${row%% *}
    echo "centre stopped: outage opened after $(seconds "$down" "$opened") s ($row)"
    [[ $row == *"heartbeats missed in a row"* ]] || fail "the outage does not say it came from heartbeats: $row"
    # Four missed beats at one second each, then the next loop turn: well under 10 s.
    at_most "$(seconds "$down" "$opened")" 10 || fail "opened too late"
    at_most "${down%.*}" "$started" || fail "the outage starts ($started) before the centre stopped (${down%.*})"
    # It starts at the first missed beat, three beats (3 s) before the fourth opened it (the
    # ledger's wall clock is in whole seconds): a start taken when the outage was opened would
    # be at most a second before it was seen here.
    at_most "$started" "$(( ${opened%.*} - 2 ))" ||
      fail "the outage starts at $started, when it was opened (seen at ${opened%.*}), not at the first missed beat"
    echo "the outage starts $(( ${opened%.*} - started )) s before it was seen open"

    start_centre "$port"
    up=$(now)
    row=$(await_row "$(printf "$closed_outage" centre_unreachable)" 30) || fail "the outage did not close"
    closed=$(now)
    echo "centre back: outage closed after $(seconds "$up" "$closed") s (ended, duration_ms: $row)"
    at_most "$(seconds "$up" "$closed")" 5 || fail "closed too late"
    ended=${row%% *}
    at_most "${up%.*}" "$ended" || fail "the outage ends ($ended) before the centre was back (${up%.*})"
    duration_ms=${row##* }
    at_most "$duration_ms" "$(awk -v a="$down" -v b="$closed" 'BEGIN { printf "%d", (b - a) * 1000 }')" ||
      fail "the outage lasted longer ($duration_ms ms) than the centre was away"
    count=$(ledger "SELECT count(*) FROM outages WHERE cause = 'centre_unreachable'")
    [[ $count == 1 ]] || fail "$count centre outages, expected exactly one"
    ;;
  printer)
    control=$dir/var/receipts/control
    mkdir -p "$dir/var/receipts"
    await_row "SELECT 1 FROM heartbeats LIMIT 1" 30 >/dev/null || fail "the kiosk did not start its ledger"
    sleep 2  # a few probes of a printer with paper
    [[ -z $(ledger "SELECT id FROM outages") ]] || fail "an outage with paper in the printer: $(ledger 'SELECT * FROM outages')"

    echo PAPER_OUT >"$control"
    out=$(now)
    row=$(await_row "$(printf "$open_outage" printer_down)" 30) || fail "no printer outage with the paper out"
    echo "paper out: printer outage opened after $(seconds "$out" "$(now)") s ($row)"
    [[ $row == *"paper out"* ]] || fail "the outage does not say paper out: $row"
    at_most "$(seconds "$out" "$(now)")" 5 || fail "opened too late"

    echo PAPER_OK >"$control"
    back=$(now)
    row=$(await_row "$(printf "$closed_outage" printer_down)" 30) || fail "the printer outage did not close"
    echo "paper back: printer outage closed after $(seconds "$back" "$(now)") s (ended, duration_ms: $row)"
    at_most "$(seconds "$back" "$(now)")" 5 || fail "closed too late"
    count=$(ledger "SELECT count(*) FROM outages")
    [[ $count == 1 ]] || fail "$count outages, expected the printer's one: $(ledger 'SELECT * FROM outages')"
    ;;
  *) fail "unknown case $case" ;;
esac
kill -0 "$kiosk" || fail "the kiosk exited"
echo "1 passed, 0 failed"
