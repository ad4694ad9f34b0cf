#include "kiosk/identity/identity_check.h"

namespace pk::kiosk {

bool check_identity(IdentityDraft& id, Language language) {
  const identity::IdentityCheck number = identity::validate_document_number(id.kind, id.number);
  const bool mobile_wanted = !id.mobile.empty();
  const identity::IdentityCheck mobile = identity::validate_mobile(id.mobile);
  id.number_error = number ? "" : identity::describe(number.error(), id.kind, language);
  id.mobile_error =
      !mobile_wanted || mobile ? "" : identity::describe(mobile.error(), identity::IdKind::Mobile, language);
  if (!number || (mobile_wanted && !mobile)) return false;
  id.number_normalised = number.value();
  id.mobile_normalised = mobile_wanted ? mobile.value() : "";
  return true;
}

}  // namespace pk::kiosk
