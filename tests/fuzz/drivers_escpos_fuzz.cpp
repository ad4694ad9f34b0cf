// Fuzz target drivers_escpos: the first byte picks the parser, the rest is its input, so one
// corpus covers the ESC/POS stream decoder, the status decoder and the device id parser.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "drivers/printer/escpos.h"
#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/ieee1284_id.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::span<const std::uint8_t> input(data + 1, size - 1);
  switch (data[0] % 3) {
    case 0: {
      const auto stream = pk::escpos::decode(input);
      // Every command lies inside the input, and they tile it without gaps.
      std::size_t next = 0;
      for (const auto& command : stream.commands) {
        if (command.offset != next || command.length == 0) __builtin_trap();
        next += command.length;
      }
      if (next != input.size()) __builtin_trap();
      break;
    }
    case 1: {
      if (input.size() < 4) return 0;
      const auto status = pk::escpos::decode_status({input[0], input[1], input[2], input[3]});
      const bool valid = pk::escpos::is_status_byte(input[0]) && pk::escpos::is_status_byte(input[1]) &&
                         pk::escpos::is_status_byte(input[2]) && pk::escpos::is_status_byte(input[3]);
      if (status.ok() != valid) __builtin_trap();
      break;
    }
    default: {
      auto text = pk::device_id_text(input);
      const auto id = pk::parse_ieee1284_id(
          text ? std::string_view(*text)
               : std::string_view(reinterpret_cast<const char*>(input.data()), input.size()));
      (void)id.speaks("ESC/POS");
      break;
    }
  }
  return 0;
}
