#pragma once
// The service catalog: the province's e-services, each with its "service ID card"
// (شناسنامه خدمت): office, channels, process steps, required documents, forms, fee, approver,
// expected handling time, and the SLA texts about credits and disputes.
// A Catalog returned by parse_catalog is fully validated: callers may rely on services being
// numbered exactly 1..N in order, every office_id naming an office, every title non-empty in
// both languages, channels non-empty, at least one step, pages >= 1, fee >= 0, handling >= 1.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/language.h"
#include "domain/result.h"

namespace pk::catalog {

using Language = pk::Language;  // the same enum for every module of the library

struct LocalText {
  std::string fa;
  std::string en;
  [[nodiscard]] const std::string& in(Language l) const;
};

enum class Channel { Kiosk, Counter };

struct Office {
  std::string id;
  LocalText name;
};

struct RequiredDocument {
  std::string kind;  // a stable id such as "passport", "amayesh_card", "photo"
  LocalText title;
  int pages = 1;
  bool mandatory = true;
};

struct Form {
  std::string id;
  LocalText title;
};

struct Service {
  int number = 0;
  std::string office_id;
  LocalText title;
  std::vector<Channel> channels;
  std::vector<LocalText> steps;
  std::vector<RequiredDocument> documents;
  std::vector<Form> forms;
  int64_t fee_rials = 0;
  LocalText approver;
  int handling_days = 0;
  LocalText credit_policy;
  LocalText dispute;
  std::vector<std::string> sample_fields;  // fields whose values are samples, not from the agreement
  // The name of the service's pictogram ("service-03": data/pictograms/service-03.svg), when
  // the catalog names one: lower-case letters, digits and '-', at most 64. Optional: a catalog
  // without it (one published before the field) gets the one of its number.
  std::string pictogram;

  [[nodiscard]] bool offered_at(Channel c) const;
  // `pictogram`, or "service-NN" for the service's number when the catalog names none.
  [[nodiscard]] std::string pictogram_name() const;
  // True when the value of field (a JSON key such as "fee_rials") is only a sample.
  [[nodiscard]] bool is_sample(std::string_view field) const;
};

struct Catalog {
  int64_t version = 0;      // monotonic; a newer catalog has a larger version
  std::string published;    // Jalali date text e.g. "1405-09-04"
  LocalText sample_notice;  // shown when any value is a sample
  std::vector<Office> offices;
  std::vector<Service> services;  // services sorted by number

  [[nodiscard]] const Service* find(int number) const;
  [[nodiscard]] const Office* office(std::string_view id) const;
};

// The JSON keys of a service object, in the order the schema lists them; sample_fields may
// name any of these.
[[nodiscard]] const std::vector<std::string_view>& service_field_names();

// Parses and validates. source_name is used in messages (e.g. the file path).
// Every refusal names the source, the service and the field, for example
//   data/catalog.json: service 7: field "fee_rials": must be a non-negative integer
//   data/catalog.json: line 12, column 5: JSON syntax error: ...
// Unknown keys are ignored so that an older terminal accepts a newer catalog.
[[nodiscard]] Result<Catalog> parse_catalog(std::string_view json_text, std::string_view source_name);

}  // namespace pk::catalog
