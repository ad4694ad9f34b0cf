#!/bin/sh
# pishkhan-kiosk --status-check: the command line. A malformed code, a missing --screenshot or
# --headless exit 2 with a message and write nothing; a screenshot that cannot be written exits
# 1; a valid code this terminal never issued (no centre configured) exits 0 with its screen.
# Usage: status_check_args.sh <pishkhan-kiosk> <scratch dir> <source dir>
kiosk=$1
dir=$2
src=$3
rm -rf "$dir"
mkdir -p "$dir"
printf '[paths]\ndata_dir = "%s"\ncatalog = "%s"\n[ui]\nwidth = 1280\nheight = 800\n' \
  "$dir/data" "$src/data/catalog.json" > "$dir/kiosk.toml"
code=10001000000728  # kind 1, terminal 1, sequence 7; check digits 28
fail() { echo "FAIL: $*"; cat "$dir/err.txt"; exit 1; }
run() {  # expected exit code, then the arguments
  want=$1
  shift
  "$kiosk" --config "$dir/kiosk.toml" "$@" 2> "$dir/err.txt"
  got=$?
  [ "$got" -eq "$want" ] || fail "$* exited $got, expected $want"
}

run 2 --headless --status-check 10001000000729 --screenshot "$dir/bad.png"
grep -q -- '--status-check "10001000000729": not a tracking code: A digit is wrong' "$dir/err.txt" ||
  fail "no message for a mistyped code"
run 2 --headless --status-check 1234 --screenshot "$dir/bad.png"
grep -q -- '--status-check "1234"' "$dir/err.txt" || fail "no message for a short code"
[ ! -e "$dir/bad.png" ] || fail "a malformed code wrote a screenshot"
run 2 --headless --status-check "$code"
grep -q -- '--screenshot' "$dir/err.txt" || fail "a missing --screenshot is not named"
run 2 --status-check "$code" --screenshot "$dir/bad.png"
grep -q -- 'need --headless' "$dir/err.txt" || fail "a missing --headless is not named"
run 2 --headless --status-check "$code" --screenshot "$dir/bad.png" --journey "$dir/j"
[ ! -e "$dir/bad.png" ] || fail "a refused command line wrote a screenshot"

run 1 --headless --status-check "$code" --screenshot "$dir/no/such/folder/x.png"
grep -q -- "--status-check $code: " "$dir/err.txt" || fail "an unwritable screenshot is not said"

run 0 --headless --status-check "1000-1000-0007-28" --screenshot "$dir/not-here.png" --language en
[ -s "$dir/not-here.png" ] || fail "no screenshot written"
grep -q 'status check: 1000-1000-0007-28 shown (en): .*; centre status none;' "$dir/err.txt" ||
  fail "no line naming what was shown"
cat "$dir/err.txt"
echo "ok"
