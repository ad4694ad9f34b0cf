#include "centre/upload_plan.h"

#include <sodium.h>

#include <array>

#include "protocol/encoding.h"

namespace pk::centre {

std::string new_upload_id() {
  std::array<uint8_t, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return sync::to_hex(bytes);
}

bool is_upload_id(const std::string& id) {
  return id.size() == 32 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

UploadPlan plan_uploads(const sync::Submission& submission) {
  sync::ApplicationStatus status;
  status.tracking_code = submission.tracking_code;
  status.status = submission.pages.empty() ? sync::CentreStatus::Received : sync::CentreStatus::Receiving;
  UploadPlan plan;
  for (size_t i = 0; i < submission.pages.size(); ++i) {
    const sync::PageManifest& page = submission.pages[i];
    plan.upload_ids.push_back(new_upload_id());
    status.pages.push_back({static_cast<int>(i), "/v1/uploads/" + plan.upload_ids.back(), page.sealed_size, 0,
                            page.sealed_sha256_hex, false});
  }
  plan.status = status.status;
  plan.reply_json = sync::to_json(status);
  return plan;
}

}  // namespace pk::centre
