#include "offline-store/records.h"

#include "protocol/wire.h"

namespace pk::store {
namespace {

// The spellings stored in the database; the schema's CHECK constraints list the same words.
constexpr std::array<std::string_view, 2> kKinds = {"application", "failure_report"};
constexpr std::array<std::string_view, 2> kChannels = {"kiosk", "counter"};
constexpr std::array<std::string_view, 5> kStates = {"captured", "queued", "sent", "confirmed", "purged"};
constexpr std::array<std::string_view, 7> kCentreStatuses = {
    "receiving", "received", "in_review", "documents_requested", "approved", "rejected", "resolved"};

template <class Enum, size_t N>
std::optional<Enum> parse(const std::array<std::string_view, N>& names, std::string_view text) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(ApplicationKind kind) { return kKinds.at(static_cast<size_t>(kind)); }
std::string_view to_string(Channel channel) { return kChannels.at(static_cast<size_t>(channel)); }
std::string_view to_string(ApplicationState state) { return kStates.at(static_cast<size_t>(state)); }

std::string_view to_string(CentreStatus status) { return kCentreStatuses.at(static_cast<size_t>(status)); }
std::optional<CentreStatus> centre_status_from(std::string_view text) {
  return parse<CentreStatus>(kCentreStatuses, text);
}
bool is_final(CentreStatus status) { return rank(status) == 3; }

// The wire's ranking is the one rule: the store's statuses are the same words.
int rank(CentreStatus status) {
  const auto on_wire = sync::centre_status_from(to_string(status));
  return on_wire ? sync::rank(*on_wire) : 0;
}

std::optional<ApplicationKind> application_kind_from(std::string_view text) {
  return parse<ApplicationKind>(kKinds, text);
}
std::optional<Channel> channel_from(std::string_view text) { return parse<Channel>(kChannels, text); }
std::optional<ApplicationState> application_state_from(std::string_view text) {
  return parse<ApplicationState>(kStates, text);
}

}  // namespace pk::store
