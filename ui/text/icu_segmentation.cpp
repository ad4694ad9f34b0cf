#include "ui/text/icu_segmentation.h"

#include <unicode/ubrk.h>

#include <memory>
#include <string>

#include "base/secure_wipe.h"
#include "ui/text/unicode_props.h"

namespace pk::ui {
namespace {

struct CloseIterator {
  void operator()(UBreakIterator* iterator) const { ubrk_close(iterator); }
};
using IteratorPtr = std::unique_ptr<UBreakIterator, CloseIterator>;

// Opens once per thread; nullptr when ICU cannot (its data library missing), and then the
// callers fall back to breaks a reader can live with rather than stopping the kiosk.
UBreakIterator* cached_iterator(UBreakIteratorType type, const char* locale) {
  const auto open = [&] {
    UErrorCode status = U_ZERO_ERROR;
    IteratorPtr iterator(ubrk_open(type, locale, nullptr, 0, &status));
    return U_SUCCESS(status) ? std::move(iterator) : IteratorPtr{};
  };
  if (type == UBRK_LINE) {
    thread_local const IteratorPtr line = open();
    return line.get();
  }
  thread_local const IteratorPtr character = open();
  return character.get();
}

constexpr bool is_scalar(char32_t cp) { return cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF); }
// A code point that is not a Unicode scalar value is read by ICU as one U+FFFD.
constexpr int32_t utf16_units(char32_t cp) { return is_scalar(cp) && cp > 0xFFFF ? 2 : 1; }

// The text as ICU reads it, attached to `iterator` for this object's lifetime; on the way out
// the iterator is pointed at an empty string and the copy is zeroed.
class AttachedText {
 public:
  AttachedText(UBreakIterator* iterator, std::u32string_view text) : m_iterator(iterator) {
    m_units.reserve(text.size() * 2);  // never reallocated: no unwiped copy left behind
    for (const char32_t cp : text) {
      if (!is_scalar(cp)) {
        m_units.push_back(u'\uFFFD');
      } else if (cp > 0xFFFF) {
        m_units.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
        m_units.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
      } else {
        m_units.push_back(static_cast<char16_t>(cp));
      }
    }
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(m_iterator, m_units.data(), static_cast<int32_t>(m_units.size()), &status);
    m_attached = U_SUCCESS(status);
  }
  ~AttachedText() {
    static const UChar kEmpty[1] = {0};
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(m_iterator, kEmpty, 0, &status);
    secure_wipe(m_units);
  }
  AttachedText(const AttachedText&) = delete;
  AttachedText& operator=(const AttachedText&) = delete;

  [[nodiscard]] bool attached() const { return m_attached; }

 private:
  UBreakIterator* m_iterator;
  std::u16string m_units;
  bool m_attached = false;
};

// Maps ascending UTF-16 offsets back to code point indices in one pass.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::u32string_view text) : m_text(text) {}
  uint32_t of_unit(int32_t unit) {
    while (m_unit < unit && m_index < m_text.size()) m_unit += utf16_units(m_text[m_index++]);
    return static_cast<uint32_t>(m_index);
  }

 private:
  std::u32string_view m_text;
  size_t m_index = 0;
  int32_t m_unit = 0;
};

std::vector<LineBreakAfter> fallback_line_breaks(std::u32string_view text) {
  std::vector<LineBreakAfter> out(text.size(), LineBreakAfter::None);
  for (size_t i = 0; i < text.size(); ++i) {
    if (is_line_separator(text[i]) && !(text[i] == U'\r' && i + 1 < text.size() && text[i + 1] == U'\n')) {
      out[i] = LineBreakAfter::Mandatory;
    } else if (is_hanging_space(text[i])) {
      out[i] = LineBreakAfter::Allowed;
    }
  }
  if (!text.empty() && out.back() == LineBreakAfter::None) out.back() = LineBreakAfter::Allowed;
  return out;
}

}  // namespace

std::vector<LineBreakAfter> icu_line_breaks(std::u32string_view text) {
  if (text.empty()) return {};
  UBreakIterator* iterator = cached_iterator(UBRK_LINE, "fa");
  if (iterator == nullptr) return fallback_line_breaks(text);
  const AttachedText attached(iterator, text);
  if (!attached.attached()) return fallback_line_breaks(text);
  std::vector<LineBreakAfter> out(text.size(), LineBreakAfter::None);
  CodePointIndex index(text);
  for (int32_t unit = ubrk_next(iterator); unit != UBRK_DONE; unit = ubrk_next(iterator)) {
    const uint32_t after = index.of_unit(unit);
    if (after == 0) continue;
    const int32_t status = ubrk_getRuleStatus(iterator);
    out[after - 1] = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT ? LineBreakAfter::Mandatory
                                                                               : LineBreakAfter::Allowed;
  }
  return out;
}

std::vector<uint32_t> icu_grapheme_boundaries(std::u32string_view text) {
  std::vector<uint32_t> out{0};
  if (text.empty()) return out;
  const auto every_code_point = [&] {
    for (uint32_t i = 1; i <= text.size(); ++i) out.push_back(i);
    return out;
  };
  UBreakIterator* iterator = cached_iterator(UBRK_CHARACTER, "");
  if (iterator == nullptr) return every_code_point();
  const AttachedText attached(iterator, text);
  if (!attached.attached()) return every_code_point();
  CodePointIndex index(text);
  for (int32_t unit = ubrk_next(iterator); unit != UBRK_DONE; unit = ubrk_next(iterator)) {
    out.push_back(index.of_unit(unit));
  }
  return out;
}

}  // namespace pk::ui
