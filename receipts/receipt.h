#pragma once
// A receipt described once, as plain data: blocks from top to bottom. The same description is
// rendered for 58 mm and 80 mm paper and for printers with or without native QR / Code 128
// (receipt_render.h, receipt_print_job.h); nothing here knows about dots except Spacer.
//
// Direction comes from the receipt's language: a Persian receipt is right to left, so the
// "start" edge (where Text aligned Start and KeyValue labels go) is the right edge; an
// English receipt starts at the left edge.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "domain/language.h"

namespace pk::receipts {

enum class Align : std::uint8_t { Start, Center, End };
enum class TextSize : std::uint8_t { Small, Normal, Large, Huge };
enum class Emphasis : std::uint8_t { Regular, Bold };

// A small procedural emblem (a sun-burst in a ring) above the title. Offices without a
// licensed logo file still get a recognisable head on the paper.
struct Logo {};

// The receipt's name, centred and bold: "رسید ثبت درخواست".
struct Title {
  std::string text;
};

// A paragraph; wraps within the margins. Text in the other script (an English name on a
// Persian receipt) is placed by the bidi algorithm inside the receipt's direction.
struct Text {
  std::string text;
  Align align = Align::Start;
  TextSize size = TextSize::Normal;
  Emphasis emphasis = Emphasis::Regular;
};

// Label at the start edge, value at the end edge; a long value wraps towards the end edge.
struct KeyValue {
  std::string label;
  std::string value;
};

// A QR code of `data` (ASCII for tracking codes), centred.
struct Qr {
  std::string data;
};

// A Code 128 barcode of `data` (ASCII 32..126), centred.
struct Barcode128 {
  std::string data;
};

struct DashedRule {};

struct Spacer {
  int dots = 16;
};

// Small centred text at the very end (where disputes go, the terminal's signature).
struct Footer {
  std::string text;
};

using Block = std::variant<Logo, Title, Text, KeyValue, Qr, Barcode128, DashedRule, Spacer, Footer>;

struct Receipt {
  Language language = Language::Persian;
  std::vector<Block> blocks;
};

}  // namespace pk::receipts
