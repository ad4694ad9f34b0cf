#include "drivers/speech/pcm.h"

#include <algorithm>
#include <cstdlib>

namespace pk::speech {

long first_audible(std::span<const std::int16_t> samples) {
  const auto it = std::find_if(samples.begin(), samples.end(),
                               [](std::int16_t s) { return std::abs(static_cast<int>(s)) >= kAudibleLevel; });
  return it == samples.end() ? -1 : static_cast<long>(it - samples.begin());
}

std::vector<std::int16_t> at_volume(std::span<const std::int16_t> samples, int volume) {
  const int v = std::clamp(volume, 0, 100);
  std::vector<std::int16_t> out(samples.size());
  std::transform(samples.begin(), samples.end(), out.begin(),
                 [v](std::int16_t s) { return static_cast<std::int16_t>(static_cast<int>(s) * v / 100); });
  return out;
}

}  // namespace pk::speech
