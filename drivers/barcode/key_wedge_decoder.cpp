#include "drivers/barcode/key_wedge_decoder.h"

#include <linux/input-event-codes.h>

#include <array>
#include <utility>

namespace pk::barcode {
namespace {

// US layout: key code -> (unshifted, shifted). 0 means the key types nothing.
struct Keys {
  char plain;
  char shifted;
};

constexpr std::array<std::pair<std::uint16_t, Keys>, 60> kMain{{
    {KEY_1, {'1', '!'}},
    {KEY_2, {'2', '@'}},
    {KEY_3, {'3', '#'}},
    {KEY_4, {'4', '$'}},
    {KEY_5, {'5', '%'}},
    {KEY_6, {'6', '^'}},
    {KEY_7, {'7', '&'}},
    {KEY_8, {'8', '*'}},
    {KEY_9, {'9', '('}},
    {KEY_0, {'0', ')'}},
    {KEY_MINUS, {'-', '_'}},
    {KEY_EQUAL, {'=', '+'}},
    {KEY_Q, {'q', 'Q'}},
    {KEY_W, {'w', 'W'}},
    {KEY_E, {'e', 'E'}},
    {KEY_R, {'r', 'R'}},
    {KEY_T, {'t', 'T'}},
    {KEY_Y, {'y', 'Y'}},
    {KEY_U, {'u', 'U'}},
    {KEY_I, {'i', 'I'}},
    {KEY_O, {'o', 'O'}},
    {KEY_P, {'p', 'P'}},
    {KEY_LEFTBRACE, {'[', '{'}},
    {KEY_RIGHTBRACE, {']', '}'}},
    {KEY_A, {'a', 'A'}},
    {KEY_S, {'s', 'S'}},
    {KEY_D, {'d', 'D'}},
    {KEY_F, {'f', 'F'}},
    {KEY_G, {'g', 'G'}},
    {KEY_H, {'h', 'H'}},
    {KEY_J, {'j', 'J'}},
    {KEY_K, {'k', 'K'}},
    {KEY_L, {'l', 'L'}},
    {KEY_SEMICOLON, {';', ':'}},
    {KEY_APOSTROPHE, {'\'', '"'}},
    {KEY_GRAVE, {'`', '~'}},
    {KEY_BACKSLASH, {'\\', '|'}},
    {KEY_Z, {'z', 'Z'}},
    {KEY_X, {'x', 'X'}},
    {KEY_C, {'c', 'C'}},
    {KEY_V, {'v', 'V'}},
    {KEY_B, {'b', 'B'}},
    {KEY_N, {'n', 'N'}},
    {KEY_M, {'m', 'M'}},
    {KEY_COMMA, {',', '<'}},
    {KEY_DOT, {'.', '>'}},
    {KEY_SLASH, {'/', '?'}},
    {KEY_SPACE, {' ', ' '}},
    // The keypad types the same with or without Shift (scanners send it for digits).
    {KEY_KP0, {'0', '0'}},
    {KEY_KP1, {'1', '1'}},
    {KEY_KP2, {'2', '2'}},
    {KEY_KP3, {'3', '3'}},
    {KEY_KP4, {'4', '4'}},
    {KEY_KP5, {'5', '5'}},
    {KEY_KP6, {'6', '6'}},
    {KEY_KP7, {'7', '7'}},
    {KEY_KP8, {'8', '8'}},
    {KEY_KP9, {'9', '9'}},
    {KEY_KPMINUS, {'-', '-'}},
    {KEY_KPPLUS, {'+', '+'}},
}};

constexpr std::array<std::pair<std::uint16_t, char>, 3> kKeypadExtra{
    {{KEY_KPASTERISK, '*'}, {KEY_KPSLASH, '/'}, {KEY_KPDOT, '.'}}};

const Keys* find_key(std::uint16_t code) {
  for (const auto& [key, chars] : kMain) {
    if (key == code) return &chars;
  }
  return nullptr;
}

bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

void KeyWedgeDecoder::reset() { m_current = {}; }

std::optional<DecodedScan> KeyWedgeDecoder::feed(const KeyEvent& event) {
  if (event.type == EV_SYN && event.code == SYN_DROPPED) {
    m_current = {};
    m_current.events_lost = true;
    m_left_shift = m_right_shift = false;
    return std::nullopt;
  }
  if (event.type != EV_KEY) return std::nullopt;
  const bool pressed = event.value == 1;
  switch (event.code) {
    case KEY_LEFTSHIFT:
      m_left_shift = event.value != 0;
      return std::nullopt;
    case KEY_RIGHTSHIFT:
      m_right_shift = event.value != 0;
      return std::nullopt;
    case KEY_CAPSLOCK:
      if (pressed) m_caps_lock = !m_caps_lock;
      return std::nullopt;
    case KEY_NUMLOCK:
    case KEY_LEFTCTRL:
    case KEY_RIGHTCTRL:
    case KEY_LEFTALT:
    case KEY_RIGHTALT:
      return std::nullopt;  // modifiers type nothing by themselves
    default:
      break;
  }
  if (!pressed) return std::nullopt;  // releases and autorepeat (a scanner never holds a key)
  const bool enter = event.code == KEY_ENTER || event.code == KEY_KPENTER;
  const bool tab = event.code == KEY_TAB;
  const bool terminates =
      (enter && m_terminator != Terminator::Tab) || (tab && m_terminator != Terminator::Enter);
  if (terminates) {
    if (!in_progress()) return std::nullopt;  // an empty line is not a scan
    DecodedScan done = std::move(m_current);
    m_current = {};
    if (done.events_lost) done.text.clear();  // what was typed after the loss is a fragment
    return done;
  }
  const bool shift = m_left_shift || m_right_shift;
  if (const Keys* keys = find_key(event.code); keys != nullptr) {
    char c = shift ? keys->shifted : keys->plain;
    if (m_caps_lock && is_letter(keys->plain))
      c = shift ? keys->plain : keys->shifted;  // Caps inverts letters only
    m_current.text.push_back(c);
    return std::nullopt;
  }
  for (const auto& [key, c] : kKeypadExtra) {
    if (key == event.code) {
      m_current.text.push_back(c);
      return std::nullopt;
    }
  }
  m_current.unknown_keys = true;
  return std::nullopt;
}

}  // namespace pk::barcode
