// A terminal's minute: status polls, heartbeat, notices and ledger rows.
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

// A status poll round, then heartbeat, notices and ledger rows: what the terminal's sync worker
// does every minute (sync/sync_worker.cpp).
class TickFlow : public Flow {
 public:
  [[nodiscard]] FlowKind kind() const override { return FlowKind::Tick; }
  explicit TickFlow(Terminal& t) : m_terminal(t) {}
  ~TickFlow() override { m_terminal.tick_queued = false; }

  Next step(Runner& run, Terminal& t, const Reply* reply) override {
    if (reply == nullptr) {
      if (m_stage == Stage::Start) {
        // Least recently asked first, at most status_batch, only those not final.
        const size_t count = t.delivered.size();
        for (size_t i = 0; i < count && m_poll.size() < static_cast<size_t>(run.options.status_batch); ++i) {
          const size_t id = t.delivered[(t.poll_cursor + i) % count];
          if (!run.submissions[id].final_status) m_poll.push_back(id);
        }
        if (count > 0) t.poll_cursor = (t.poll_cursor + m_poll.size()) % count;
        m_stage = Stage::Poll;
      }
      return resend(run, t);
    }
    switch (m_stage) {
      case Stage::Start:
        break;
      case Stage::Poll: {
        const SubmissionState& s = run.submissions[m_poll[m_next]];
        if (reply->status != 200) {
          m_next = m_poll.size();  // the centre or the link is in trouble: the rest next round
        } else {
          auto status = sync::parse_application_status(reply->body);
          if (!status || status->tracking_code != s.tracking_code) {
            run.reject(status ? "the reply is about " + status->tracking_code : status.error().message);
          } else if (sync::is_final(status->status)) {
            run.submissions[m_poll[m_next]].final_status = true;
          }
          ++m_next;
        }
        return resend(run, t);
      }
      case Stage::Heartbeat: {
        if (reply->status != 200) return Next::Done;  // as the terminal: the rest waits for the next round
        const auto document = nlohmann::json::parse(reply->body, nullptr, false);
        if (!document.is_object() || !document.contains("server_time_unix") ||
            !document["server_time_unix"].is_number_integer()) {
          run.reject("heartbeat reply without server_time_unix");
          return Next::Done;
        }
        m_centre_offset = document["server_time_unix"].get<int64_t>() - unix_now();
        m_stage = Stage::Notices;
        return resend(run, t);
      }
      case Stage::Notices: {
        if (reply->status != 200) return Next::Done;
        if (auto notices = sync::parse_notices(reply->body); !notices) run.reject(notices.error().message);
        m_stage = Stage::Ledger;
        m_upload = ledger_upload(run, t);
        return resend(run, t);
      }
      case Stage::Ledger: {
        if (reply->status != 200) return Next::Done;
        auto receipt = sync::parse_ledger_receipt(reply->body);
        const sync::LedgerReceipt sent{static_cast<int64_t>(m_upload.changes.outages.size()),
                                       static_cast<int64_t>(m_upload.changes.runs.size()),
                                       static_cast<int64_t>(m_upload.changes.clock_events.size())};
        if (!receipt)
          run.reject(receipt.error().message);
        else if (*receipt != sent)
          run.reject("the centre stored other ledger counts than sent");
        else
          ++t.ticks;
        return Next::Done;
      }
    }
    return Next::Done;
  }

 private:
  enum class Stage { Start, Poll, Heartbeat, Notices, Ledger };

  Next resend(Runner& run, Terminal& t) {
    const std::string& base = run.options.centre.base_url;
    if (m_stage == Stage::Poll) {
      if (m_next < m_poll.size()) {
        run.send(t, "GET /v1/applications/{code}",
                 Call{sync::Method::Get,
                      base + "/v1/applications/" + run.submissions[m_poll[m_next]].tracking_code},
                 {200}, Conn::Reuse);
        return Next::Sent;
      }
      m_stage = Stage::Heartbeat;
    }
    if (m_stage == Stage::Heartbeat) {
      const std::string body = nlohmann::json{
          {"version", sync::kWireVersion},
          {"terminal_id", t.terminal_id},
          {"pending_outbox",
           t.queued_submissions}}.dump();
      Call call{
          sync::Method::Post, base + "/v1/heartbeat", {{"Content-Type", "application/json"}}, bytes_of(body)};
      run.send(t, "POST /v1/heartbeat", std::move(call), {200}, Conn::Reuse);
      return Next::Sent;
    }
    if (m_stage == Stage::Notices) {
      run.send(t, "GET /v1/notices", Call{sync::Method::Get, base + "/v1/notices"}, {200}, Conn::Reuse);
      return Next::Sent;
    }
    const std::string body = sync::to_json(m_upload);
    Call call{
        sync::Method::Post, base + "/v1/ledger", {{"Content-Type", "application/json"}}, bytes_of(body)};
    run.send(t, "POST /v1/ledger", std::move(call), {200}, Conn::CloseIfIdle);
    return Next::Sent;
  }

  // This run's row (it grows), the clock offset the heartbeat just measured, and for every
  // tenth terminal a printer outage: open on its first round, closed on its second.
  sync::LedgerUpload ledger_upload(Runner& run, Terminal& t) const {
    sync::LedgerUpload upload;
    upload.terminal_id = t.terminal_id;
    const int64_t now = unix_now();
    const std::string boot_id = run.boot_prefix + std::to_string(t.index);
    sla::RunChange row;
    row.id = 1;
    row.run.boot_id = boot_id;
    row.run.start_unix = run.run_start_unix;
    row.run.monotonic_duration_ms = std::max<int64_t>(0, now - run.run_start_unix) * 1000;
    row.run.last_wall_unix = now;
    upload.changes.runs.push_back(row);
    sla::ClockEventChange clock;
    clock.id = t.clock_events + 1;
    clock.event.kind = sla::ClockEventKind::CentreSync;
    clock.event.at_unix = now;
    clock.event.offset_seconds = m_centre_offset;
    upload.changes.clock_events.push_back(clock);
    if (t.index % 10 == 0 && t.ticks < 2) {
      sla::OutageChange outage;
      outage.outage.id = 1;
      outage.outage.cause = sla::OutageCause::PrinterDown;
      outage.outage.start_unix = run.run_start_unix;
      outage.boot_id = boot_id;
      if (t.ticks == 1) {
        outage.outage.end = sla::OutageEnd::Observed;
        outage.outage.end_unix = now;
        outage.outage.monotonic_duration_ms = std::max<int64_t>(0, now - run.run_start_unix) * 1000;
      }
      upload.changes.outages.push_back(outage);
    }
    return upload;
  }

  Terminal& m_terminal;
  Stage m_stage = Stage::Start;
  std::vector<size_t> m_poll;
  size_t m_next = 0;
  int64_t m_centre_offset = 0;
  sync::LedgerUpload m_upload;
};

}  // namespace

std::unique_ptr<Flow> make_tick_flow(Terminal& terminal) { return std::make_unique<TickFlow>(terminal); }

}  // namespace pk::loadgen::detail
