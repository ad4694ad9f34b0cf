#pragma once
// The identity documents as the screens and receipts name them, the same at the kiosk and at
// the counter: the document's name, the label of its number's field and the choice's widget id.
#include <string_view>

#include "domain/identity.h"
#include "kiosk/strings.h"

namespace pk::kiosk {

struct IdDocument {
  identity::IdKind kind;
  const Text& name;          // "کارت آمایش": the choice, the review, the receipt
  const Text& number_label;  // "شماره کارت آمایش": the field
  std::string_view widget_id;
};

// In the order of identity::kIdDocuments: the foreign nationals' documents first.
inline constexpr IdDocument kIdDocumentChoices[] = {
    {identity::IdKind::AmayeshCard, strings::kIdAmayesh, strings::kIdAmayeshNumber, "idkind/amayesh"},
    {identity::IdKind::Fida, strings::kIdFida, strings::kIdFidaNumber, "idkind/fida"},
    {identity::IdKind::Passport, strings::kIdPassportDocument, strings::kIdPassport, "idkind/passport"},
    {identity::IdKind::NationalCode, strings::kIdNationalCode, strings::kIdNationalCode, "idkind/national"},
};

// The entry for `kind` (the national code's for Mobile, which is no document).
[[nodiscard]] constexpr const IdDocument& id_document(identity::IdKind kind) {
  for (const IdDocument& d : kIdDocumentChoices)
    if (d.kind == kind) return d;
  return kIdDocumentChoices[3];
}

// Numbers of these kinds are typed on the digits pad; a passport number needs letters.
[[nodiscard]] constexpr bool typed_as_digits(identity::IdKind kind) {
  return kind != identity::IdKind::Passport;
}

}  // namespace pk::kiosk
