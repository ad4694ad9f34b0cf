// A recorded voice file on arbitrary bytes, as the speech driver reads one: no crash; a refusal
// names the file and has the kind Malformed; a sound that decodes is mono, within the accepted
// rates and length, and converts to the device's rate (which needs no audio device).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "drivers/speech/sdl_audio_out.h"
#include "drivers/speech/voice_file.h"

// A leak inside Debian's libraries, not ours: libsndfile does not free libvorbis's header state
// when an Ogg Vorbis file ends inside its headers. The driver tries a bad file only once (it is
// remembered as bad), so the kiosk loses a few KiB per damaged recording at most.
extern "C" const char* __lsan_default_suppressions() { return "leak:libvorbis.so\n"; }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pk::speech;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto sound = decode_voice(bytes, "fuzz.ogg");
  if (!sound) {
    const auto& error = sound.error();
    if (error.kind != pk::ErrorKind::Malformed || error.message.rfind("fuzz.ogg: ", 0) != 0) std::abort();
    return 0;
  }
  if (sound->samples.empty() || sound->rate < kVoiceMinRate || sound->rate > kVoiceMaxRate) std::abort();
  if (sound->samples.size() > static_cast<size_t>(kVoiceMaxSeconds) * static_cast<size_t>(sound->rate))
    std::abort();
  auto device = SdlAudioOut::to_device(*sound, 22050);
  if (!device && device.error().message.empty()) std::abort();
  return 0;
}
