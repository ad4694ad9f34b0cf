#pragma once
// Turns the key events a keyboard-wedge barcode scanner sends into the code's text. Scanners
// "type" with a US layout: Shift pressed around capitals and symbols, digits from the main row
// or the keypad (many scanners send keypad codes, some with NumLock semantics), and a
// terminator key (Enter by default) after the code. Keys it cannot map are not guessed: the
// code is reported with problem set, so the caller can show "could not read, scan again".
//
// When the kernel's event buffer for this reader overflows, it drops events and says so with
// SYN_DROPPED: the code being typed then lacks some keys, or the tail of one code runs into the
// next. The decoder never passes such a code on: everything up to the next terminator is dropped
// and the code is reported with events_lost set. Shift is taken as released (its release may be
// among the lost events; a scanner presses Shift around one character, never across a code).
#include <cstdint>
#include <optional>
#include <string>

namespace pk::barcode {

// The fields of a Linux `struct input_event` that matter here.
struct KeyEvent {
  std::uint16_t type = 0;  // EV_KEY, EV_SYN, EV_MSC...
  std::uint16_t code = 0;  // KEY_A, KEY_KP1...
  std::int32_t value = 0;  // 1 press, 0 release, 2 autorepeat
};

struct DecodedScan {
  std::string text;
  bool unknown_keys = false;  // some key had no mapping; text holds the rest
  bool events_lost = false;   // the kernel dropped events (SYN_DROPPED) in it: text is empty
};

enum class Terminator : std::uint8_t { Enter, Tab, EnterOrTab };

class KeyWedgeDecoder {
 public:
  explicit KeyWedgeDecoder(Terminator terminator = Terminator::Enter) : m_terminator(terminator) {}
  // A finished code when this event was its terminator.
  [[nodiscard]] std::optional<DecodedScan> feed(const KeyEvent& event);
  // Drops a half-typed code (a timeout between keys, or the device went away).
  void reset();
  [[nodiscard]] bool in_progress() const {
    return !m_current.text.empty() || m_current.unknown_keys || m_current.events_lost;
  }

 private:
  Terminator m_terminator;
  bool m_left_shift = false;
  bool m_right_shift = false;
  bool m_caps_lock = false;
  DecodedScan m_current;
};

}  // namespace pk::barcode
