#pragma once
// Wiping a citizen's data from memory: the bytes are overwritten (sodium_memzero, which the
// compiler may not optimise away) before the buffers are freed. Here in base/ so every layer
// that holds identity text (the kiosk's flows, the text engine's cache, the card reader's
// replies) wipes it the same way.
//
// A std::string of up to 15 bytes keeps its characters inside the object itself (small-string
// optimisation), on the stack or in the object holding it: wiping through the string, as
// these do, covers both cases. What they cannot reach is a copy a string or vector left behind
// when it grew: reserve() before appending to one that will hold identity text.
#include <cstddef>
#include <string>
#include <type_traits>
#include <vector>

namespace pk {

// Zeroes a plain buffer in place.
void secure_wipe(void* data, size_t size);

// The whole capacity is zeroed (a string that shrank keeps old characters past its size),
// then the storage is released: the string or vector is left empty.
template <class Char>
void secure_wipe(std::basic_string<Char>& text) {
  text.resize(text.capacity());
  secure_wipe(text.data(), text.size() * sizeof(Char));
  text.clear();
  text.shrink_to_fit();
}
template <class T>
requires std::is_trivially_copyable_v<T>
void secure_wipe(std::vector<T>& values) {
  values.resize(values.capacity());
  secure_wipe(values.data(), values.size() * sizeof(T));
  values.clear();
  values.shrink_to_fit();
}

// Wipes a string or vector when the scope ends, on every path out of it: a screen's or a
// request's temporary copy of identity text (the mobile number in Persian digits for one
// frame, a passport's DG1 as read) is gone with the scope.
template <class Wipeable>
class WipeAtScopeEnd {
 public:
  explicit WipeAtScopeEnd(Wipeable& data) : m_data(data) {}
  ~WipeAtScopeEnd() { secure_wipe(m_data); }
  WipeAtScopeEnd(const WipeAtScopeEnd&) = delete;
  WipeAtScopeEnd& operator=(const WipeAtScopeEnd&) = delete;

 private:
  Wipeable& m_data;
};

// Zeroes 256 KiB of the calling thread's stack below the caller's frame: the residue of the
// deeper calls that ran before (a national code in a small string that lived on the stack of a
// function that has returned). Call it from a shallow frame, such as the frame loop.
void scrub_stack_below();

}  // namespace pk
