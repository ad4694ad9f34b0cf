#include "domain/sla_planned.h"

#include <vector>

#include "domain/sla_period.h"

namespace pk::sla {

bool announced_in_time(const Notice& notice, int64_t outage_start_unix) {
  return outage_start_unix - notice.published_unix >= kNoticeLeadSeconds;
}

IntervalSet planned_part(const Outage& outage, Interval where, int service, std::span<const Notice> notices) {
  std::vector<Interval> covered;
  for (const Notice& notice : notices) {
    if (!notice.services.covers(service) || !announced_in_time(notice, outage.start_unix)) continue;
    const Interval inside = intersect(where, Interval{notice.starts_unix, notice.ends_unix});
    if (!inside.empty()) covered.push_back(inside);
  }
  return IntervalSet::from(std::move(covered));
}

}  // namespace pk::sla
