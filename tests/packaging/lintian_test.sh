#!/usr/bin/env bash
# Debian's own package checker on the two .debs: lintian with the Debian profile must find no
# error and no warning. A warning that is kept on purpose is overridden in the package itself
# (packaging/debian/<component>-lintian-overrides, each line with a comment saying why), so the
# reason travels with the package. Info and pedantic tags are shown but do not fail.
#
#   tests/packaging/lintian_test.sh [BUILD_DIR]    (default build/release; no root needed)
#
# Builds the packages like the install test (cpack -G DEB in BUILD_DIR, or the .debs in
# PK_PACKAGING_DEBS as they are). Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../.."
top=$PWD
build=${1:-build/release}
cache=$top/build/packaging-cache
fail() { echo "lintian test FAILED: $*" >&2; exit 1; }

command -v lintian >/dev/null || fail "lintian missing (scripts/bootstrap installs it)"
command -v cpack >/dev/null || fail "cpack missing (scripts/bootstrap installs cmake)"
source "$top/tests/packaging/lib.sh"

pk_build_debs
mkdir -p "$cache"
log=$cache/lintian.log
# --fail-on error,warning: the exit status says whether any error or warning was left
# (overridden tags are not counted); -I --show-overrides: the info tags and the overrides too.
status=0
lintian --profile debian --fail-on error,warning -I --show-overrides "$kiosk_deb" "$centre_deb" >"$log" 2>&1 ||
  status=$?
cat "$log"
errors=$(grep -c '^E: ' "$log" || true)
warnings=$(grep -c '^W: ' "$log" || true)
overridden=$(grep -c '^O: ' "$log" || true)
echo "lintian: $errors error(s), $warnings warning(s), $overridden overridden (log: $log)"
((status == 0 && errors == 0 && warnings == 0)) || fail "lintian found errors or warnings (exit status $status)"
echo "lintian test: passed"
