#!/bin/sh
# Under umask 022 the centre's data folder comes out 0700 (a folder that was 0755 too) and what it
# makes there while it runs 0600 (its SQLite databases with their WAL and shared memory, its keys,
# its folders 0700); certificates, the names in them and the published catalog are public by
# nature (0644). Usage: private_files.sh <pishkhan-centre> <scratch dir>
centre=$1
dir=$2
rm -rf "$dir"
mkdir -p "$dir"
mkdir -m 0755 "$dir/data"
umask 022
"$centre" --data "$dir/data" --port 0 > "$dir/out.txt" 2> "$dir/err.txt" &
pid=$!
waited=0
while ! grep -q '^listening on' "$dir/out.txt" && [ $waited -lt 600 ]; do sleep 0.1; waited=$((waited + 1)); done
bad=0
grep -q '^listening on' "$dir/out.txt" || { echo "the centre did not start"; cat "$dir/err.txt"; bad=1; }
wal=0
for file in "$dir/data" $(find "$dir/data" -mindepth 1); do
  mode=$(stat -c %a "$file")
  case "$file" in
    *-wal) wal=$((wal + 1)) ;;
  esac
  if [ -d "$file" ]; then
    expected=700
  else
    case "$file" in
      *.pem | *.names | */catalog.json) expected=644 ;;
      *) expected=600 ;;
    esac
  fi
  [ "$mode" = "$expected" ] || { echo "$file is $mode, expected $expected"; bad=1; }
done
[ $wal -gt 0 ] || { echo "no SQLite WAL file was open to check"; bad=1; }
find "$dir/data" -exec stat -c '%a %n' {} +
kill "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
exit $bad
