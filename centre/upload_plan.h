#pragma once
// What both storage backends do alike when a submission arrives: the ids of its uploads (one
// per page, 32 random hex digits) and the first reply, the status that names them.
#include <string>
#include <vector>

#include "protocol/wire.h"

namespace pk::centre {

[[nodiscard]] std::string new_upload_id();
// Upload ids come from URLs: only ours (32 hex digits) are looked up.
[[nodiscard]] bool is_upload_id(const std::string& id);

struct UploadPlan {
  std::vector<std::string> upload_ids;                        // one per page, in page order
  sync::CentreStatus status = sync::CentreStatus::Receiving;  // received at once when it has no pages
  std::string reply_json;                                     // the first reply to the submission
};
[[nodiscard]] UploadPlan plan_uploads(const sync::Submission& submission);

}  // namespace pk::centre
