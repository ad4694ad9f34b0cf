#pragma once
// --headless --wipe-probe: the subject of the memory test (tests/integration/memory_wipe_test.cpp).
//
// Reads one line "NATIONAL_CODE MOBILE" (ASCII digits) from standard input, applies with them as
// a citizen would (the keypad tapped key by key, documents scanned on the simulated scanner, the
// application submitted), then leaves the kiosk alone: the frame loop's session clock puts up
// "more time?" after ui.idle_timeout_seconds and wipes the session when nobody answers. It then
// prints "wiped" on standard output and stays idle, as a kiosk at its welcome screen does,
// until standard input is closed, so that the test can read the process's memory meanwhile.
//
// The identity is read with read(2) into a buffer the probe wipes, never into stdio's buffers
// or the command line, so that any copy found later is the kiosk's own.
#include "kiosk/app.h"

namespace pk::kiosk {

// Exit code: 0 when wiped and stdin closed, 1 when the journey or the wipe failed, 2 for input
// that is not two numbers.
int run_wipe_probe(App& app);

}  // namespace pk::kiosk
