// Enrollment of one terminal (its own key and certificate) and the sealing key fetch.
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

class EnrollFlow : public Flow {
 public:
  [[nodiscard]] FlowKind kind() const override { return FlowKind::Enroll; }
  Next step(Runner& run, Terminal& t, const Reply* reply) override {
    if (reply == nullptr) {
      if (!m_pending) {
        auto pending = prepare_enrollment(t.code.code);
        if (!pending) {
          t.enroll_error = t.code.terminal_id + ": " + pending.error().message;
          run.problem("enroll " + t.enroll_error);
          return Next::Done;
        }
        m_pending = std::make_unique<PendingEnrollment>(std::move(pending).value());
      }
      return m_stage == Stage::Enroll ? post(run, t) : health(run, t);
    }
    if (m_stage == Stage::Enroll) {
      if (reply->status == 200) {
        auto enrolled = accept_enroll_reply(*m_pending, reply->body, run.options.centre_pin);
        if (!enrolled) {
          run.reject(enrolled.error().message);
          t.enroll_error = t.code.terminal_id + ": " + enrolled.error().message;
          return Next::Done;
        }
        t.terminal_id = enrolled->terminal_id;
        t.office = enrolled->office;
        t.number = enrolled->terminal_number;
        t.seal_public_key_hex = enrolled->seal_public_key_hex;
        t.tls = std::move(enrolled->tls);
        if (t.terminal_id != t.code.terminal_id)
          run.problem("enroll: the code for " + t.code.terminal_id + " enrolled " + t.terminal_id);
        m_stage = Stage::Health;
        m_failures = 0;
        return health(run, t);
      }
      return failed(run, t, *reply);
    }
    if (reply->status == 200) {
      t.enrolled = true;
      return Next::Done;
    }
    return failed(run, t, *reply);
  }

 private:
  enum class Stage { Enroll, Health };

  Next post(Runner& run, Terminal& t) {
    t.tls = TlsIdentity{{}, {}, {}, run.options.centre_pin};  // no certificate yet: the pin alone
    Call call{sync::Method::Post,
              run.options.centre.base_url + "/v1/enroll",
              {{"Content-Type", "application/json"}},
              bytes_of(m_pending->request_json)};
    // Closed after it, as the terminal's enrollment client is: the next call has a certificate,
    // so it could not use this connection anyway.
    run.send(t, "POST /v1/enroll", std::move(call), {200}, Conn::Close);
    return Next::Sent;
  }

  Next health(Runner& run, Terminal& t) {
    // The terminal's proof that the centre takes the certificate it just issued.
    run.send(t, "GET /v1/health", Call{sync::Method::Get, run.options.centre.base_url + "/v1/health"}, {200},
             Conn::Close);
    return Next::Sent;
  }

  Next failed(Runner& run, Terminal& t, const Reply& reply) {
    const std::string why = reply.status == 0
                                ? reply.error
                                : "HTTP " + std::to_string(reply.status) + " " + short_body(reply.body);
    if (retryable(reply) && ++m_failures <= run.options.retries) return run.wait(t, milliseconds(1000));
    t.enroll_error = t.code.terminal_id + ": " + why;
    return Next::Done;
  }

  std::unique_ptr<PendingEnrollment> m_pending;
  Stage m_stage = Stage::Enroll;
  int m_failures = 0;
};

class SealKeyFlow : public Flow {
 public:
  [[nodiscard]] FlowKind kind() const override { return FlowKind::SealKey; }
  Next step(Runner& run, Terminal& t, const Reply* reply) override {
    if (reply == nullptr) {
      run.send(t, "GET /v1/seal/key", Call{sync::Method::Get, run.options.centre.base_url + "/v1/seal/key"},
               {200}, Conn::Close);
      return Next::Sent;
    }
    if (reply->status != 200) return Next::Done;
    const auto document = nlohmann::json::parse(reply->body, nullptr, false);
    auto key =
        document.is_object() && document.contains("public_key_hex") && document["public_key_hex"].is_string()
            ? sync::from_hex(document["public_key_hex"].get<std::string>())
            : Result<std::vector<uint8_t>>(make_error("no public_key_hex"));
    if (!key || key->size() != run.seal_key.size()) {
      run.reject("GET /v1/seal/key: not a 32-byte key in public_key_hex");
      return Next::Done;
    }
    std::copy(key->begin(), key->end(), run.seal_key.begin());
    run.have_seal_key = true;
    if (sync::to_hex(*key) != t.seal_public_key_hex)
      run.problem("the sealing key at /v1/seal/key is not the one enrollment handed over");
    return Next::Done;
  }
};

}  // namespace

std::unique_ptr<Flow> make_enroll_flow() { return std::make_unique<EnrollFlow>(); }
std::unique_ptr<Flow> make_seal_key_flow() { return std::make_unique<SealKeyFlow>(); }

}  // namespace pk::loadgen::detail
