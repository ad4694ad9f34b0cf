// parse_catalog: JSON text → validated Catalog, read with the field reader (domain/json_fields.h).
// Checks run in document order and the first problem found is reported, naming source, service
// and field, so a technician can fix the file without reading code.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

#include "domain/catalog.h"
#include "domain/jalali.h"
#include "domain/json_fields.h"

namespace pk::catalog {
namespace {

using fields::Emptiness;
using fields::JsonFields;
using fields::Place;
using fields::Range;
using nlohmann::json;

constexpr int kMaxPages = 1000;
constexpr int kMaxHandlingDays = 3650;
constexpr fields::TextRule kNonEmpty{Emptiness::Refuse};
constexpr fields::Choice<Channel> kChannels[] = {{"kiosk", Channel::Kiosk}, {"counter", Channel::Counter}};

LocalText text_value(const JsonFields& r, const json& value, std::string_view path) {
  if (!value.is_object()) {
    r.place().refuse(path,
                     "must be an object with \"fa\" and \"en\" texts, not " + fields::describe_value(value));
    return {};
  }
  const JsonFields inner = r.nested(value, path);
  return LocalText{inner.string("fa", kNonEmpty), inner.string("en", kNonEmpty)};
}

LocalText text(const JsonFields& r, const char* key) {
  const json* value = r.find(key);
  return value == nullptr ? LocalText{} : text_value(r, *value, key);
}

std::vector<Channel> read_channels(const JsonFields& r) {
  const json& list = r.array("channels", Emptiness::Refuse);
  std::vector<Channel> channels;
  for (std::size_t i = 0; i < list.size() && r.ok(); ++i) {
    const std::string path = fields::item("channels", i);
    std::optional<Channel> c;
    if (list[i].is_string()) {
      c = fields::choose(r.place(), path, list[i].get_ref<const std::string&>(), kChannels);
    } else {
      r.place().refuse(path, "must be \"kiosk\" or \"counter\", not " + fields::describe_value(list[i]));
    }
    if (!c) break;
    if (std::find(channels.begin(), channels.end(), *c) != channels.end()) {
      r.place().refuse(path, "lists the same channel twice");
    }
    channels.push_back(*c);
  }
  return channels;
}

std::vector<LocalText> read_steps(const JsonFields& r) {
  const json& list = r.array("steps", Emptiness::Refuse);
  std::vector<LocalText> steps;
  for (std::size_t i = 0; i < list.size() && r.ok(); ++i)
    steps.push_back(text_value(r, list[i], fields::item("steps", i)));
  return steps;
}

std::vector<RequiredDocument> read_documents(const JsonFields& r) {
  const json& list = r.array("documents", Emptiness::Allow);
  std::vector<RequiredDocument> documents;
  for (std::size_t i = 0; i < list.size() && r.ok(); ++i) {
    const JsonFields item = r.nested(list[i], fields::item("documents", i));
    RequiredDocument d;
    d.kind = item.string("kind", kNonEmpty);
    d.title = text(item, "title");
    d.pages = static_cast<int>(item.integer("pages", Range{1, kMaxPages}));
    d.mandatory = item.boolean("mandatory");
    documents.push_back(std::move(d));
  }
  return documents;
}

std::vector<Form> read_forms(const JsonFields& r) {
  const json& list = r.array("forms", Emptiness::Allow);
  std::vector<Form> forms;
  for (std::size_t i = 0; i < list.size() && r.ok(); ++i) {
    const JsonFields item = r.nested(list[i], fields::item("forms", i));
    std::string id = item.string("id", kNonEmpty);
    forms.push_back(Form{std::move(id), text(item, "title")});
  }
  return forms;
}

std::vector<std::string> read_sample_fields(const JsonFields& r) {
  // Absent means "no sample values": a catalog from the centre carries only real ones.
  if (!r.has("sample_fields")) return {};
  const json& list = r.array("sample_fields", Emptiness::Allow);
  const auto& known = service_field_names();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < list.size() && r.ok(); ++i) {
    const std::string path = fields::item("sample_fields", i);
    if (!list[i].is_string()) {
      r.place().refuse(path, "must be a field name, not " + fields::describe_value(list[i]));
      break;
    }
    const auto& name = list[i].get_ref<const std::string&>();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      r.place().refuse(path, "\"" + name + "\" is not a field of a service");
    }
    names.push_back(name);
  }
  return names;
}

std::string read_pictogram(const JsonFields& r) {
  // Absent means "the pictogram of the service's number": older catalogs carry none.
  if (!r.has("pictogram")) return {};
  std::string name = r.string("pictogram", kNonEmpty);
  if (!r.ok()) return {};
  // A file name in the pictogram folder, so nothing that could leave it ("../", "/").
  const bool plain = !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!plain)
    r.place().refuse(
        "pictogram",
        "\"" + name +
            "\" is not a pictogram name (lower-case letters, digits and '-', such as \"service-03\")");
  return name;
}

Service read_service(const Place& top, const json& item, std::size_t index, const Catalog& catalog) {
  const JsonFields unnumbered(item, top.headed(top.where() + ": " + fields::item("services", index)));
  Service s;
  s.number = static_cast<int>(unnumbered.integer("number", Range{1, std::numeric_limits<int>::max()}));
  if (!unnumbered.ok()) return s;
  // From here on, messages name the service by its number, as people know it.
  const JsonFields r(item, top.headed(top.where() + ": service " + std::to_string(s.number)));

  s.office_id = r.string("office_id", kNonEmpty);
  if (r.ok() && catalog.office(s.office_id) == nullptr) {
    r.place().refuse("office_id", "unknown office \"" + s.office_id + "\" (not in \"offices\")");
  }
  s.title = text(r, "title");
  s.channels = read_channels(r);
  s.steps = read_steps(r);
  s.documents = read_documents(r);
  s.forms = read_forms(r);
  s.fee_rials = r.integer("fee_rials", Range::at_least(0));
  s.approver = text(r, "approver");
  s.handling_days = static_cast<int>(r.integer("handling_days", Range{1, kMaxHandlingDays}));
  s.credit_policy = text(r, "credit_policy");
  s.dispute = text(r, "dispute");
  s.sample_fields = read_sample_fields(r);
  s.pictogram = read_pictogram(r);
  return s;
}

std::vector<Office> read_offices(const JsonFields& top) {
  const json& list = top.array("offices", Emptiness::Refuse);
  std::vector<Office> offices;
  for (std::size_t i = 0; i < list.size() && top.ok(); ++i) {
    const JsonFields r(list[i], top.place().headed(top.place().where() + ": " + fields::item("offices", i)));
    std::string id = r.string("id", kNonEmpty);
    Office o{std::move(id), text(r, "name")};
    if (!r.ok()) break;
    for (const Office& earlier : offices) {
      if (earlier.id == o.id) r.place().refuse("id", "office \"" + o.id + "\" is listed twice");
    }
    offices.push_back(std::move(o));
  }
  return offices;
}

void check_numbering(const Place& top, std::vector<Service>& services) {
  // Numbers are how citizens, staff and the SLA name services, so they must be 1..N exactly.
  const std::size_t count = services.size();
  std::vector<std::size_t> index_of(count + 1, SIZE_MAX);
  std::unordered_map<int, std::size_t> first_index;
  for (std::size_t i = 0; i < count && top.ok(); ++i) {
    const int n = services[i].number;
    const auto [it, inserted] = first_index.emplace(n, i);
    if (!inserted) {
      top.headed(top.where() + ": service " + std::to_string(n))
          .refuse("number", "duplicate service number (services[" + std::to_string(it->second) +
                                "] and services[" + std::to_string(i) + "])");
    }
    if (static_cast<std::size_t>(n) <= count) index_of[static_cast<std::size_t>(n)] = i;
  }
  for (std::size_t n = 1; n <= count && top.ok(); ++n) {
    if (index_of[n] != SIZE_MAX) continue;
    top.headed(top.where() + ": service " + std::to_string(n))
        .refuse("number", "no service has this number; the " + std::to_string(count) +
                              " services must be numbered 1 to " + std::to_string(count) + " without gaps");
  }
  std::sort(services.begin(), services.end(),
            [](const Service& a, const Service& b) { return a.number < b.number; });
}

Catalog read_catalog(const Place& top, const json& root) {
  Catalog c;
  if (!root.is_object()) {
    top.refuse_whole("the catalog must be a JSON object, not " + fields::describe_value(root));
    return c;
  }
  const JsonFields r(root, top);
  c.version = r.integer("version", Range::at_least(1));
  c.published = r.string("published", kNonEmpty);
  if (r.ok() && !jalali::parse_iso(c.published).ok()) {
    top.refuse("published", "must be a Jalali date \"YYYY-MM-DD\", not \"" + c.published + "\"");
  }
  c.offices = read_offices(r);

  const json& list = r.array("services", Emptiness::Refuse);
  for (std::size_t i = 0; i < list.size() && top.ok(); ++i) {
    c.services.push_back(read_service(top, list[i], i, c));
  }
  check_numbering(top, c.services);

  const bool any_sample = std::any_of(c.services.begin(), c.services.end(),
                                      [](const Service& s) { return !s.sample_fields.empty(); });
  if (any_sample || root.contains("sample_notice")) c.sample_notice = text(r, "sample_notice");
  return c;
}

}  // namespace

Result<Catalog> parse_catalog(std::string_view json_text, std::string_view source_name) {
  const std::string source(source_name);
  json root;
  try {
    root = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    return make_error(ErrorKind::Malformed,
                      fields::describe_syntax_error(source, json_text, e.byte, e.what()));
  } catch (const json::exception& e) {
    // A value the library cannot hold (a number too large): a message, not a crash.
    return make_error(ErrorKind::Malformed, source + ": " + e.what());
  }
  fields::Problems problems;
  Catalog catalog = read_catalog(Place(problems, source), root);
  if (!problems.ok()) return problems.error();
  return catalog;
}

}  // namespace pk::catalog
