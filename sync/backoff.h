#pragma once
// Exponential backoff with jitter for failed deliveries: the n-th consecutive failure waits
// a random time in [d/2, d] with d = min(max, initial * 2^(n-1)). The randomness spreads the
// retries of many terminals that lost the centre at the same moment.
#include <chrono>
#include <cstdint>
#include <random>

namespace pk::sync {

struct BackoffPolicy {
  std::chrono::milliseconds initial{2'000};
  std::chrono::milliseconds max{15 * 60'000};
};

class Backoff {
 public:
  explicit Backoff(BackoffPolicy policy, uint64_t seed = std::random_device{}());
  // attempts: failures so far, including the one that just happened (>= 1).
  [[nodiscard]] std::chrono::milliseconds delay_after(int64_t attempts);

 private:
  BackoffPolicy m_policy;
  std::mt19937_64 m_random;
};

}  // namespace pk::sync
