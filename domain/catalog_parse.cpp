// parse_catalog: JSON text → validated Catalog. Checks run in document order and the first
// problem found is reported, naming source, service and field, so a technician can fix the
// file without reading code.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

#include "domain/catalog.h"
#include "domain/catalog_json_reader.h"
#include "domain/jalali.h"

namespace pk::catalog {
namespace {

using detail::Reader;
using detail::Refusal;
using nlohmann::json;

constexpr int kMaxPages = 1000;
constexpr int kMaxHandlingDays = 3650;

Channel read_channel(const Reader& r, const json& value, const std::string& path) {
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    if (s == "kiosk") return Channel::Kiosk;
    if (s == "counter") return Channel::Counter;
  }
  r.refuse(path, "must be \"kiosk\" or \"counter\", not " + detail::describe_value(value));
}

std::vector<Channel> read_channels(const Reader& r, const json& service) {
  const json& list = r.array(service, "channels", detail::Emptiness::Refuse);
  std::vector<Channel> channels;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = "channels[" + std::to_string(i) + "]";
    const Channel c = read_channel(r, list[i], path);
    if (std::find(channels.begin(), channels.end(), c) != channels.end()) {
      r.refuse(path, "lists the same channel twice");
    }
    channels.push_back(c);
  }
  return channels;
}

std::vector<LocalText> read_steps(const Reader& r, const json& service) {
  const json& list = r.array(service, "steps", detail::Emptiness::Refuse);
  std::vector<LocalText> steps;
  for (std::size_t i = 0; i < list.size(); ++i) {
    steps.push_back(r.text_value(list[i], "steps[" + std::to_string(i) + "]"));
  }
  return steps;
}

std::vector<RequiredDocument> read_documents(const Reader& r, const json& service) {
  const json& list = r.array(service, "documents", detail::Emptiness::Allow);
  std::vector<RequiredDocument> documents;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Reader item = r.nested(list[i], "documents[" + std::to_string(i) + "]");
    RequiredDocument d;
    d.kind = item.string(list[i], "kind");
    d.title = item.text(list[i], "title");
    d.pages = static_cast<int>(item.integer(list[i], "pages", 1, kMaxPages));
    d.mandatory = item.boolean(list[i], "mandatory");
    documents.push_back(std::move(d));
  }
  return documents;
}

std::vector<Form> read_forms(const Reader& r, const json& service) {
  const json& list = r.array(service, "forms", detail::Emptiness::Allow);
  std::vector<Form> forms;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Reader item = r.nested(list[i], "forms[" + std::to_string(i) + "]");
    forms.push_back(Form{item.string(list[i], "id"), item.text(list[i], "title")});
  }
  return forms;
}

std::vector<std::string> read_sample_fields(const Reader& r, const json& service) {
  // Absent means "no sample values": a catalog from the centre carries only real ones.
  if (!service.contains("sample_fields")) return {};
  const json& list = r.array(service, "sample_fields", detail::Emptiness::Allow);
  const auto& known = service_field_names();
  std::vector<std::string> fields;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = "sample_fields[" + std::to_string(i) + "]";
    if (!list[i].is_string()) r.refuse(path, "must be a field name, not " + detail::describe_value(list[i]));
    const auto& name = list[i].get_ref<const std::string&>();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      r.refuse(path, "\"" + name + "\" is not a field of a service");
    }
    fields.push_back(name);
  }
  return fields;
}

std::string read_pictogram(const Reader& r, const json& service) {
  // Absent means "the pictogram of the service's number": older catalogs carry none.
  if (!service.contains("pictogram")) return {};
  std::string name = r.string(service, "pictogram");
  // A file name in the pictogram folder, so nothing that could leave it ("../", "/").
  const bool plain = !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!plain)
    r.refuse("pictogram",
             "\"" + name +
                 "\" is not a pictogram name (lower-case letters, digits and '-', such as \"service-03\")");
  return name;
}

Service read_service(const Reader& top, const json& item, std::size_t index, const Catalog& catalog) {
  const Reader unnumbered(top.source(), top.source() + ": services[" + std::to_string(index) + "]");
  if (!item.is_object()) unnumbered.refuse_whole("must be an object, not " + detail::describe_value(item));

  Service s;
  s.number = static_cast<int>(unnumbered.integer(item, "number", 1, std::numeric_limits<int>::max()));
  // From here on, messages name the service by its number, as people know it.
  const Reader r(top.source(), top.source() + ": service " + std::to_string(s.number));

  s.office_id = r.string(item, "office_id");
  if (catalog.office(s.office_id) == nullptr) {
    r.refuse("office_id", "unknown office \"" + s.office_id + "\" (not in \"offices\")");
  }
  s.title = r.text(item, "title");
  s.channels = read_channels(r, item);
  s.steps = read_steps(r, item);
  s.documents = read_documents(r, item);
  s.forms = read_forms(r, item);
  s.fee_rials = r.integer(item, "fee_rials", 0, std::numeric_limits<int64_t>::max());
  s.approver = r.text(item, "approver");
  s.handling_days = static_cast<int>(r.integer(item, "handling_days", 1, kMaxHandlingDays));
  s.credit_policy = r.text(item, "credit_policy");
  s.dispute = r.text(item, "dispute");
  s.sample_fields = read_sample_fields(r, item);
  s.pictogram = read_pictogram(r, item);
  return s;
}

std::vector<Office> read_offices(const Reader& top, const json& root) {
  const json& list = top.array(root, "offices", detail::Emptiness::Refuse);
  std::vector<Office> offices;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Reader r(top.source(), top.source() + ": offices[" + std::to_string(i) + "]");
    if (!list[i].is_object()) r.refuse_whole("must be an object, not " + detail::describe_value(list[i]));
    Office o{r.string(list[i], "id"), r.text(list[i], "name")};
    for (const Office& earlier : offices) {
      if (earlier.id == o.id) r.refuse("id", "office \"" + o.id + "\" is listed twice");
    }
    offices.push_back(std::move(o));
  }
  return offices;
}

void check_numbering(const std::string& source, std::vector<Service>& services) {
  // Numbers are how citizens, staff and the SLA name services, so they must be 1..N exactly.
  const std::size_t count = services.size();
  std::vector<std::size_t> index_of(count + 1, SIZE_MAX);
  std::unordered_map<int, std::size_t> first_index;
  for (std::size_t i = 0; i < count; ++i) {
    const int n = services[i].number;
    const auto [it, inserted] = first_index.emplace(n, i);
    if (!inserted) {
      const Reader r(source, source + ": service " + std::to_string(n));
      r.refuse("number", "duplicate service number (services[" + std::to_string(it->second) +
                             "] and services[" + std::to_string(i) + "])");
    }
    if (static_cast<std::size_t>(n) <= count) index_of[static_cast<std::size_t>(n)] = i;
  }
  for (std::size_t n = 1; n <= count; ++n) {
    if (index_of[n] != SIZE_MAX) continue;
    const Reader r(source, source + ": service " + std::to_string(n));
    r.refuse("number", "no service has this number; the " + std::to_string(count) +
                           " services must be numbered 1 to " + std::to_string(count) + " without gaps");
  }
  std::sort(services.begin(), services.end(),
            [](const Service& a, const Service& b) { return a.number < b.number; });
}

void check_published(const Reader& top, const std::string& published) {
  const auto date = jalali::parse_iso(published);
  if (!date.ok()) top.refuse("published", "must be a Jalali date \"YYYY-MM-DD\", not \"" + published + "\"");
}

Catalog read_catalog(const Reader& top, const json& root) {
  if (!root.is_object())
    top.refuse_whole("the catalog must be a JSON object, not " + detail::describe_value(root));
  Catalog c;
  c.version = top.integer(root, "version", 1, std::numeric_limits<int64_t>::max());
  c.published = top.string(root, "published");
  check_published(top, c.published);
  c.offices = read_offices(top, root);

  const json& list = top.array(root, "services", detail::Emptiness::Refuse);
  for (std::size_t i = 0; i < list.size(); ++i) c.services.push_back(read_service(top, list[i], i, c));
  check_numbering(top.source(), c.services);

  const bool any_sample = std::any_of(c.services.begin(), c.services.end(),
                                      [](const Service& s) { return !s.sample_fields.empty(); });
  if (any_sample || root.contains("sample_notice")) c.sample_notice = top.text(root, "sample_notice");
  return c;
}

}  // namespace

Result<Catalog> parse_catalog(std::string_view json_text, std::string_view source_name) {
  const std::string source(source_name);
  try {
    const json root = json::parse(json_text.begin(), json_text.end());
    return read_catalog(Reader(source, source), root);
  } catch (const json::parse_error& e) {
    return make_error(detail::describe_syntax_error(source, json_text, e.byte, e.what()));
  } catch (const Refusal& refusal) {
    return make_error(refusal.message);
  } catch (const json::exception& e) {
    // Not expected after the type checks above; kept so a library surprise is a message, not a crash.
    return make_error(source + ": " + e.what());
  }
}

}  // namespace pk::catalog
