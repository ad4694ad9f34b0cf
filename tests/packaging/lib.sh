# Shared by the packaging tests (install_test.sh, boot_test.sh); sourced, not run. Needs $top
# (the source tree), $build (a CMake build folder), $cache (build/packaging-cache) and a fail().
#
#   pk_find_mirror        sets $mirror and $security from this machine's apt sources
#   pk_build_debs         cpack -G DEB in $build (or PK_PACKAGING_DEBS); sets $kiosk_deb, $centre_deb
#   pk_clean_root DIR     a clean Debian 12 minbase root in DIR, from the cached debootstrap
#   pk_chroot_prepare     mounts /proc, /sys, /dev and the apt cache in $root; no service starts
#   pk_chroot_release     undoes pk_chroot_prepare (the root is then a plain folder again)
#   in_root CMD...        runs CMD in $root with a clean environment

suite=bookworm
arch=$(dpkg --print-architecture)

pk_find_mirror() {
  # The mirror apt is configured with here (PK_DEBIAN_MIRROR overrides).
  mirror=${PK_DEBIAN_MIRROR:-}
  if [[ -z "$mirror" ]]; then
    mirror=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -1 || true)
    [[ -n "$mirror" ]] || mirror=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -1 || true)
  fi
  security=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep security | head -1 || true)
  [[ -n "$mirror" ]] || fail "no Debian mirror found in /etc/apt/sources.list*; set PK_DEBIAN_MIRROR"
  echo "mirror: $mirror${security:+ (security: $security)}"
}

pk_build_debs() {
  # PK_PACKAGING_DEBS=folder: the .debs made earlier (e.g. by the install test) are tested as
  # they are, without building.
  if [[ -n ${PK_PACKAGING_DEBS:-} ]]; then
    kiosk_deb=$(ls "$PK_PACKAGING_DEBS"/pishkhan-kiosk_*_"$arch".deb)
    centre_deb=$(ls "$PK_PACKAGING_DEBS"/pishkhan-centre_*_"$arch".deb)
    ls -l "$kiosk_deb" "$centre_deb"
    return
  fi
  [[ -f $build/CMakeCache.txt ]] || cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j"$(nproc)" --target pishkhan-kiosk pishkhan-centre pk_udev_rules pk_debian_docs
  rm -rf "$build/deb"
  (cd "$build" && cpack -G DEB -B "$top/$build/deb" >/dev/null)
  kiosk_deb=$(ls "$build"/deb/pishkhan-kiosk_*_"$arch".deb)
  centre_deb=$(ls "$build"/deb/pishkhan-centre_*_"$arch".deb)
  ls -l "$kiosk_deb" "$centre_deb"
}

pk_clean_root() {
  local dir=$1 include=systemd,udev
  mkdir -p "$cache/apt-archives/partial"
  local tarball=$cache/$suite-minbase-$arch.tgz
  if [[ ! -s $tarball ]]; then
    debootstrap --variant=minbase --include=$include --make-tarball="$tarball.part" "$suite" "$cache/tarball-work" "$mirror" \
      >"$cache/debootstrap-tarball.log" 2>&1 || { tail -20 "$cache/debootstrap-tarball.log"; fail "debootstrap --make-tarball"; }
    mv "$tarball.part" "$tarball"
    rm -rf "$cache/tarball-work"
  fi
  # debootstrap's second stage (dpkg configuring ~100 packages) takes minutes on a busy disk;
  # the finished, untouched root is kept as a second tarball so re-runs only unpack it. Two
  # tests may want it at once: whoever makes it holds the lock.
  local root_tar=$cache/$suite-minbase-$arch-root.tar
  (
    flock 9
    if [[ ! -s $root_tar || $root_tar -ot $tarball ]]; then
      debootstrap --variant=minbase --include=$include --unpack-tarball="$tarball" "$suite" "$dir" "$mirror" \
        >"$cache/debootstrap.log" 2>&1 || { tail -20 "$cache/debootstrap.log"; fail "debootstrap"; }
      tar -C "$dir" --one-file-system -cf "$root_tar.part" . && mv "$root_tar.part" "$root_tar"
    else
      tar -C "$dir" -xf "$root_tar"
    fi
  ) 9>"$cache/root-tar.lock"
  chmod 0755 "$dir"  # mktemp makes it 0700 (and tar restores that): the root's users need "/"
}

pk_chroot_prepare() {
  mount -t proc proc "$root/proc"
  mount -t sysfs sys "$root/sys"
  mount --bind /dev "$root/dev"
  mount --bind /dev/pts "$root/dev/pts"
  mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
  # Nothing starts services in a chroot (deb-systemd-invoke and invoke-rc.d ask policy-rc.d).
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 0755 "$root/usr/sbin/policy-rc.d"
  # A throw-away root: no fsync after every file dpkg unpacks.
  echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/pishkhan-install-test"
  {
    echo "deb $mirror $suite main"
    echo "deb $mirror $suite-updates main"
    [[ -n "$security" ]] && echo "deb $security $suite-security main"
  } >"$root/etc/apt/sources.list"
  # Keep what apt fetched (the cache is this machine's folder); root may read it all.
  printf 'Binary::apt::APT::Keep-Downloaded-Packages "true";\nAPT::Sandbox::User "root";\n' \
    >"$root/etc/apt/apt.conf.d/90pishkhan-install-test"
}

pk_chroot_release() {
  local m
  for m in var/cache/apt/archives dev/pts dev proc sys; do
    mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m"
  done
  rm -f "$root/usr/sbin/policy-rc.d" "$root/etc/dpkg/dpkg.cfg.d/pishkhan-install-test" \
    "$root/etc/apt/apt.conf.d/90pishkhan-install-test"
}

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
