#pragma once
// espeak-ng as a synthesizer of 16-bit mono PCM. espeak-ng keeps one state per process, so at
// most one EspeakSynth exists at a time (create() refuses a second as Busy), and it is used from
// one thread at a time (the speech driver's worker).
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::speech {

// What the chunk callback tells synthesis: go on, or stop now (a newer utterance came).
enum class Synthesis : std::uint8_t { Continue, Abort };

class EspeakSynth {
 public:
  [[nodiscard]] static Result<std::unique_ptr<EspeakSynth>> create();
  ~EspeakSynth();
  EspeakSynth(const EspeakSynth&) = delete;
  EspeakSynth& operator=(const EspeakSynth&) = delete;

  [[nodiscard]] int sample_rate() const { return m_sample_rate; }

  // Loads a voice ("fa", "en"); the first use of a voice reads its dictionary, so the driver
  // loads the Persian one at open() and a first Persian prompt does not wait for it.
  [[nodiscard]] Result<void> use_voice(std::string_view voice);

  using Chunk = std::function<Synthesis(std::span<const std::int16_t>)>;
  // Synthesizes UTF-8 `text` in the current voice, handing the PCM over in chunks of about
  // 50 ms as it is made. Returns Synthesis::Abort when a chunk callback aborted it.
  [[nodiscard]] Result<Synthesis> synthesize(std::string_view text, const Chunk& chunk);

 private:
  EspeakSynth() = default;
  int m_sample_rate = 0;
  std::string m_voice;
};

}  // namespace pk::speech
