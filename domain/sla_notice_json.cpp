#include "domain/sla_notice_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_set>

#include "domain/json_fields.h"

namespace pk::sla {
namespace {

using nlohmann::json;

constexpr int64_t kMaxUnix = int64_t{1} << 40;  // year ~36,800: past any real date, far from overflow
constexpr fields::Range kUnixRange{0, kMaxUnix};
constexpr fields::Range kServiceRange{1, 9999};
constexpr fields::TextRule kText{fields::Emptiness::Allow, kMaxNoticeTextBytes};

bool id_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == ':' || c == '-';
}

ServiceScope services(const fields::JsonFields& r) {
  const json* value = r.find("services");
  if (value == nullptr) return ServiceScope::all();
  if (value->is_string()) {
    if (value->get<std::string>() != "all")
      r.place().refuse("services", "must be \"all\" or a list of service numbers");
    return ServiceScope::all();
  }
  if (!value->is_array() || value->empty()) {
    r.place().refuse("services", "must be \"all\" or a non-empty list of service numbers, not " +
                                     fields::describe_value(*value));
    return ServiceScope::all();
  }
  std::set<int> numbers;
  for (std::size_t i = 0; i < value->size() && r.ok(); ++i) {
    const auto number =
        static_cast<int>(r.integer_value((*value)[i], fields::item("services", i), kServiceRange));
    if (r.ok() && !numbers.insert(number).second) r.place().refuse("services", "repeats a service");
  }
  return ServiceScope::only({numbers.begin(), numbers.end()});
}

Notice notice(const json& value, const fields::Place& list, std::size_t index) {
  const fields::Place where = list.headed(list.where() + ": notice " + std::to_string(index));
  const fields::JsonFields first(value, where);
  first.only_keys({"id", "published_unix", "starts_unix", "ends_unix", "services", "text_fa", "text_en"});
  Notice n;
  n.id = first.string("id", kText);
  if (!first.ok()) return n;
  if (n.id.empty() || n.id.size() > 64) where.refuse("id", "must be 1 to 64 bytes");
  if (!std::all_of(n.id.begin(), n.id.end(), id_char))
    where.refuse("id", "may hold only A-Z a-z 0-9 . _ : -");
  // From here on, messages name the notice by its id too.
  const fields::JsonFields r(value, where.headed(where.where() + " (\"" + n.id + "\")"));
  n.published_unix = r.integer("published_unix", kUnixRange);
  n.starts_unix = r.integer("starts_unix", kUnixRange);
  n.ends_unix = r.integer("ends_unix", kUnixRange);
  if (r.ok() && n.ends_unix <= n.starts_unix) r.place().refuse("ends_unix", "must be after \"starts_unix\"");
  n.services = services(r);
  n.text_fa = r.string("text_fa", fields::TextRule{fields::Emptiness::Refuse, kMaxNoticeTextBytes});
  n.text_en = r.string("text_en", kText);
  return n;
}

// nlohmann keeps the last of repeated keys silently; a strict parser refuses them.
class DuplicateKeyCheck {
 public:
  bool operator()(int depth, json::parse_event_t event, json& parsed) {
    const auto level = static_cast<size_t>(depth);
    if (event == json::parse_event_t::object_start) {
      if (m_keys.size() <= level) m_keys.resize(level + 1);
      m_keys[level].clear();
    } else if (event == json::parse_event_t::key) {
      // Keys are reported one level deeper than their object's start.
      auto& seen = m_keys.at(level - 1);
      if (!seen.insert(parsed.get<std::string>()).second) m_repeated = parsed.get<std::string>();
    }
    return true;
  }
  std::string m_repeated;

 private:
  std::vector<std::unordered_set<std::string>> m_keys;
};

}  // namespace

Result<std::vector<Notice>> parse_notices(std::string_view json_text) {
  DuplicateKeyCheck duplicates;
  json document = json::parse(json_text, std::ref(duplicates), /*allow_exceptions=*/false);
  if (document.is_discarded()) return make_error(ErrorKind::Malformed, "outage notices: not valid JSON");
  if (!duplicates.m_repeated.empty()) {
    return make_error(ErrorKind::Malformed,
                      "outage notices: the key \"" + duplicates.m_repeated + "\" is repeated in an object");
  }
  fields::Problems problems;
  const fields::Place top(problems, "outage notices");
  if (!document.is_object()) return make_error(ErrorKind::Malformed, "outage notices: must be a JSON object");
  const fields::JsonFields r(document, top);
  r.only_keys({"version", "notices"});
  if (r.integer("version", fields::Range{0, 1 << 20}) != kNoticeFormatVersion && r.ok()) {
    top.refuse("version", "must be " + std::to_string(kNoticeFormatVersion));
  }
  const json& list = r.array("notices", fields::Emptiness::Allow, kMaxNotices);
  std::vector<Notice> notices;
  std::unordered_set<std::string> ids;
  for (size_t i = 0; i < list.size() && problems.ok(); ++i) {
    notices.push_back(notice(list[i], top, i));
    if (problems.ok() && !ids.insert(notices.back().id).second) {
      top.refuse_whole("notice " + std::to_string(i) + ": repeats the id \"" + notices.back().id + "\"");
    }
  }
  if (!problems.ok()) return problems.error();
  return notices;
}

std::string notices_to_json(std::span<const Notice> notices) {
  json list = json::array();
  for (const Notice& n : notices) {
    json services = n.services.is_all() ? json("all") : json(n.services.numbers());
    list.push_back({{"id", n.id},
                    {"published_unix", n.published_unix},
                    {"starts_unix", n.starts_unix},
                    {"ends_unix", n.ends_unix},
                    {"services", std::move(services)},
                    {"text_fa", n.text_fa},
                    {"text_en", n.text_en}});
  }
  return json{{"version", kNoticeFormatVersion}, {"notices", std::move(list)}}.dump();
}

}  // namespace pk::sla
