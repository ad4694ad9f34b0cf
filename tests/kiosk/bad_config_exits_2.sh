#!/bin/sh
# The kiosk binary, given a configuration with a misspelt key, must exit with code 2 and
# name the key on stderr. Usage: bad_config_exits_2.sh <pishkhan-kiosk> <scratch dir>
kiosk=$1
dir=$2
mkdir -p "$dir"
printf '[ui]\nlanguag = "fa"\n' > "$dir/bad.toml"
"$kiosk" --config "$dir/bad.toml" --headless --screenshot "$dir/never.png" 2> "$dir/err.txt"
code=$?
cat "$dir/err.txt"
[ "$code" -eq 2 ] || { echo "exit code $code, expected 2"; exit 1; }
grep -q 'key "ui.languag"' "$dir/err.txt" || { echo "the message does not name the key"; exit 1; }
[ ! -e "$dir/never.png" ] || { echo "it ran anyway"; exit 1; }
