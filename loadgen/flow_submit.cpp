// One application delivered, as the terminal's delivery does it.
#include <sodium.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "domain/tracking_code.h"
#include "loadgen/runner.h"
#include "protocol/encoding.h"
#include "protocol/sealing.h"
#include "protocol/tus_headers.h"
#include "protocol/wire.h"

namespace pk::loadgen::detail {
namespace {

// One application delivered as the terminal's delivery does it (sync/delivery.cpp).
class SubmitFlow : public Flow {
 public:
  [[nodiscard]] FlowKind kind() const override { return FlowKind::Submit; }
  explicit SubmitFlow(size_t id) : m_id(id) {}

  Next step(Runner& run, Terminal& t, const Reply* reply) override {
    SubmissionState& s = run.submissions[m_id];
    if (reply == nullptr) {
      if (!m_body) {
        if (auto made = prepare(run, t, s); !made) {
          run.problem(s.tracking_code + ": " + made.error().message);
          s.stage = Stage::Failed;
          return Next::Done;
        }
      }
      return post(run, t, s);  // first try, or the whole delivery again after a failure
    }
    switch (m_stage) {
      case Step::Post:
        return on_post(run, t, s, *reply);
      case Step::Patch:
        return on_patch(run, t, s, *reply);
      case Step::Confirm:
        return on_confirm(run, t, s, *reply);
      case Step::Replay:
        return on_replay(run, s, *reply);
    }
    return Next::Done;
  }

 private:
  enum class Step { Post, Patch, Confirm, Replay };

  Result<void> prepare(Runner& run, Terminal& t, SubmissionState& s) {
    const LoadOptions& o = run.options;
    sync::Submission submission;
    submission.tracking_code = s.tracking_code;
    submission.kind = "application";
    submission.service_number = 1 + static_cast<int64_t>(run.rng() % 23);
    submission.channel = run.rng() % 4 == 0 ? "counter" : "kiosk";
    if (submission.channel == "counter") submission.operator_id = "1001";
    submission.terminal_id = t.terminal_id;
    submission.created_at_unix = unix_now();
    const std::string personal = nlohmann::json{
        {"national_id", std::to_string(1000000000 + run.rng() % 900000000)},
        {"name", "load generator"}}.dump();
    std::vector<uint8_t> personal_bytes(personal.begin(), personal.end());
    if (o.seal) {
      auto sealed = store::seal(personal_bytes, run.seal_key);
      if (!sealed) return sealed.error();
      personal_bytes = std::move(sealed).value();
    }
    submission.sealed_personal_base64 = sync::to_base64(personal_bytes);
    s.pages.clear();
    for (int i = 0; i < o.pages; ++i) {
      std::vector<uint8_t> clear(static_cast<size_t>(o.page_bytes));
      // A page's worth of random bytes from a fresh 32-byte seed: one getrandom() call a page
      // instead of one per 256 bytes (libsodium's randombytes_buf asks the kernel in 256-byte
      // slices, about 600 system calls a 150 KB page). The pages stay distinct and random, so the
      // centre sees what it would see from terminals; a terminal seals its scans on its own CPU.
      std::array<uint8_t, randombytes_SEEDBYTES> seed{};
      randombytes_buf(seed.data(), seed.size());
      randombytes_buf_deterministic(clear.data(), clear.size(), seed.data());
      std::vector<uint8_t> sealed;
      if (o.seal) {
        auto made = store::seal(clear, run.seal_key);
        if (!made) return made.error();
        sealed = std::move(made).value();
      } else {
        sealed = std::move(clear);
      }
      const sync::Digest digest = sync::sha256(sealed);
      const auto sealed_size = static_cast<int64_t>(sealed.size());
      s.pages.push_back({o.page_bytes, sealed_size, sync::to_hex(digest), {}});
      submission.pages.push_back(
          {"national_card", i + 1, "image/jpeg", o.page_bytes, sealed_size, sync::to_hex(digest)});
      m_digests.push_back(digest);
      m_pages.push_back(std::make_shared<const std::vector<uint8_t>>(std::move(sealed)));
    }
    const std::string body = sync::to_json(submission);
    m_digest_header = "sha-256=" + sync::to_base64(sync::sha256(body));
    m_body = bytes_of(body);
    return {};
  }

  Next post(Runner& run, Terminal& t, SubmissionState& s) {
    m_stage = Step::Post;
    if (!s.sent) {
      s.sent = true;
      s.first_post = Clock::now();
      t.sent.push_back(m_id);
      ++run.figures.sent;
    }
    s.stage = Stage::UnderWay;
    run.send(t, "POST /v1/applications", application_post(run, s), {200, 201}, Conn::Reuse);
    return Next::Sent;
  }

  Call application_post(Runner& run, const SubmissionState& s) const {
    Call call{sync::Method::Post,
              run.options.centre.base_url + "/v1/applications",
              {{"Content-Type", "application/json"},
               {"Idempotency-Key", s.idempotency_key},
               {"Digest", m_digest_header}},
              m_body};
    return call;
  }

  Next retry(Runner& run, Terminal& t, SubmissionState& s, const Reply& reply) {
    if (!retryable(reply)) {
      s.stage = Stage::Failed;  // a refusal a retry cannot change
      return Next::Done;
    }
    if (++m_failures > run.options.retries) {
      s.stage = Stage::Failed;
      run.problem(s.tracking_code + ": given up after " + std::to_string(run.options.retries) + " retries");
      return Next::Done;
    }
    return run.wait(t, milliseconds(1000 << std::min(m_failures - 1, 3)));
  }

  // The pages and upload URLs of the centre's reply, held against what this submission sent.
  bool take_upload_paths(Runner& run, SubmissionState& s, const sync::ApplicationStatus& status) {
    if (status.tracking_code != s.tracking_code || status.pages.size() != s.pages.size()) {
      run.reject("the reply is about another application or page count");
      return false;
    }
    for (size_t i = 0; i < s.pages.size(); ++i) {
      const std::string& path = status.pages[i].upload_path;
      if (s.pages[i].upload_path.empty()) {
        s.pages[i].upload_path = path;
        auto [it, inserted] = run.upload_owner.emplace(path, std::make_pair(m_id, i));
        if (!inserted && it->second != std::make_pair(m_id, i))
          run.duplicate(m_id, "page " + std::to_string(i + 1) + " got the upload of " +
                                  run.submissions[it->second.first].tracking_code);
      } else if (s.pages[i].upload_path != path) {
        run.duplicate(m_id, "page " + std::to_string(i + 1) + " got a second upload");
      }
    }
    return true;
  }

  Next on_post(Runner& run, Terminal& t, SubmissionState& s, const Reply& reply) {
    if (reply.status != 200 && reply.status != 201) {
      if (reply.status == 409 || reply.status == 422)
        run.duplicate(m_id, "HTTP " + std::to_string(reply.status));
      return retry(run, t, s, reply);
    }
    if (reply.status == 201 && ++s.created_replies > 1) run.duplicate(m_id, "a second 201 for one key");
    auto status = sync::parse_application_status(reply.body);
    if (!status) {
      run.reject(status.error().message);
      return retry(run, t, s, Reply{});
    }
    if (!take_upload_paths(run, s, *status)) return retry(run, t, s, Reply{});
    m_status = std::move(status).value();
    m_page = 0;
    return next_page(run, t, s);
  }

  Next next_page(Runner& run, Terminal& t, SubmissionState& s) {
    while (m_page < s.pages.size() && m_status.pages[m_page].complete) ++m_page;
    if (m_page == s.pages.size()) return acknowledged(run, t, s);
    auto url = upload_url(run.options.centre, s.pages[m_page].upload_path);
    if (!url) {
      run.problem(s.tracking_code + ": " + url.error().message);
      s.stage = Stage::Failed;
      return Next::Done;
    }
    m_url = std::move(url).value();
    // As the terminal's delivery: the application's reply gave the page's offset, so no HEAD
    // (a stale one is refused with 409 and the whole delivery starts again from the POST).
    const int64_t size = s.pages[m_page].sealed_size;
    const sync::PageStatus& reported = m_status.pages[m_page];
    if (reported.sealed_size != size || reported.received < 0 || reported.received > size) {
      run.reject("the application's reply gives page " + std::to_string(m_page + 1) + " an offset of " +
                 std::to_string(reported.received) + " of " + std::to_string(reported.sealed_size) +
                 " bytes");
      return retry(run, t, s, Reply{});
    }
    m_offset = reported.received;
    if (m_offset == size) {
      ++m_page;
      return next_page(run, t, s);
    }
    return patch(run, t);
  }

  Next patch(Runner& run, Terminal& t) {
    const auto& page = m_pages[m_page];
    const int64_t size = static_cast<int64_t>(page->size());
    m_chunk = std::min<int64_t>(static_cast<int64_t>(run.options.chunk_bytes), size - m_offset);
    const std::span<const uint8_t> chunk(page->data() + m_offset, static_cast<size_t>(m_chunk));
    const sync::Digest digest = m_chunk == size ? m_digests[m_page] : sync::sha256(chunk);
    Call call{sync::Method::Patch,
              m_url,
              {{"Tus-Resumable", std::string(sync::tus::kVersion)},
               {"Content-Type", std::string(sync::tus::kOffsetContentType)},
               {"Upload-Offset", std::to_string(m_offset)},
               {"Upload-Checksum", sync::tus::checksum_header(digest)}},
              page};
    call.body = chunk;
    m_stage = Step::Patch;
    run.figures.bytes_uploaded += m_chunk;
    run.send(t, "PATCH /v1/uploads/{id}", std::move(call), {200, 204}, Conn::Reuse);
    return Next::Sent;
  }

  Next on_patch(Runner& run, Terminal& t, SubmissionState& s, const Reply& reply) {
    if (reply.status != 200 && reply.status != 204) {
      if (reply.status == 404 || reply.status == 410 || reply.status == 412 || reply.status == 413) {
        s.stage = Stage::Failed;  // not something a retry fixes (as the terminal's tus client)
        return Next::Done;
      }
      return retry(
          run, t, s,
          reply.status == 409 || reply.status == sync::tus::kStatusChecksumMismatch ? Reply{} : reply);
    }
    const std::string* offset = reply.header("upload-offset");
    auto parsed = offset != nullptr ? sync::tus::parse_length(*offset) : Result<int64_t>(make_error("none"));
    if (!parsed || *parsed != m_offset + m_chunk) {
      run.reject("PATCH reply offset is not " + std::to_string(m_offset + m_chunk));
      return retry(run, t, s, Reply{});
    }
    m_offset = *parsed;
    if (m_offset < s.pages[m_page].sealed_size) return patch(run, t);
    ++m_page;
    return next_page(run, t, s);
  }

  Next acknowledged(Runner& run, Terminal& t, SubmissionState& s) {
    s.stage = Stage::Acknowledged;
    s.ack_ms = ms_between(s.first_post, Clock::now());
    t.delivered.push_back(m_id);
    m_pages.clear();  // every byte is at the centre: only sizes and digests are kept
    m_stage = Step::Confirm;
    run.send(t, "GET /v1/applications/{code}",
             Call{sync::Method::Get, run.options.centre.base_url + "/v1/applications/" + s.tracking_code},
             {200}, s.replay ? Conn::Reuse : Conn::CloseIfIdle);
    return Next::Sent;
  }

  Next on_confirm(Runner& run, Terminal& t, SubmissionState& s, const Reply& reply) {
    if (reply.status == 200) {
      auto status = sync::parse_application_status(reply.body);
      if (!status || status->tracking_code != s.tracking_code) {
        run.reject(status ? "the reply is about " + status->tracking_code : status.error().message);
      } else {
        bool all = status->pages.size() == s.pages.size() && status->status != sync::CentreStatus::Receiving;
        for (size_t i = 0; all && i < s.pages.size(); ++i) {
          const sync::PageStatus& page = status->pages[i];
          all = page.complete && page.sealed_sha256_hex == s.pages[i].sha256_hex &&
                page.sealed_size == s.pages[i].sealed_size;
        }
        if (all)
          s.confirmed = true;
        else
          run.problem(s.tracking_code + ": acknowledged, but its status call does not confirm every page");
      }
    }
    if (!s.replay) return Next::Done;
    // A terminal that lost the centre's reply posts the same thing again with the same key.
    ++run.figures.replays;
    m_stage = Step::Replay;
    run.send(t, "POST /v1/applications (replay)", application_post(run, s), {200}, Conn::CloseIfIdle);
    return Next::Sent;
  }

  Next on_replay(Runner& run, SubmissionState& s, const Reply& reply) {
    if (reply.status == 201 && ++s.created_replies > 1)
      run.duplicate(m_id, "a replayed key was stored again");
    if (reply.status == 200) {
      const std::string* replayed = reply.header("idempotent-replayed");
      if (replayed == nullptr || *replayed != "true")
        run.reject("a replay without Idempotent-Replayed: true");
      auto status = sync::parse_application_status(reply.body);
      if (!status)
        run.reject(status.error().message);
      else
        take_upload_paths(run, s, *status);
    }
    return Next::Done;
  }

  size_t m_id;
  Step m_stage = Step::Post;
  std::shared_ptr<const std::vector<uint8_t>> m_body;
  std::string m_digest_header;
  std::vector<std::shared_ptr<const std::vector<uint8_t>>> m_pages;
  std::vector<sync::Digest> m_digests;
  sync::ApplicationStatus m_status;
  size_t m_page = 0;
  std::string m_url;
  int64_t m_offset = 0;
  int64_t m_chunk = 0;
  int m_failures = 0;
};

}  // namespace

std::unique_ptr<Flow> make_submit_flow(size_t submission) { return std::make_unique<SubmitFlow>(submission); }

}  // namespace pk::loadgen::detail
