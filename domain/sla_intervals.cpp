#include "domain/sla_intervals.h"

#include <algorithm>

namespace pk::sla {

Interval intersect(Interval a, Interval b) {
  return Interval{std::max(a.start, b.start), std::min(a.end, b.end)};
}

IntervalSet IntervalSet::from(std::vector<Interval> pieces) {
  std::erase_if(pieces, [](const Interval& piece) { return piece.empty(); });
  std::sort(pieces.begin(), pieces.end(),
            [](const Interval& a, const Interval& b) { return a.start < b.start; });
  IntervalSet set;
  for (const Interval& piece : pieces) {
    if (!set.m_pieces.empty() && piece.start <= set.m_pieces.back().end) {
      set.m_pieces.back().end = std::max(set.m_pieces.back().end, piece.end);
    } else {
      set.m_pieces.push_back(piece);
    }
  }
  return set;
}

int64_t IntervalSet::measure() const {
  int64_t total = 0;
  for (const Interval& piece : m_pieces) total += piece.length();
  return total;
}

int64_t IntervalSet::measure_within(Interval range) const {
  if (range.empty()) return 0;
  // The first piece that ends after the range starts.
  auto it = std::upper_bound(m_pieces.begin(), m_pieces.end(), range.start,
                             [](int64_t value, const Interval& piece) { return value < piece.end; });
  int64_t total = 0;
  for (; it != m_pieces.end() && it->start < range.end; ++it) total += sla::intersect(*it, range).length();
  return total;
}

IntervalSet IntervalSet::unite(const IntervalSet& other) const {
  std::vector<Interval> all = m_pieces;
  all.insert(all.end(), other.m_pieces.begin(), other.m_pieces.end());
  return from(std::move(all));
}

IntervalSet IntervalSet::intersect(const IntervalSet& other) const {
  IntervalSet result;
  size_t i = 0;
  size_t j = 0;
  while (i < m_pieces.size() && j < other.m_pieces.size()) {
    const Interval both = sla::intersect(m_pieces[i], other.m_pieces[j]);
    if (!both.empty()) result.m_pieces.push_back(both);
    if (m_pieces[i].end < other.m_pieces[j].end)
      ++i;
    else
      ++j;
  }
  return result;
}

IntervalSet IntervalSet::subtract(const IntervalSet& other) const {
  IntervalSet result;
  size_t j = 0;
  for (Interval piece : m_pieces) {
    while (j < other.m_pieces.size() && other.m_pieces[j].end <= piece.start) ++j;
    size_t k = j;
    while (k < other.m_pieces.size() && other.m_pieces[k].start < piece.end) {
      const Interval& cut = other.m_pieces[k];
      if (cut.start > piece.start) result.m_pieces.push_back({piece.start, cut.start});
      piece.start = std::max(piece.start, cut.end);
      ++k;
    }
    if (!piece.empty()) result.m_pieces.push_back(piece);
  }
  return result;
}

IntervalSet IntervalSet::clip(Interval range) const {
  IntervalSet result;
  for (const Interval& piece : m_pieces) {
    const Interval inside = sla::intersect(piece, range);
    if (!inside.empty()) result.m_pieces.push_back(inside);
  }
  return result;
}

}  // namespace pk::sla
