#pragma once
// Half-open time intervals [start, end) in Unix seconds, and sets of them kept sorted and
// disjoint. The figures are measures of such sets, so an hour hit by two overlapping outages
// is counted once: that is what "never double-counted" rests on.
#include <cstdint>
#include <vector>

namespace pk::sla {

struct Interval {
  int64_t start = 0;
  int64_t end = 0;  // exclusive
  [[nodiscard]] int64_t length() const { return end > start ? end - start : 0; }
  [[nodiscard]] bool empty() const { return end <= start; }
  friend bool operator==(const Interval&, const Interval&) = default;
};

[[nodiscard]] Interval intersect(Interval a, Interval b);

class IntervalSet {
 public:
  IntervalSet() = default;
  // Drops empty pieces, sorts, and merges pieces that overlap or touch.
  [[nodiscard]] static IntervalSet from(std::vector<Interval> pieces);

  [[nodiscard]] const std::vector<Interval>& pieces() const { return m_pieces; }
  [[nodiscard]] bool empty() const { return m_pieces.empty(); }
  [[nodiscard]] int64_t measure() const;
  // Seconds of the set inside range; O(log n + pieces inside).
  [[nodiscard]] int64_t measure_within(Interval range) const;

  [[nodiscard]] IntervalSet unite(const IntervalSet& other) const;
  [[nodiscard]] IntervalSet intersect(const IntervalSet& other) const;
  [[nodiscard]] IntervalSet subtract(const IntervalSet& other) const;
  [[nodiscard]] IntervalSet clip(Interval range) const;

  friend bool operator==(const IntervalSet&, const IntervalSet&) = default;

 private:
  std::vector<Interval> m_pieces;  // sorted, disjoint, non-touching, non-empty
};

}  // namespace pk::sla
