#pragma once
// Small operations on 16-bit mono PCM, the one format the speech drivers hand to the audio device.
#include <cstdint>
#include <span>
#include <vector>

namespace pk::speech {

// Samples quieter than this are silence for latency purposes (about -54 dBFS: espeak's
// leading and trailing frames, dither).
inline constexpr int kAudibleLevel = 64;

// The index of the first audible sample, or -1.
[[nodiscard]] long first_audible(std::span<const std::int16_t> samples);

// A copy scaled to `volume` percent (0..100), ready to queue.
[[nodiscard]] std::vector<std::int16_t> at_volume(std::span<const std::int16_t> samples, int volume);

}  // namespace pk::speech
