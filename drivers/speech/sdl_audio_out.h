#pragma once
// One SDL audio output device fed by a queue (SDL_QueueAudio), 16-bit mono at the synthesizer's
// rate. SDL picks the backend (PulseAudio, ALSA, ...); SDL_AUDIODRIVER=disk writes the samples
// to the file SDL_DISKAUDIOFILE names, which is how the tests listen. Queue calls are safe from
// any thread (SDL locks the device).
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "domain/result.h"
#include "drivers/speech/voice_file.h"

namespace pk::speech {

class SdlAudioOut {
 public:
  [[nodiscard]] static Result<std::unique_ptr<SdlAudioOut>> open(int sample_rate);
  ~SdlAudioOut();
  SdlAudioOut(const SdlAudioOut&) = delete;
  SdlAudioOut& operator=(const SdlAudioOut&) = delete;

  [[nodiscard]] int sample_rate() const { return m_sample_rate; }
  [[nodiscard]] const char* driver_name() const;

  void queue(std::span<const std::int16_t> samples);
  void clear();  // drops what is queued and not yet played: the utterance is cut off
  [[nodiscard]] bool busy() const;

  // A decoded recording (voice_file.h) resampled to `rate`, mono 16-bit: what queue() takes.
  // Needs no open device. A sound SDL cannot convert, or none left after resampling, is an error
  // of kind Malformed.
  [[nodiscard]] static Result<std::vector<std::int16_t>> to_device(const DecodedSound& sound, int rate);

  // Frees what SDL keeps for the calling thread (its error text): a thread SDL did not start
  // (the speech worker) calls it before it ends.
  static void release_thread();

 private:
  SdlAudioOut() = default;
  std::uint32_t m_device = 0;  // an SDL_AudioDeviceID
  int m_sample_rate = 0;
};

}  // namespace pk::speech
