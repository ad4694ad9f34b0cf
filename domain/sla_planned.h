#pragma once
// The 72-hour rule: an outage counts as planned only where a notice covering it was published
// on the portal at least 72 hours before the outage began.
//
// Decisions callers rely on:
//  - "Before it began" is measured from the outage's start, not from the part a notice covers:
//    a notice published 71:59:59 before the start makes nothing of that outage planned, one
//    published 72:00:00 before does.
//  - A notice that covers only part of an outage (the work overran its window, or began before
//    it) makes exactly that part planned; the rest is unplanned. Several notices add up.
//  - A notice concerns only the services it lists ("all" concerns every one); for any other
//    service the outage stays unplanned.
//  - Where a planned and an unplanned outage of one service overlap, the overlap is planned:
//    the citizen had been told, in time, that the service would be down then (see sla_figures.h).
#include <cstdint>
#include <span>

#include "domain/sla_intervals.h"
#include "domain/sla_model.h"

namespace pk::sla {

[[nodiscard]] bool announced_in_time(const Notice& notice, int64_t outage_start_unix);

// The part of `where` (the outage's place on the time line) that counts as planned for `service`.
[[nodiscard]] IntervalSet planned_part(const Outage& outage, Interval where, int service,
                                       std::span<const Notice> notices);

}  // namespace pk::sla
