#include "sync/backoff.h"

#include <algorithm>

namespace pk::sync {

Backoff::Backoff(BackoffPolicy policy, uint64_t seed) : m_policy(policy), m_random(seed) {}

std::chrono::milliseconds Backoff::delay_after(int64_t attempts) {
  const int64_t initial = std::max<int64_t>(m_policy.initial.count(), 0);
  const int64_t max = std::max<int64_t>(m_policy.max.count(), initial);
  int64_t ceiling = initial;
  for (int64_t i = 1; i < attempts && ceiling < max; ++i) ceiling = std::min(max, ceiling * 2);
  ceiling = std::min(max, ceiling);
  if (ceiling <= 1) return std::chrono::milliseconds(ceiling);
  std::uniform_int_distribution<int64_t> pick(ceiling / 2, ceiling);
  return std::chrono::milliseconds(pick(m_random));
}

}  // namespace pk::sync
