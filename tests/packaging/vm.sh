# Talking to a qemu virtual machine from bash; sourced by boot_test.sh, not run. Both channels
# are qemu "pipe" character devices (a pair of FIFOs each: NAME.in qemu reads, NAME.out it
# writes), so no TCP port can clash with another test and no client program is needed:
#   - the QEMU Machine Protocol (QMP): screendump of the VM's screen, quit;
#   - the QEMU guest agent (qemu-guest-agent inside the VM, on a virtio-serial port): runs
#     commands inside and returns their output and exit status, so the test looks at the booted
#     system from the outside, with nothing typed into its consoles.
# Needs $vm_dir (the FIFOs' folder), jq and base64, and a fail().

# Opens both channels (file descriptors 5/6 for QMP, 7/8 for the agent).
vm_channels_open() {
  exec 5>"$vm_dir/qmp.in" 6<"$vm_dir/qmp.out" 7>"$vm_dir/qga.in" 8<"$vm_dir/qga.out"
}

vm_channels_make() {
  local f
  for f in qmp.in qmp.out qga.in qga.out; do
    rm -f "$vm_dir/$f"
    mkfifo "$vm_dir/$f"
  done
}

# qmp JSON: sends one command and prints its "return" (skipping events); fails on "error".
qmp() {
  printf '%s\n' "$1" >&5
  local line deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    IFS= read -r -t 5 -u 6 line || continue
    if jq -e 'has("return")' <<<"$line" >/dev/null 2>&1; then
      jq -c '.return' <<<"$line"
      return 0
    fi
    if jq -e 'has("error")' <<<"$line" >/dev/null 2>&1; then
      echo "qmp: $line" >&2
      return 1
    fi
  done
  echo "qmp: no answer to $1" >&2
  return 1
}

qmp_start() {
  # The greeting first, then capabilities negotiation.
  local line
  IFS= read -r -t 30 -u 6 line || fail "qemu's QMP said nothing"
  jq -e '.QMP' <<<"$line" >/dev/null || fail "not a QMP greeting: $line"
  qmp '{"execute":"qmp_capabilities"}' >/dev/null || fail "qmp_capabilities"
}

# vm_screendump FILE.png: what the VM's display shows, as PNG (qemu writes PNG itself).
vm_screendump() {
  rm -f "$1"
  qmp "{\"execute\":\"screendump\",\"arguments\":{\"filename\":\"$1\",\"format\":\"png\"}}" >/dev/null || return 1
  [[ -s $1 ]]
}

# vm_screen_lit_percent: how much of the VM's screen is not black, in percent of the bytes of a
# raw PPM screendump (a black screen: the compositor runs but nothing is drawn).
vm_screen_lit_percent() {
  local ppm=$vm_dir/screen.ppm total lit
  rm -f "$ppm"
  qmp "{\"execute\":\"screendump\",\"arguments\":{\"filename\":\"$ppm\",\"format\":\"ppm\"}}" >/dev/null || return 1
  total=$(stat -c %s "$ppm")
  lit=$(tr -d '\000' <"$ppm" | wc -c)
  echo $((lit * 100 / total))
}

# qga JSON [TIMEOUT]: one agent command; prints the answer's "return". The agent's pipe may
# still hold an answer to a request of an earlier boot, so every command is preceded by
# guest-sync-delimited with a fresh id, and answers are read until that id comes back.
qga_sync() {
  local id=$((RANDOM * 32768 + RANDOM)) line deadline=$((SECONDS + ${1:-10}))
  # 0xFF resets the agent's JSON parser, should half a request be left in it.
  printf '\xff{"execute":"guest-sync-delimited","arguments":{"id":%d}}\n' "$id" >&7
  while ((SECONDS < deadline)); do
    IFS= read -r -t 2 -u 8 line || continue
    line=${line#*$'\xff'}
    [[ $(jq -r '.return? // empty' <<<"$line" 2>/dev/null) == "$id" ]] && return 0
  done
  return 1
}

qga() {
  local line deadline=$((SECONDS + ${2:-30}))
  qga_sync 10 || return 1
  printf '%s\n' "$1" >&7
  while ((SECONDS < deadline)); do
    IFS= read -r -t 2 -u 8 line || continue
    line=${line#*$'\xff'}
    if jq -e 'has("return")' <<<"$line" >/dev/null 2>&1; then
      jq -c '.return' <<<"$line"
      return 0
    fi
    if jq -e 'has("error")' <<<"$line" >/dev/null 2>&1; then
      echo "guest agent: $line" >&2
      return 1
    fi
  done
  return 1
}

# vm_wait_agent TIMEOUT: until the guest agent answers (the VM has booted that far).
vm_wait_agent() {
  local deadline=$((SECONDS + $1))
  while ((SECONDS < deadline)); do
    qga_sync 3 && return 0
  done
  return 1
}

# vm_sh 'shell command' [TIMEOUT]: runs it in the VM as root (sh -c); prints its standard
# output (its standard error goes to ours) and returns its exit status; 255 when the agent
# could not run it.
vm_sh() {
  local request reply pid status deadline=$((SECONDS + ${2:-60}))
  request=$(jq -cn --arg c "$1" '{execute:"guest-exec",arguments:{path:"/bin/sh",arg:["-c",$c],"capture-output":true}}')
  reply=$(qga "$request") || return 255
  pid=$(jq -r '.pid' <<<"$reply")
  while ((SECONDS < deadline)); do
    status=$(qga "{\"execute\":\"guest-exec-status\",\"arguments\":{\"pid\":$pid}}") || return 255
    if [[ $(jq -r '.exited' <<<"$status") == true ]]; then
      jq -r '."out-data" // empty' <<<"$status" | base64 -d
      jq -r '."err-data" // empty' <<<"$status" | base64 -d >&2
      return "$(jq -r '.exitcode // 255' <<<"$status")"
    fi
    sleep 0.2
  done
  echo "vm_sh: '$1' still running after ${2:-60} s" >&2
  return 255
}
