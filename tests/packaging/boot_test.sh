#!/usr/bin/env bash
# Boot test of the Debian packages (issue 10: "installing it on a clean Debian 12 system and
# rebooting gives a working kiosk"). Installs the .debs built by CPack into a clean Debian 12
# (debootstrap minbase) root together with Debian's kernel and systemd, makes that root a disk
# image (mkfs.ext4 -d: no loop mount, no boot loader: qemu starts Debian's kernel and initramfs
# itself), boots it in qemu with a standard VGA display, and checks from the outside (the
# qemu guest agent and qemu's screendump) that
#   - the box comes up in the kiosk: pishkhan-kiosk.service active (Type=notify: it sent
#     READY=1 after its first frame), its STATUS= line, no failed unit;
#   - the watchdog is fed: no restart and fresh watchdog pings over 90 s;
#   - the screen is the kiosk's welcome screen (screenshots saved for a person to look at);
#   - `systemctl restart pishkhan-kiosk` (the service screen's advice) brings the kiosk back,
#     not the service screen: the stop is clean (cage does not abort, no unclean exit counted);
#   - after `reboot` inside, it comes back into the kiosk, and the reboot counted as a clean
#     exit for the kiosk's crash-loop guard;
#   - killing the kiosk three times brings up the service screen, not a flapping screen.
#
#   tests/packaging/boot_test.sh [BUILD_DIR]   (default build/release; needs root, qemu, jq)
#
# Uses KVM when /dev/kvm can be opened, else qemu's emulator (TCG) with longer time-outs, and
# says which. Image, kernel, logs and screenshots: build/packaging-cache/vm/. Run by
# `scripts/test --vm`, not by CI (README, Deploying).
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/../.."
top=$PWD
build=${1:-build/release}
cache=$top/build/packaging-cache
vm_dir=$cache/vm
start=$(date +%s)
step() { printf '\n--- boot test: %s (%ss)\n' "$1" "$(($(date +%s) - start))"; }
fail() {
  echo "boot test FAILED: $*" >&2
  [[ -s ${vm_dir:-}/serial.log ]] && { echo "--- last lines of the VM's serial console:" >&2; tail -25 "$vm_dir/serial.log" >&2; }
  exit 1
}

[[ $(id -u) -eq 0 ]] || fail "needs root (debootstrap, chroot)"
for tool in debootstrap cpack chroot mount mkfs.ext4 qemu-system-x86_64 jq base64 mkfifo; do
  command -v "$tool" >/dev/null || fail "$tool missing (scripts/bootstrap installs it)"
done
source "$top/tests/packaging/lib.sh"
source "$top/tests/packaging/vm.sh"
pk_find_mirror

# KVM when this process can open /dev/kvm and a kernel really runs under it; otherwise qemu's
# emulator (TCG), with every wait longer. Said loudly either way: a TCG run is slower, not a pass
# of something else.
tcg_reason=
if ! (exec 3<>/dev/kvm) 2>/dev/null; then
  tcg_reason="/dev/kvm cannot be opened here"
elif [[ -d /sys/module/kvm_pvm ]]; then
  # PVM (pagetable-based nested virtualisation, as in Firecracker sandboxes) only runs guest
  # kernels built for it; Debian's kernel hangs in its decompressor there.
  tcg_reason="/dev/kvm is kvm_pvm (nested virtualisation for PVM guest kernels only; Debian's kernel does not run under it)"
fi
use_tcg() {
  accel=tcg cpu=max slow=4
  echo "accelerator: TCG (software emulation: $tcg_reason); time-outs x$slow" >&2
}
if [[ -n $tcg_reason ]]; then use_tcg; else accel=kvm cpu=host,-arch-capabilities slow=1; echo "accelerator: KVM"; fi

step "build the packages (cpack -G DEB in $build)"
pk_build_debs

step "a clean Debian 12 root with Debian's kernel, systemd and the two packages"
image_start=$(date +%s)
mkdir -p "$vm_dir"
root=$vm_dir/root
qemu_pid=
cleanup() {
  [[ -n $qemu_pid ]] && vm_stop
  pk_chroot_release
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
pk_chroot_release  # a root an interrupted run left behind
rm -rf --one-file-system "$root"
mkdir -m 0755 "$root"
pk_clean_root "$root"
pk_chroot_prepare
mkdir -p "$root/tmp/debs"
cp "$kiosk_deb" "$centre_deb" "$root/tmp/debs/"
in_root apt-get update -qq
# The machine: the kernel (its initramfs finds a virtio disk), systemd as init, and the
# guest agent the test talks to (a test tool, not something the packages need).
in_root apt-get install -y -qq --no-install-recommends linux-image-amd64 systemd-sysv qemu-guest-agent \
  >"$vm_dir/apt-machine.log" 2>&1 || { tail -30 "$vm_dir/apt-machine.log"; fail "apt-get install linux-image-amd64"; }
# The packages as a technician installs them: plain `apt install`, with Recommends.
in_root sh -c 'apt-get install -y -qq /tmp/debs/pishkhan-kiosk_*.deb /tmp/debs/pishkhan-centre_*.deb' \
  >"$vm_dir/apt-install.log" 2>&1 || { tail -30 "$vm_dir/apt-install.log"; fail "apt-get install the packages"; }
grep -E '^Setting up pishkhan' "$vm_dir/apt-install.log" || true
# This VM has no GPU: Mesa's software GL on virtio-gpu makes Debian 12's cage (wlroots 0.15)
# crash with SIGSEGV, so cage composites with pixman here. A drop-in for the test, not the
# shipped unit: real kiosks have a GPU (Debian 12's kernel gives cage no GPU-less display but
# virtio-gpu anyway, see README.Debian), and pixman would refuse the kiosk's GPU buffers there.
for unit in pishkhan-kiosk pishkhan-service-screen; do
  mkdir -p "$root/etc/systemd/system/$unit.service.d"
  printf '[Service]\nEnvironment=WLR_RENDERER=pixman\n' >"$root/etc/systemd/system/$unit.service.d/boot-test-no-gpu.conf"
done
# What a Debian installer would have written: the root file system, a host name.
echo 'LABEL=pishkhan-root / ext4 errors=remount-ro 0 0' >"$root/etc/fstab"
echo pishkhan-vm >"$root/etc/hostname"
kernel=$(ls "$root"/boot/vmlinuz-* | sort -V | tail -1)
initrd=$(ls "$root"/boot/initrd.img-* | sort -V | tail -1)
[[ -s $kernel && -s $initrd ]] || fail "no kernel or initramfs in /boot"
cp "$kernel" "$vm_dir/vmlinuz"
cp "$initrd" "$vm_dir/initrd.img"
pk_chroot_release
rm -rf "$root/tmp/debs"

step "the disk image (mkfs.ext4 -d, no loop mount)"
image=$vm_dir/disk.img
rm -f "$image"
size_mib=$(($(du -sm --apparent-size "$root" | cut -f1) + 1024))
mkfs.ext4 -q -F -L pishkhan-root -d "$root" "$image" "${size_mib}M" || fail "mkfs.ext4 -d"
rm -rf --one-file-system "$root"
image_seconds=$(($(date +%s) - image_start))
echo "image: $image ($size_mib MiB, sparse: $(du -sm "$image" | cut -f1) MiB used), built in $image_seconds s"

step "boot it (qemu)"
# A 1920x1080 virtio GPU (2D: no GPU acceleration, Mesa draws in software) as /dev/dri/card0
# for cage, the PS/2 keyboard and mouse of the q35 machine, no network (the kiosk works
# offline). Not the standard VGA: its kernel driver (bochs) cannot import PRIME buffers before
# Linux 6.6, and Debian 12's wlroots (0.15, under cage) refuses a DRM device without that.
# (-arch-capabilities: some nested KVM hosts refuse that MSR and qemu aborts.)
vm_start() {
  vm_channels_make
  : >"$vm_dir/serial.log"
  qemu-system-x86_64 -name pishkhan-boot-test -machine q35,accel=$accel -cpu $cpu -smp 2 -m 2048 \
    -nodefaults -no-user-config -display none -device virtio-vga,xres=1920,yres=1080 \
    -kernel "$vm_dir/vmlinuz" -initrd "$vm_dir/initrd.img" \
    -append "root=/dev/vda rw console=ttyS0" \
    -drive file="$image",format=raw,if=virtio,cache=unsafe \
    -serial file:"$vm_dir/serial.log" \
    -chardev pipe,id=qmp,path="$vm_dir/qmp" -mon chardev=qmp,mode=control \
    -chardev pipe,id=qga,path="$vm_dir/qga" -device virtio-serial-pci \
    -device virtserialport,chardev=qga,name=org.qemu.guest_agent.0 \
    -nic none >"$vm_dir/qemu.log" 2>&1 &
  qemu_pid=$!
  boot_start=$SECONDS
  vm_channels_open
  qmp_start
}
vm_stop() {
  kill "$qemu_pid" 2>/dev/null || true
  wait "$qemu_pid" 2>/dev/null || true
  qemu_pid=
}
vm_start
if [[ $accel == kvm ]]; then
  # Under working KVM the kernel prints its banner within a second or two.
  for _ in $(seq 30); do grep -q 'Linux version' "$vm_dir/serial.log" && break; sleep 1; done
  if ! grep -q 'Linux version' "$vm_dir/serial.log"; then
    vm_stop
    tcg_reason="under KVM the kernel printed nothing in 30 s"
    use_tcg
    vm_start
  fi
fi

# wait_kiosk LABEL: until pishkhan-kiosk.service is active; prints how long that took.
wait_kiosk() {
  local t0=$SECONDS state=
  vm_wait_agent $((120 * slow)) || fail "$1: the guest agent never answered (did the VM boot?)"
  echo "$1: guest agent answers after $((SECONDS - t0)) s"
  while ((SECONDS - t0 < 180 * slow)); do
    kill -0 "$qemu_pid" 2>/dev/null || fail "$1: qemu exited ($(cat "$vm_dir/qemu.log"))"
    state=$(vm_sh 'systemctl is-active pishkhan-kiosk.service' 10 || true)
    [[ $state == active ]] && break
    [[ $state == failed ]] && break
    sleep 1
  done
  [[ $state == active ]] || {
    vm_sh 'systemctl status --no-pager -l pishkhan-kiosk.service; journalctl -b --no-pager -n 60 -u pishkhan-kiosk.service' 30 || true
    fail "$1: pishkhan-kiosk.service is '$state', not active"
  }
}

# check_kiosk LABEL: the unit's state from inside, with the figures systemd keeps.
check_kiosk() {
  local show
  show=$(vm_sh 'systemctl show pishkhan-kiosk.service -p Type -p ActiveState -p SubState -p StatusText -p NRestarts -p MainPID -p WatchdogUSec -p ExecMainStartTimestampMonotonic -p ActiveEnterTimestampMonotonic' 20) ||
    fail "$1: systemctl show"
  echo "$show" | sed "s/^/$1: /"
  grep -qx 'Type=notify' <<<"$show" || fail "$1: the unit is not Type=notify"
  grep -qx 'SubState=running' <<<"$show" || fail "$1: the kiosk is not running"
  # Type=notify: "active" is only reached once the kiosk sent READY=1; STATUS= proves the
  # notification socket reached the kiosk (cage's child) at all.
  grep -qx 'StatusText=kiosk ready for citizens' <<<"$show" || fail "$1: no STATUS= from the kiosk"
  local failed
  failed=$(vm_sh 'systemctl list-units --failed --plain --no-legend' 20 || true)
  if [[ -n $failed ]]; then
    echo "$1: failed units:" >&2
    echo "$failed" >&2
    grep -q pishkhan <<<"$failed" && fail "$1: a unit of ours failed"
  fi
  # udev reads our rules at every boot: any line it rejects is a device the kiosk cannot open.
  local udev_warnings
  udev_warnings=$(vm_sh 'journalctl -b --no-pager -o cat -u systemd-udevd.service | grep 70-pishkhan.rules' 20 || true)
  [[ -z $udev_warnings ]] || fail "$1: udev rejects lines of 70-pishkhan.rules: $udev_warnings"
  local active_us
  active_us=$(sed -n 's/^ActiveEnterTimestampMonotonic=//p' <<<"$show")
  echo "$1: kiosk active $(awk "BEGIN{printf \"%.1f\", $active_us/1e6}") s after the kernel started (systemd's clock)"
  # The processes from /proc: the minbase image has no ps (procps is not installed).
  vm_sh 'for p in /proc/[0-9]*; do
           case $(cat $p/comm 2>/dev/null) in cage | pishkhan-kiosk)
             echo "$(stat -c %U $p) ${p#/proc/} $(tr "\\0" " " <$p/cmdline)" ;;
           esac
         done; ls -l /dev/dri' 10 | sed "s/^/$1: /" || true
}

wait_kiosk "first boot"
boot_seconds=$((SECONDS - boot_start))
echo "first boot: kiosk active $boot_seconds s after qemu started"
check_kiosk "first boot"
vm_sh 'systemctl is-system-running; systemd-analyze' 20 || true
sleep 3  # a few frames after READY=1
vm_screendump "$vm_dir/kiosk-first-boot.png" || fail "screendump"
echo "screenshot: $vm_dir/kiosk-first-boot.png"
lit=$(vm_screen_lit_percent) || fail "screendump (ppm)"
echo "screen: $lit % not black"
((lit >= 5)) || fail "the screen is black (kiosk-first-boot): the compositor runs but shows nothing"

step "the watchdog is fed: 90 s without a restart"
ping1=$(vm_sh 'systemctl show pishkhan-kiosk.service -p WatchdogTimestampMonotonic --value' 10)
sleep 90  # what is checked, not a time-out: no longer under TCG
show=$(vm_sh 'systemctl show pishkhan-kiosk.service -p NRestarts -p ActiveState -p WatchdogTimestampMonotonic -p MainPID' 10)
echo "$show"
grep -qx 'NRestarts=0' <<<"$show" || fail "the kiosk restarted within 90 s (watchdog or crash)"
grep -qx 'ActiveState=active' <<<"$show" || fail "the kiosk is no longer active"
ping2=$(sed -n 's/^WatchdogTimestampMonotonic=//p' <<<"$show")
((ping2 > ping1)) || fail "no watchdog ping in 90 s ($ping1 -> $ping2)"
echo "watchdog pings: last one moved from $ping1 to $ping2 µs; no restart"

step "systemctl restart pishkhan-kiosk: back into the kiosk, not the service screen"
# What the service screen tells a technician to do. The stop must be clean: a unit that
# "failed" on the way down starts the service screen (OnFailure=), which cancels the start.
since=$(vm_sh 'date +%s' 10) || fail "date in the VM"
old_pid=$(vm_sh 'pidof pishkhan-kiosk' 10) || fail "no kiosk process before the restart"
t0=$SECONDS
vm_sh 'systemctl restart pishkhan-kiosk.service' $((60 * slow)) || {
  vm_sh "journalctl --no-pager --since @$since -u pishkhan-kiosk.service -u pishkhan-service-screen.service" 20 || true
  fail "systemctl restart pishkhan-kiosk failed"
}
echo "restart: systemctl restart returned after $((SECONDS - t0)) s"
stop_log=$(vm_sh "journalctl --no-pager -o short-monotonic --since @$since -u pishkhan-kiosk.service" 20) || fail "journalctl"
head -40 <<<"$stop_log" | sed 's/^/restart: journal: /'
kiosk_state=$(vm_sh 'systemctl is-active pishkhan-kiosk.service' 10 || true)
screen_state=$(vm_sh 'systemctl is-active pishkhan-service-screen.service' 10 || true)
echo "restart: pishkhan-kiosk $kiosk_state, pishkhan-service-screen $screen_state"
[[ $kiosk_state == active ]] || fail "after systemctl restart the kiosk is '$kiosk_state', not active"
[[ $screen_state != active && $screen_state != activating ]] ||
  fail "after systemctl restart the service screen is '$screen_state'"
new_pid=$(vm_sh 'pidof pishkhan-kiosk' 10) || fail "no kiosk process after the restart"
[[ $new_pid != "$old_pid" ]] || fail "the kiosk process is the same ($old_pid): not restarted"
! grep -q "Assertion" <<<"$stop_log" || fail "cage aborted on the stop: $(grep Assertion <<<"$stop_log")"
! grep -q "Failed with result" <<<"$stop_log" || fail "the stop failed the unit: $(grep 'Failed with result' <<<"$stop_log")"
# The kiosk's crash-loop guard must count a technician's restart as a clean exit.
! grep -q "did not exit cleanly" <<<"$stop_log" || fail "the kiosk counted the stop as an unclean exit"
show=$(vm_sh 'systemctl show pishkhan-kiosk.service -p StatusText -p Result -p ExecMainStatus' 10)
echo "$show" | sed 's/^/restart: /'
grep -qx 'StatusText=kiosk ready for citizens' <<<"$show" || fail "after the restart the kiosk is not the citizen screen"
sleep 3
vm_screendump "$vm_dir/kiosk-after-restart.png" || fail "screendump"
echo "screenshot: $vm_dir/kiosk-after-restart.png"
lit=$(vm_screen_lit_percent) || fail "screendump (ppm)"
echo "screen: $lit % not black"
((lit >= 5)) || fail "the screen is black (kiosk-after-restart): the compositor runs but shows nothing"

step "reboot inside the VM: back into the kiosk"
boot_id=$(vm_sh 'cat /proc/sys/kernel/random/boot_id' 10)
vm_sh 'systemctl reboot' 10 || true
t0=$SECONDS
while ((SECONDS - t0 < 120 * slow)); do
  new_id=$(vm_sh 'cat /proc/sys/kernel/random/boot_id' 5 2>/dev/null || true)
  [[ -n $new_id && $new_id != "$boot_id" ]] && break
  sleep 2
done
[[ -n $new_id && $new_id != "$boot_id" ]] || fail "the VM did not come back from reboot"
boot_start=$t0
wait_kiosk "after reboot"
echo "after reboot: kiosk active $((SECONDS - t0)) s after 'systemctl reboot'"
check_kiosk "after reboot"
# The reboot stopped the kiosk with SIGTERM: a clean exit, so it must not count towards a loop.
vm_sh 'journalctl -b -1 --no-pager -u pishkhan-kiosk.service | tail -5' 20 || true
sleep 3
vm_screendump "$vm_dir/kiosk-after-reboot.png" || fail "screendump"
echo "screenshot: $vm_dir/kiosk-after-reboot.png"
lit=$(vm_screen_lit_percent) || fail "screendump (ppm)"
echo "screen: $lit % not black"
((lit >= 5)) || fail "the screen is black (kiosk-after-reboot): the compositor runs but shows nothing"

step "crash loop: the kiosk killed three times shows the service screen"
for i in 1 2 3; do
  pid=$(vm_sh 'pidof pishkhan-kiosk' 10) || fail "no kiosk process to kill (round $i)"
  vm_sh "kill -KILL $pid" 10 || fail "kill $pid"
  # Until systemd restarted it (RestartSec=5) and the new kiosk sent READY=1 again.
  t0=$SECONDS
  while ((SECONDS - t0 < 60 * slow)); do
    new_pid=$(vm_sh 'pidof pishkhan-kiosk' 5 || true)
    state=$(vm_sh 'systemctl is-active pishkhan-kiosk.service' 5 || true)
    [[ -n $new_pid && $new_pid != "$pid" && $state == active ]] && break
    sleep 1
  done
  [[ $state == active ]] || fail "round $i: the kiosk did not come back after kill -9 ($state)"
  echo "round $i: killed $pid, kiosk $new_pid active again after $((SECONDS - t0)) s"
done
show=$(vm_sh 'systemctl show pishkhan-kiosk.service -p NRestarts -p StatusText -p ActiveState' 10)
echo "$show"
grep -qx 'NRestarts=3' <<<"$show" || fail "expected 3 restarts"
# The fourth start found three unclean starts in ten minutes (kiosk/crash_loop.h).
grep -qx 'StatusText=service screen: the kiosk needs a technician' <<<"$show" ||
  fail "after three crashes the kiosk does not show the service screen"
vm_sh 'journalctl -b --no-pager -u pishkhan-kiosk.service | grep -i -E "crash|service screen|unclean" | tail -5' 20 || true
sleep 3
vm_screendump "$vm_dir/kiosk-crash-loop.png" || fail "screendump"
echo "screenshot: $vm_dir/kiosk-crash-loop.png"
lit=$(vm_screen_lit_percent) || fail "screendump (ppm)"
echo "screen: $lit % not black"
((lit >= 5)) || fail "the screen is black (kiosk-crash-loop): the compositor runs but shows nothing"

step "power off"
vm_sh 'systemctl poweroff' 10 || true
for _ in $(seq $((60 * slow))); do kill -0 "$qemu_pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$qemu_pid" 2>/dev/null; then
  qmp '{"execute":"quit"}' >/dev/null || true
fi
wait "$qemu_pid" || true
qemu_pid=

step "passed"
echo "boot test ($accel): image built in $image_seconds s, kiosk active $boot_seconds s after qemu started, passed in $(($(date +%s) - start)) s"
echo "screenshots: $vm_dir/kiosk-first-boot.png $vm_dir/kiosk-after-restart.png $vm_dir/kiosk-after-reboot.png $vm_dir/kiosk-crash-loop.png"
