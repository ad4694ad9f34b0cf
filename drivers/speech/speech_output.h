#pragma once
// The speech-output device class: says a short prompt aloud for people who read little.
// A new utterance interrupts the one playing; speak() returns at once (synthesis and playback
// run on the driver's own thread, never the UI thread). Drivers: "espeak:" (espeak-ng through
// SDL's audio, espeak_speech.h) and "sim:" (the virtual twin, which only records, sim_speech.h).
//
// Privacy is the caller's part: a driver says whatever text it is given. The kiosk builds
// utterances only from its string tables and the catalog, and a citizen's own value only when
// that person taps its speaker button (kiosk/citizen/spoken_guidance.h).
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "domain/result.h"
#include "drivers/device.h"

namespace pk::speech {

using Clock = std::chrono::steady_clock;

// Whether an utterance's sound may be kept for the next time.
enum class Retention : std::uint8_t {
  Cache,   // a prompt or catalog text: kept per key and language, so a repeat plays at once
  Forget,  // a citizen's own value, said because they tapped it: never cached, never looked up as
           // a recording, its text and sound wiped once said
};

struct Utterance {
  // Names the prompt: a string id ("welcome_hint"), or "text-<hash>" for text that has none
  // (a service's name from the catalog). Keys the PCM cache and the recorded-voice file.
  std::string key;
  std::string text;      // what the synthetic voice says when no recording replaces it
  std::string language;  // the session's language tag ("fa", "en", "prs", "ps"): cache and recordings
  std::string voice;     // the espeak-ng voice that says it ("fa", "en")
  Clock::time_point asked = Clock::now();  // the tap: latency is measured from here
  Retention retention = Retention::Cache;
};

struct SpeechSettings {
  int volume = 70;  // 0..100; 0 is silent
  // Recorded human voices that replace synthetic prompts: <voice_dir>/<key>.wav for Persian,
  // <voice_dir>/<language>/<key>.wav for the other languages, or .flac or .ogg in place of .wav
  // (voice_file.h). Empty: synthesis only.
  std::filesystem::path voice_dir;
};

// Where the sound of one utterance came from.
enum class SoundSource : std::uint8_t {
  Synthesized,  // espeak-ng made it now
  Cached,       // made before for the same key and language
  Recorded,     // a recorded voice file from the voice folder
  Simulated,    // the virtual twin (no sound)
};

// What a driver did with one utterance, for tests, the benchmark and the technician.
struct Played {
  std::string key;
  std::string language;
  SoundSource source = SoundSource::Synthesized;
  // From Utterance::asked to the first audible sample handed to the audio device; negative when
  // none was (interrupted first, or silent, e.g. at volume 0).
  double first_sound_ms = -1;
  bool interrupted = false;  // a newer utterance cut it short
};

class SpeechDriver : public Device {
 public:
  // Starts the synthesizer and the audio device. Safe to call once.
  [[nodiscard]] virtual Result<void> open(const SpeechSettings& settings) = 0;
  // Says the utterances one after the other (a screen's title, then its prompt), cutting off
  // what is playing. Returns at once.
  virtual void speak(std::vector<Utterance> sequence) = 0;
  void speak(Utterance utterance) {
    std::vector<Utterance> one;
    one.push_back(std::move(utterance));
    speak(std::move(one));
  }
  // Stops what is playing (a session ends: nothing of it keeps talking).
  virtual void stop() = 0;
  virtual void set_volume(int percent) = 0;
  // True while an utterance is being made or its sound is still queued.
  [[nodiscard]] virtual bool speaking() const = 0;
  // The last utterances handled, oldest first (at most 64).
  [[nodiscard]] virtual std::vector<Played> played() const = 0;
};

using SpeechRegistry = DriverRegistry<SpeechDriver>;
[[nodiscard]] SpeechRegistry make_speech_registry();  // espeak, sim

// The key of text that has no string id (catalog text): "text-" and 16 hex digits of a hash of
// the text, stable across runs (FNV-1a), so the cache and a recording can name it.
[[nodiscard]] std::string text_key(std::string_view text);

}  // namespace pk::speech
