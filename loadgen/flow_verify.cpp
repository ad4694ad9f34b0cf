// The end check of one terminal's submissions.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "domain/tracking_code.h"
#include "loadgen/runner.h"
#include "protocol/encoding.h"
#include "protocol/sealing.h"
#include "protocol/tus_headers.h"
#include "protocol/wire.h"

namespace pk::loadgen::detail {
namespace {

// The end check: every submission this terminal sent, looked up as this terminal.
class VerifyFlow : public Flow {
 public:
  [[nodiscard]] FlowKind kind() const override { return FlowKind::Verify; }
  explicit VerifyFlow(std::vector<size_t> ids) : m_ids(std::move(ids)) {}

  Next step(Runner& run, Terminal& t, const Reply* reply) override {
    if (reply != nullptr) {
      if (reply->status == 200 || reply->status == 404) {
        run.verified(m_ids[m_next], *reply);
        ++m_next;
        m_failures = 0;
      } else if (++m_failures > run.options.retries) {
        run.unverified(m_ids[m_next],
                       reply->status == 0 ? reply->error : "HTTP " + std::to_string(reply->status));
        ++m_next;
        m_failures = 0;
      } else {
        return run.wait(t, milliseconds(1000));
      }
    }
    if (m_next >= m_ids.size()) return Next::Done;
    run.send(t, "GET /v1/applications/{code}",
             Call{sync::Method::Get, run.options.centre.base_url + "/v1/applications/" +
                                         run.submissions[m_ids[m_next]].tracking_code},
             {200, 404}, m_next + 1 == m_ids.size() ? Conn::Close : Conn::Reuse);
    return Next::Sent;
  }

 private:
  std::vector<size_t> m_ids;
  size_t m_next = 0;
  int m_failures = 0;
};

}  // namespace

std::unique_ptr<Flow> make_verify_flow(std::vector<size_t> submissions) {
  return std::make_unique<VerifyFlow>(std::move(submissions));
}

}  // namespace pk::loadgen::detail
