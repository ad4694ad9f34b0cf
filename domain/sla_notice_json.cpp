#include "domain/sla_notice_json.h"

#include <nlohmann/json.hpp>
#include <set>
#include <unordered_set>

namespace pk::sla {
namespace {

using nlohmann::json;

constexpr int64_t kMaxUnix = int64_t{1} << 40;  // year ~36,800: past any real date, far from overflow
constexpr int kMaxService = 9999;

struct Refusal {
  std::string message;
};

[[noreturn]] void refuse(const std::string& where, std::string_view problem) {
  throw Refusal{"outage notices: " + where + ": " + std::string(problem)};
}

bool id_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == ':' || c == '-';
}

void only_keys(const json& object, std::initializer_list<std::string_view> keys, const std::string& where) {
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (std::string_view allowed : keys) known = known || key == allowed;
    if (!known) refuse(where, "unknown key \"" + key + "\"");
  }
  for (std::string_view key : keys) {
    if (!object.contains(key)) refuse(where, "missing \"" + std::string(key) + "\"");
  }
}

int64_t integer(const json& object, const char* key, int64_t min, int64_t max, const std::string& where) {
  const json& value = object.at(key);
  const std::string field = where + ": \"" + key + "\"";
  if (!value.is_number_integer()) refuse(field, "must be a whole number");
  if (value.is_number_unsigned() && value.get<uint64_t>() > static_cast<uint64_t>(max))
    refuse(field, "is out of range");
  const int64_t number = value.get<int64_t>();
  if (number < min || number > max) refuse(field, "is out of range");
  return number;
}

std::string text(const json& object, const char* key, const std::string& where) {
  const json& value = object.at(key);
  const std::string field = where + ": \"" + key + "\"";
  if (!value.is_string()) refuse(field, "must be a string");
  std::string result = value.get<std::string>();
  if (result.size() > kMaxNoticeTextBytes) refuse(field, "is longer than 4096 bytes");
  return result;
}

ServiceScope services(const json& value, const std::string& where) {
  const std::string field = where + ": \"services\"";
  if (value.is_string()) {
    if (value.get<std::string>() != "all") refuse(field, "must be \"all\" or a list of service numbers");
    return ServiceScope::all();
  }
  if (!value.is_array() || value.empty())
    refuse(field, "must be \"all\" or a non-empty list of service numbers");
  std::set<int> numbers;
  for (const json& item : value) {
    if (!item.is_number_integer()) refuse(field, "must hold whole numbers");
    // nlohmann keeps a non-negative literal as unsigned, a negative one as signed.
    const bool in_range = item.is_number_unsigned()
                              ? item.get<uint64_t>() >= 1 && item.get<uint64_t>() <= kMaxService
                              : item.get<int64_t>() >= 1 && item.get<int64_t>() <= kMaxService;
    if (!in_range) {
      refuse(field, "holds a number outside 1..9999");
    }
    if (!numbers.insert(item.get<int>()).second) refuse(field, "repeats a service");
  }
  return ServiceScope::only({numbers.begin(), numbers.end()});
}

Notice notice(const json& value, size_t index) {
  const std::string where = "notice " + std::to_string(index);
  if (!value.is_object()) refuse(where, "must be an object");
  only_keys(value, {"id", "published_unix", "starts_unix", "ends_unix", "services", "text_fa", "text_en"},
            where);
  Notice n;
  n.id = text(value, "id", where);
  if (n.id.empty() || n.id.size() > 64) refuse(where + ": \"id\"", "must be 1 to 64 bytes");
  for (char c : n.id) {
    if (!id_char(c)) refuse(where + ": \"id\"", "may hold only A-Z a-z 0-9 . _ : -");
  }
  const std::string named = where + " (\"" + n.id + "\")";
  n.published_unix = integer(value, "published_unix", 0, kMaxUnix, named);
  n.starts_unix = integer(value, "starts_unix", 0, kMaxUnix, named);
  n.ends_unix = integer(value, "ends_unix", 0, kMaxUnix, named);
  if (n.ends_unix <= n.starts_unix) refuse(named, "\"ends_unix\" must be after \"starts_unix\"");
  n.services = services(value.at("services"), named);
  n.text_fa = text(value, "text_fa", named);
  if (n.text_fa.empty()) refuse(named + ": \"text_fa\"", "is empty");
  n.text_en = text(value, "text_en", named);
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
  if (document.is_discarded()) return make_error("outage notices: not valid JSON");
  if (!duplicates.m_repeated.empty()) {
    return make_error("outage notices: the key \"" + duplicates.m_repeated + "\" is repeated in an object");
  }
  try {
    if (!document.is_object()) refuse("the document", "must be a JSON object");
    only_keys(document, {"version", "notices"}, "the document");
    if (integer(document, "version", 0, 1 << 20, "the document") != kNoticeFormatVersion) {
      refuse("the document", "\"version\" must be 1");
    }
    const json& list = document.at("notices");
    if (!list.is_array()) refuse("the document", "\"notices\" must be a list");
    if (list.size() > kMaxNotices) refuse("the document", "holds more than 1000 notices");
    std::vector<Notice> notices;
    std::unordered_set<std::string> ids;
    for (size_t i = 0; i < list.size(); ++i) {
      notices.push_back(notice(list[i], i));
      if (!ids.insert(notices.back().id).second)
        refuse("notice " + std::to_string(i), "repeats the id \"" + notices.back().id + "\"");
    }
    return notices;
  } catch (const Refusal& refusal) {
    return make_error(refusal.message);
  } catch (const json::exception& error) {
    return make_error(std::string("outage notices: ") + error.what());
  }
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
