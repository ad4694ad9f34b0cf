// A pictogram file on arbitrary bytes: no crash; a refusal has a message and the kind
// Malformed; a document that loads draws a coverage image of the size asked, mirrored too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ui/pictograms/svg_document.h"

// Leaks inside Debian's libraries, not ours, that any <text> or entity declaration reaches:
// fontconfig's caches (librsvg lays text out with Pango) live until exit by design, and
// libxml2 keeps an entity's value that librsvg's parser declared. LSan would report each run.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n"
         "leak:xmlParseEntityValue\n";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto document = pk::ui::SvgDocument::parse(bytes, "fuzz.svg");
  if (!document) {
    if (document.error().message.empty() || document.error().kind != pk::ErrorKind::Malformed) std::abort();
    return 0;
  }
  for (const auto mirror : {pk::ui::Mirror::No, pk::ui::Mirror::Yes}) {
    auto ink = document->coverage(17, mirror);
    if (ink && ink->size() != 17U * 17U) std::abort();
    if (!ink && ink.error().message.empty()) std::abort();
  }
  return 0;
}
