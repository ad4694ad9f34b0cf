#pragma once
// The real speech driver: espeak-ng synthesis played through SDL's audio ("espeak:").
// One worker thread owns the synthesizer: speak() only hands it the newest utterance and cuts
// off the sound queued for the last one. Each utterance's sound is, in order of preference: a
// recorded voice file from the voice folder, the PCM made before for the same key and language
// (cached), or espeak-ng's, queued chunk by chunk as it is made so the first sound is not held
// until the whole sentence is synthesized. A voice file (WAV, FLAC or Ogg Vorbis, voice_file.h)
// that cannot be decoded is named in the log once and the prompt is synthesized instead.
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "drivers/speech/espeak_synth.h"
#include "drivers/speech/sdl_audio_out.h"
#include "drivers/speech/speech_output.h"

namespace pk::speech {

class EspeakSpeech final : public SpeechDriver {
 public:
  [[nodiscard]] static const DriverMetadata& metadata();
  [[nodiscard]] static Result<std::unique_ptr<EspeakSpeech>> create(
      std::string_view connection);  // "espeak:"

  ~EspeakSpeech() override;
  [[nodiscard]] const DeviceInfo& info() const override { return m_info; }
  [[nodiscard]] DeviceState state() const override;
  void on_hotplug(HotplugCallback /*callback*/) override {}  // SDL picks the output; no hotplug here
  [[nodiscard]] Result<void> open(const SpeechSettings& settings) override;
  using SpeechDriver::speak;
  void speak(std::vector<Utterance> sequence) override;
  void stop() override;
  void set_volume(int percent) override;
  [[nodiscard]] bool speaking() const override;
  [[nodiscard]] std::vector<Played> played() const override;

 private:
  EspeakSpeech();
  void run();
  // Says one utterance on the worker thread; `generation` is its number in speak()'s count.
  void say(Utterance& utterance, std::uint64_t generation);
  using Queue = std::function<void(std::span<const std::int16_t>)>;
  // A Retention::Forget utterance: synthesized straight to the device, nothing kept.
  void say_once(Utterance& utterance, std::uint64_t generation, const Queue& queue);
  [[nodiscard]] std::optional<std::vector<std::int16_t>> recording(const Utterance& utterance);
  [[nodiscard]] bool current(std::uint64_t generation) const;
  void record(Played played);

  DeviceInfo m_info;
  SpeechSettings m_settings;
  std::unique_ptr<EspeakSynth> m_synth;  // worker thread only, after open()
  std::unique_ptr<SdlAudioOut> m_audio;

  mutable std::mutex m_mutex;  // guards what follows
  std::condition_variable m_wake;
  std::optional<std::vector<Utterance>> m_next;
  std::uint64_t m_generation = 0;  // counts speak() and stop(): a running synthesis of an older one aborts
  bool m_working = false;
  bool m_quit = false;
  int m_volume = 70;
  std::deque<Played> m_played;
  std::string m_last_error;

  // Worker thread only. Unscaled PCM per "<language>|<key>", and the voice files found unreadable.
  std::map<std::string, std::vector<std::int16_t>> m_cache;
  size_t m_cache_samples = 0;
  std::map<std::string, bool> m_bad_recordings;
  std::thread m_worker;
};

}  // namespace pk::speech
