#!/usr/bin/env bash
# Install test of the Debian packages (issue 10): build the .debs with CPack, install them with
# apt-get in a clean Debian 12 (bookworm, minbase) chroot made by debootstrap from the
# configured apt mirror, check files, users, permissions and units (systemd-analyze verify),
# run both programs inside, then remove (data kept) and purge (data gone): the kiosk's purge is
# first refused while a capture made there has not reached the centre, then accepted by the
# override file naming that count.
#
#   tests/packaging/install_test.sh [BUILD_DIR]     (default build/release; needs root)
#
# The debootstrap download is cached as a tarball in build/packaging-cache/, and so are the
# .debs apt fetches, so a second run downloads almost nothing. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../.."
top=$PWD
build=${1:-build/release}
cache=$top/build/packaging-cache
start=$(date +%s)
step() { printf '\n--- install test: %s (%ss)\n' "$1" "$(( $(date +%s) - start ))"; }
fail() { echo "install test FAILED: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || fail "needs root (debootstrap, chroot)"
for tool in debootstrap cpack chroot mount; do command -v "$tool" >/dev/null || fail "$tool missing (scripts/bootstrap installs it)"; done

source "$top/tests/packaging/lib.sh"
pk_find_mirror

step "build the packages (cpack -G DEB in $build)"
pk_build_debs
dpkg-deb --field "$kiosk_deb" Depends Recommends
dpkg-deb --field "$centre_deb" Depends

step "a clean Debian 12 chroot (debootstrap --variant=minbase $suite)"
mkdir -p "$cache"  # a fresh clone has no build/ yet
root=$(mktemp -d "$cache/chroot.XXXXXX")
cleanup() {
  pk_chroot_release
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
pk_clean_root "$root"
pk_chroot_prepare

step "apt-get install ./pishkhan-kiosk_*.deb ./pishkhan-centre_*.deb"
mkdir -p "$root/tmp/debs"
cp "$kiosk_deb" "$centre_deb" "$root/tmp/debs/"
in_root apt-get update -qq
# Without Recommends (Mesa's DRI drivers alone are 100 MB): what must be there is in Depends.
in_root sh -c 'apt-get install -y -qq --no-install-recommends /tmp/debs/pishkhan-kiosk_*.deb /tmp/debs/pishkhan-centre_*.deb' \
  >"$cache/apt-install.log" 2>&1 || { tail -30 "$cache/apt-install.log"; fail "apt-get install"; }
grep -E '^(Setting up pishkhan|pishkhan)' "$cache/apt-install.log" || true

step "files, conffile, users, groups, permissions, enabled units"
for f in /usr/bin/pishkhan-kiosk /usr/bin/pishkhan-centre /etc/pishkhan/pishkhan.toml \
         /usr/share/pishkhan/catalog.json /usr/share/pishkhan-centre/catalog.json \
         /usr/share/pishkhan/pictograms/service-03.svg /usr/share/pishkhan/pictograms/action-back.svg \
         /usr/lib/systemd/system/pishkhan-kiosk.service /usr/lib/systemd/system/pishkhan-service-screen.service \
         /usr/lib/systemd/system/pishkhan-centre.service /usr/lib/udev/rules.d/70-pishkhan.rules \
         /usr/share/doc/pishkhan-kiosk/README.Debian /usr/share/doc/pishkhan-kiosk/copyright \
         /usr/share/doc/pishkhan-kiosk/changelog.gz /usr/share/doc/pishkhan-centre/copyright \
         /usr/share/doc/pishkhan-centre/changelog.gz /usr/share/man/man1/pishkhan-kiosk.1.gz \
         /usr/share/man/man1/pishkhan-centre.1.gz; do
  [[ -e $root$f ]] || fail "$f is not installed"
done
in_root dpkg-query -W -f='${Conffiles}\n' pishkhan-kiosk | grep -q '/etc/pishkhan/pishkhan.toml' ||
  fail "/etc/pishkhan/pishkhan.toml is not a conffile"
grep -q 'ATTRS{idVendor}=="04b8", ATTRS{idProduct}=="0e15"' "$root/usr/lib/udev/rules.d/70-pishkhan.rules" ||
  fail "the udev rules lack the printer driver's id table"
# udev takes comments only on lines of their own: a rule with a trailing "# ..." is ignored.
grep -nE '^[^#].*#' "$root/usr/lib/udev/rules.d/70-pishkhan.rules" && fail "a udev rule with a trailing comment (udev ignores it)"
in_root getent passwd pishkhan >/dev/null || fail "no user pishkhan"
in_root getent passwd pishkhan-centre >/dev/null || fail "no user pishkhan-centre"
groups=$(in_root id -nG pishkhan)
for g in pishkhan lp scanner plugdev input; do
  [[ " $groups " == *" $g "* ]] || fail "pishkhan is not in group $g (groups: $groups)"
done
# stat inside the chroot: the owners' names are the chroot's, not this machine's.
kiosk_data=$(in_root stat -c '%a %U %G' /var/lib/pishkhan)
[[ $kiosk_data == "700 pishkhan pishkhan" ]] || fail "/var/lib/pishkhan is $kiosk_data, not 700 pishkhan pishkhan"
centre_data=$(in_root stat -c '%a %U %G' /var/lib/pishkhan-centre)
[[ $centre_data == "700 pishkhan-centre pishkhan-centre" ]] || fail "/var/lib/pishkhan-centre is $centre_data"
[[ -L $root/etc/systemd/system/graphical.target.wants/pishkhan-kiosk.service ]] || fail "pishkhan-kiosk.service not enabled"
[[ -L $root/etc/systemd/system/multi-user.target.wants/pishkhan-centre.service ]] || fail "pishkhan-centre.service not enabled"
echo "files, conffile, users ($groups), /var/lib/pishkhan 0700 and enabled units: ok"

step "systemd-analyze verify (inside the chroot)"
in_root systemd-analyze verify /usr/lib/systemd/system/pishkhan-kiosk.service \
  /usr/lib/systemd/system/pishkhan-service-screen.service /usr/lib/systemd/system/pishkhan-centre.service 2>&1 |
  tee "$cache/verify.log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || fail "systemd-analyze verify"
grep -i 'pishkhan' "$cache/verify.log" && fail "systemd-analyze verify warned about our units"

step "run both programs inside, as their users"
in_root pishkhan-centre --help >/dev/null || fail "pishkhan-centre --help"
in_root pishkhan-kiosk --help >/dev/null || fail "pishkhan-kiosk --help"
# The kiosk with the installed configuration, headless: fonts, catalog, data folder, libraries.
in_root runuser -u pishkhan -- pishkhan-kiosk --config /etc/pishkhan/pishkhan.toml --headless \
  --screenshot /var/lib/pishkhan/self-check.png >"$cache/kiosk-run.log" 2>&1 ||
  { cat "$cache/kiosk-run.log"; fail "the installed kiosk did not render"; }
[[ -s $root/var/lib/pishkhan/self-check.png && -s $root/var/lib/pishkhan/pishkhan.db ]] ||
  fail "the kiosk wrote no screenshot or store"
in_root runuser -u pishkhan -- pishkhan-kiosk --config /etc/pishkhan/pishkhan.toml --headless --service-screen \
  --screenshot /var/lib/pishkhan/service-screen.png >>"$cache/kiosk-run.log" 2>&1 || fail "the service screen did not render"
cp "$root/var/lib/pishkhan/self-check.png" "$root/var/lib/pishkhan/service-screen.png" "$cache/" 2>/dev/null || true
# The kiosk's configuration for the purge test below: the installed one with the simulated
# devices of the demo and a centre nobody listens at (the chroot shares this machine's network).
sed -E -e 's/^(printer|scanner|card_reader|barcode) = "[a-z]*"/\1 = "simulated"/' \
  -e 's|^url = .*|url = "http://127.0.0.1:1"|' "$root/etc/pishkhan/pishkhan.toml" >"$root/tmp/journey.toml"
chmod 0644 "$root/tmp/journey.toml"
# The centre as its user on a free port, until it says it listens; the kiosk enrolls with it
# (an unenrolled kiosk takes no application); then SIGTERM to that very centre process (found
# by the chroot user's uid, which nothing else on this machine runs as).
in_root runuser -u pishkhan-centre -- timeout 120 pishkhan-centre --data /var/lib/pishkhan-centre --port 0 \
  --catalog /usr/share/pishkhan-centre/catalog.json >"$cache/centre-run.log" 2>&1 &
centre_job=$!
for _ in $(seq 150); do grep -q '^listening on' "$cache/centre-run.log" && break; sleep 0.2; done
grep '^listening on' "$cache/centre-run.log" || { cat "$cache/centre-run.log"; fail "the installed centre did not listen"; }
port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$cache/centre-run.log")
pin=$(sed -n 's/^pin //p' "$cache/centre-run.log")
code=$(in_root runuser -u pishkhan-centre -- pishkhan-centre --data /var/lib/pishkhan-centre \
  --issue-enrollment-code --office A --terminal-id SKO-0001 --ttl-hours 1 2>>"$cache/centre-run.log") ||
  { cat "$cache/centre-run.log"; fail "the installed centre issued no enrollment code"; }
in_root runuser -u pishkhan -- pishkhan-kiosk --config /tmp/journey.toml --enroll "$code" \
  --centre-url "https://127.0.0.1:$port" --centre-pin "$pin" >"$cache/kiosk-enroll.log" 2>&1 ||
  { cat "$cache/kiosk-enroll.log"; fail "the installed kiosk did not enroll with the installed centre"; }
centre_uid=$(in_root id -u pishkhan-centre)
pkill -TERM -u "$centre_uid" -x pishkhan-centre || true
wait "$centre_job" || fail "pishkhan-centre did not exit cleanly on SIGTERM"
echo "pishkhan-kiosk rendered its first screen and the service screen; pishkhan-centre listened; the kiosk enrolled with it"

step "captures that have not reached the centre: the kiosk's scripted journey, the centre stopped"
in_root runuser -u pishkhan -- pishkhan-kiosk --config /tmp/journey.toml --headless --journey /var/lib/pishkhan/journey \
  >"$cache/kiosk-journey.log" 2>&1 || { tail -30 "$cache/kiosk-journey.log"; fail "the installed kiosk's journey"; }
# Counted as the factory reset counts (provisioning/factory_reset.cpp, reset_backlog).
unsent=$(in_root sqlite3 -readonly /var/lib/pishkhan/pishkhan.db \
  "SELECT max((SELECT count(*) FROM outbox WHERE delivered_at_unix IS NULL),
              (SELECT count(*) FROM applications WHERE state IN ('captured', 'queued')));") || fail "sqlite3 count"
((unsent > 0)) || { tail -20 "$cache/kiosk-journey.log"; fail "the journey left no capture waiting for the centre"; }
# ... and the kiosk's own count agrees.
grep -q "journey: $unsent capture(s) still waiting for the centre" "$cache/kiosk-journey.log" ||
  { tail -5 "$cache/kiosk-journey.log"; fail "the kiosk does not report the $unsent capture(s) sqlite3 counts"; }
echo "the journey left $unsent capture(s) waiting for the centre"

step "apt-get remove: programs gone, data, user and configuration kept"
in_root apt-get remove -y -qq pishkhan-kiosk pishkhan-centre >"$cache/apt-remove.log" 2>&1 || { cat "$cache/apt-remove.log"; fail "apt-get remove"; }
[[ ! -e $root/usr/bin/pishkhan-kiosk && ! -e $root/usr/bin/pishkhan-centre ]] || fail "programs left after remove"
[[ -s $root/var/lib/pishkhan/pishkhan.db ]] || fail "remove deleted the kiosk's data"
[[ -n $(ls -A "$root/var/lib/pishkhan-centre" 2>/dev/null) ]] || fail "remove deleted the centre's data"
[[ -f $root/etc/pishkhan/pishkhan.toml ]] || fail "remove deleted the configuration"
in_root getent passwd pishkhan >/dev/null || fail "remove deleted the user"

step "apt-get purge pishkhan-kiosk: refused while $unsent capture(s) have not reached the centre"
accept=/var/lib/pishkhan/purge-accept-unsent
purge_kiosk() { in_root apt-get purge -y -qq pishkhan-kiosk >"$cache/apt-purge-refused.log" 2>&1; }
purge_kiosk && { cat "$cache/apt-purge-refused.log"; fail "purge went through with $unsent capture(s) not delivered"; }
grep "pishkhan-kiosk: purge refused" "$cache/apt-purge-refused.log"
grep -q "purge refused: $unsent capture(s) in /var/lib/pishkhan/pishkhan.db have not reached the centre" \
  "$cache/apt-purge-refused.log" || { cat "$cache/apt-purge-refused.log"; fail "the refusal does not give the count $unsent"; }
[[ -s $root/var/lib/pishkhan/pishkhan.db ]] || fail "the refused purge deleted the store"
in_root getent passwd pishkhan >/dev/null || fail "the refused purge deleted the user"
echo "refused, store and user kept; package state: $(in_root dpkg-query -W -f='${db:Status-Abbrev}' pishkhan-kiosk)"
# An accept file with another count (the backlog changed since it was read) is refused too.
echo $((unsent + 1)) >"$root$accept"
purge_kiosk && fail "purge went through with an accept file naming $((unsent + 1)), not $unsent"
grep -q "purge refused: $unsent capture(s) would now be lost, not the $((unsent + 1))" "$cache/apt-purge-refused.log" ||
  { cat "$cache/apt-purge-refused.log"; fail "the refusal of a wrong count does not say so"; }
[[ -s $root/var/lib/pishkhan/pishkhan.db ]] || fail "the refused purge deleted the store"
echo "$unsent" >"$root$accept"
echo "a wrong count refused too; accepting the loss of $unsent capture(s)"

step "apt-get purge: data, users and configuration gone"
in_root apt-get purge -y -qq pishkhan-kiosk pishkhan-centre >"$cache/apt-purge.log" 2>&1 || { cat "$cache/apt-purge.log"; fail "apt-get purge"; }
grep -q "purge: $unsent capture(s) that had not reached the centre destroyed" "$cache/apt-purge.log" ||
  { cat "$cache/apt-purge.log"; fail "the accepted purge does not say what it destroyed"; }
[[ ! -e $root/var/lib/pishkhan && ! -e $root/var/lib/pishkhan-centre ]] || fail "purge left the data"
[[ ! -e $root/etc/pishkhan/pishkhan.toml ]] || fail "purge left the configuration"
in_root getent passwd pishkhan >/dev/null && fail "purge left the user pishkhan"
in_root getent passwd pishkhan-centre >/dev/null && fail "purge left the user pishkhan-centre"
[[ ! -e $root/etc/systemd/system/graphical.target.wants/pishkhan-kiosk.service ]] || fail "purge left the unit enabled"

step "passed"
echo "install test: passed in $(( $(date +%s) - start )) s"
