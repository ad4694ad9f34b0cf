#!/usr/bin/env bash
# What spoken guidance costs (issue 18), printed, never asserted:
#   1. tap to first audio: bench_speech (tests/bench/speech_bench.cpp), from speak() to the first
#      audible sample queued to SDL's audio device, for the first prompt after start, a prompt
#      not said before, and a cached repeat; target under 300 ms. SDL's `disk` audio driver
#      writes into /dev/null, so no sound card is needed.
#   2. the kiosk's idle CPU with speech on and with speech off: the real kiosk on the welcome
#      screen, SDL's dummy video and audio drivers, simulated devices, no centre; CPU time
#      from /proc/<pid>/stat over <seconds> after 10 s of start-up, each run twice, in turn.
# Usage: tests/bench/speech_cost.sh [build dir] [seconds]   (defaults: build/release, 30)
# Needs the release build with PK_BUILD_BENCH (the kiosk and bench_speech targets).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
b=$(realpath "${1:-$src/build/release}")
secs=${2:-30}
tmp=$(mktemp -d /tmp/pishkhan-speech-cost.XXXXXX)
kiosk_pid=
trap '[[ -n $kiosk_pid ]] && kill "$kiosk_pid" 2>/dev/null; rm -rf "$tmp"' EXIT

echo "== tap to first audio (bench_speech; worst_ms is the slowest of the iterations; target < 300 ms)"
"$b/tests/bench/bench_speech" 2>/dev/null | grep -E '^BM_' || echo "bench_speech failed"

idle() {  # <on|off>: prints "<ticks> <wall seconds>"
  local speech=$1 dir=$tmp/$1
  rm -rf "$dir"
  mkdir -p "$dir/var"
  cat >"$dir/pishkhan.toml" <<EOT
[paths]
data_dir = "$dir/var"
catalog = "$src/data/catalog.json"
[devices]
card_reader = "none"
barcode = "none"
[speech]
enabled = $([[ $speech == on ]] && echo true || echo false)
backend = "espeak"
EOT
  SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$b/kiosk/pishkhan-kiosk" --config "$dir/pishkhan.toml" --windowed \
    >"$dir/kiosk.log" 2>&1 &
  kiosk_pid=$!
  sleep 10  # start-up (fonts, pictograms, the Persian voice, first frames) is not idle
  local t0 t1 s0 s1
  t0=$(awk '{print $14 + $15}' "/proc/$kiosk_pid/stat"); s0=$(date +%s.%N)
  sleep "$secs"
  t1=$(awk '{print $14 + $15}' "/proc/$kiosk_pid/stat"); s1=$(date +%s.%N)
  local rss threads
  rss=$(awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$kiosk_pid/status")
  threads=$(awk '/^Threads/ {print $2}' "/proc/$kiosk_pid/status")
  kill "$kiosk_pid"
  wait "$kiosk_pid" 2>/dev/null || true
  kiosk_pid=
  awk -v a="$t0" -v b="$t1" -v s0="$s0" -v s1="$s1" -v hz="$(getconf CLK_TCK)" -v sp="$speech" -v rss="$rss" \
    -v th="$threads" 'BEGIN { w = s1 - s0
      printf "speech %-3s: %d ticks in %.1f s = %.3f %% of a core; resident %s MB, %s threads\n", sp, b - a, w,
             100 * (b - a) / hz / w, rss, th }'
}

echo "== idle CPU of the kiosk on the welcome screen, speech on and off (${secs} s each, after 10 s)"
for round in 1 2; do
  idle on
  idle off
done
