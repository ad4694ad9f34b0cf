#pragma once
// Finding a service from what a citizen types on the kiosk's Persian keyboard, or what an
// operator types: a service number (ASCII or Persian digits) or words of its title or office.
#include <string_view>
#include <vector>

#include "domain/catalog.h"

namespace pk::catalog {

// Service numbers, best match first. A query matches a service when every query word is the
// start of some word of its Persian or English title or office name (tolerant of ی/ي, ک/ك,
// ZWNJ vs space, harakat, case, see normalize_for_search), or when the query is its number.
// Ranking: number match, then exact title words, then title prefixes, then office-name
// matches; ties keep number order. An empty query lists every service offered at the kiosk
// or the counter, in number order.
[[nodiscard]] std::vector<int> search_services(const Catalog& catalog, std::string_view query);

}  // namespace pk::catalog
