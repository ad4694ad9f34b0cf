#include "drivers/speech/sdl_audio_out.h"

#include <SDL.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

namespace pk::speech {

namespace {

constexpr Uint16 kFormat = AUDIO_S16SYS;

Error sdl_error(ErrorKind kind, const std::string& what) {
  return make_error(kind, what + ": " + SDL_GetError());
}

}  // namespace

Result<std::unique_ptr<SdlAudioOut>> SdlAudioOut::open(int sample_rate) {
  // The audio subsystem is counted apart from the video the platform starts.
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return sdl_error(ErrorKind::Unavailable, "SDL audio");
  std::unique_ptr<SdlAudioOut> out(new SdlAudioOut());
  SDL_AudioSpec want{};
  want.freq = sample_rate;
  want.format = kFormat;
  want.channels = 1;
  want.samples = 512;  // about 23 ms at 22050 Hz: the first sound is not held behind a long buffer
  SDL_AudioSpec have{};
  // No allowed changes: SDL converts to whatever the hardware wants, so the queue is always ours.
  out->m_device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
  if (out->m_device == 0) {
    Error error = sdl_error(ErrorKind::NotFound, "no audio output");
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return error;
  }
  out->m_sample_rate = sample_rate;
  SDL_PauseAudioDevice(out->m_device, 0);
  return out;
}

SdlAudioOut::~SdlAudioOut() {
  SDL_CloseAudioDevice(m_device);
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

const char* SdlAudioOut::driver_name() const {
  const char* name = SDL_GetCurrentAudioDriver();
  return name ? name : "?";
}

void SdlAudioOut::queue(std::span<const std::int16_t> samples) {
  if (samples.empty()) return;
  SDL_QueueAudio(m_device, samples.data(), static_cast<Uint32>(samples.size_bytes()));
}

void SdlAudioOut::clear() { SDL_ClearQueuedAudio(m_device); }

void SdlAudioOut::release_thread() { SDL_TLSCleanup(); }

bool SdlAudioOut::busy() const { return SDL_GetQueuedAudioSize(m_device) > 0; }

Result<std::vector<std::int16_t>> SdlAudioOut::to_device(const DecodedSound& sound, int rate) {
  // A few samples at a high rate can come out as none at a lower one: nothing to play either.
  const auto too_short = [] { return make_error(ErrorKind::Malformed, "too short to play"); };
  if (sound.samples.empty()) return too_short();
  SDL_AudioCVT cvt{};
  if (SDL_BuildAudioCVT(&cvt, kFormat, 1, sound.rate, kFormat, 1, rate) < 0)
    return sdl_error(ErrorKind::Malformed, "cannot convert " + std::to_string(sound.rate) + " Hz");
  const size_t length = sound.samples.size() * sizeof(std::int16_t);
  if (!cvt.needed) return sound.samples;
  if (length > static_cast<size_t>(std::numeric_limits<int>::max() / std::max(1, cvt.len_mult)))
    return make_error(ErrorKind::Malformed, "too long to convert");
  std::vector<Uint8> work(length * static_cast<size_t>(std::max(1, cvt.len_mult)));
  std::memcpy(work.data(), sound.samples.data(), length);
  cvt.buf = work.data();
  cvt.len = static_cast<int>(length);
  if (SDL_ConvertAudio(&cvt) != 0) return sdl_error(ErrorKind::Malformed, "cannot convert");
  std::vector<std::int16_t> samples(static_cast<size_t>(cvt.len_cvt) / sizeof(std::int16_t));
  if (samples.empty()) return too_short();
  std::memcpy(samples.data(), work.data(), samples.size() * sizeof(std::int16_t));
  return samples;
}

}  // namespace pk::speech
