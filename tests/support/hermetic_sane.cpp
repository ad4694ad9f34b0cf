// Linked into test binaries whose code asks SANE for scanners (device set-up, the technician
// screens): SANE reads the test tree's configuration, which enables only its `test` backend,
// instead of the machine's /etc/sane.d. The tests then see the same scanners on every machine,
// and no backend that leaks at sane_exit() (LeakSanitizer fails the test) is ever loaded.
#include <cstdlib>

namespace {

const bool kSaneConfigured = [] {
  ::setenv("SANE_CONFIG_DIR", PK_SANE_TEST_CONFIG_DIR, 1);
  return true;
}();

}  // namespace
