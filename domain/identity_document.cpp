#include "domain/identity_document.h"

namespace pk::identity {

IdKind default_id_kind(const catalog::Service& service) {
  for (const catalog::RequiredDocument& doc : service.documents) {
    if (doc.kind == "amayesh_card") return IdKind::AmayeshCard;
    if (doc.kind == "passport") return IdKind::Passport;
  }
  return service.office_id == kForeignNationalsOffice ? IdKind::AmayeshCard : IdKind::NationalCode;
}

}  // namespace pk::identity
