#!/bin/sh
# Under umask 022 (a shell's, or a service manager's default) the kiosk's data folder comes out
# 0700 (a folder that was 0755 too) and every file the kiosk makes in it 0600: the operators'
# accounts, the store with its WAL and shared memory while the kiosk holds it open (it renders
# headless frames meanwhile). Usage: private_files.sh <pishkhan-kiosk> <scratch dir>
kiosk=$1
dir=$2
rm -rf "$dir"
mkdir -p "$dir"
mkdir -m 0755 "$dir/data"
printf '[paths]\ndata_dir = "%s"\n' "$dir/data" > "$dir/kiosk.toml"
umask 022
bad=0
check() {
  mode=$(stat -c %a "$1")
  [ "$mode" = "$2" ] || { echo "$1 is $mode, expected $2"; bad=1; }
}

echo 246810 | "$kiosk" --config "$dir/kiosk.toml" --add-operator 1001 || { echo "--add-operator failed"; exit 1; }
check "$dir/data" 700
check "$dir/data/operators.json" 600

"$kiosk" --config "$dir/kiosk.toml" --headless --bench-frames 100000 > /dev/null 2> "$dir/err.txt" &
pid=$!
waited=0
while [ ! -e "$dir/data/pishkhan.db-wal" ] && [ $waited -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
[ -e "$dir/data/pishkhan.db-wal" ] || { echo "the store's WAL never appeared"; cat "$dir/err.txt"; bad=1; }
for file in $(find "$dir/data" -mindepth 1); do
  if [ -d "$file" ]; then check "$file" 700; else check "$file" 600; fi
done
find "$dir/data" -exec stat -c '%a %n' {} +
# SIGTERM ends a headless run (a stopped demo or test, systemd): 100,000 frames would take minutes.
kill "$pid" 2> /dev/null
waited=0
while kill -0 "$pid" 2> /dev/null && [ $waited -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
if kill -0 "$pid" 2> /dev/null; then
  echo "the headless kiosk was still running 30 s after SIGTERM"
  kill -9 "$pid"
  bad=1
fi
wait "$pid" 2> /dev/null
exit $bad
