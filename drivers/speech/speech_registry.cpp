#include <cstdint>
#include <cstdio>

#include "drivers/speech/espeak_speech.h"
#include "drivers/speech/sim_speech.h"
#include "drivers/speech/speech_output.h"

namespace pk::speech {

SpeechRegistry make_speech_registry() {
  SpeechRegistry registry;
  registry.add<EspeakSpeech>();
  registry.add<SimSpeech>();
  return registry;
}

std::string text_key(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bits
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string("text-") + hex;
}

}  // namespace pk::speech
