#include "kiosk/operator/operator_desk.h"

#include <spdlog/spdlog.h>

#include <ctime>

#include "base/secure_wipe.h"
#include "domain/text_normalize.h"
#include "domain/tracking_code.h"
#include "drivers/barcode/service_slip.h"
#include "kiosk/device_words.h"
#include "kiosk/operator/operator_submission.h"

namespace pk::kiosk::op {

namespace {

// Pages taken per frame: enough to keep up with a 120 ppm feeder at 60 fps many times over,
// few enough that one frame never converts a whole stack of thumbnails.
constexpr size_t kPagesPerFrame = 4;

}  // namespace

OperatorDesk::OperatorDesk(DeskParts parts)
    : m_parts(std::move(parts)),
      m_flow(m_parts.catalog, m_parts.config.language,
             IdleLogout{.after_seconds = static_cast<double>(m_parts.config.operator_idle_logout_seconds)}) {}

OperatorDesk::~OperatorDesk() { m_batch.reset(); }

Result<std::unique_ptr<OperatorDesk>> OperatorDesk::create(DeskParts parts) {
  auto accounts = OperatorAccounts::open(OperatorAccounts::default_path(parts.config.data_dir));
  if (!accounts) return accounts.error();
  std::unique_ptr<OperatorDesk> desk(new OperatorDesk(std::move(parts)));
  desk->m_accounts = std::move(accounts.value());
  return desk;
}

int64_t OperatorDesk::now_unix() const {
  return m_parts.now_unix ? m_parts.now_unix() : static_cast<int64_t>(std::time(nullptr));
}

void OperatorDesk::set_scanner(scanner::ScannerDriver* scanner) {
  if (m_batch) return;
  m_parts.scanner = scanner;
}

void OperatorDesk::audit(std::string_view actor, std::string_view action, std::string_view detail) {
  // The audit log is the office's evidence; a failure to write it is logged loudly but does
  // not stop the counter (the store refuses nothing else for it).
  if (auto written = m_parts.store.append_audit(actor, action, detail); !written)
    spdlog::error("audit {} {}: {}", actor, action, written.error().message);
}

void OperatorDesk::flush_audit() {
  const std::string actor = "operator:" + m_flow.state().operator_id;
  for (const SessionAudit& note : m_flow.take_audit()) audit(actor, note.action, note.detail);
}

ArrivedPage OperatorDesk::to_arrived(imaging::ProcessedPage page) {
  ArrivedPage out;
  out.blank = page.blank;
  if (page.cover_sheet) out.cover_document = page.cover_sheet->document_type;
  ReviewPage& r = out.page;
  r.encoding = page.encoding;
  r.bytes = std::move(page.bytes);
  r.sha256 = page.sha256;
  r.thumb_rgba = imaging::to_rgba(page.thumbnail);
  r.thumb_width = page.thumbnail.width;
  r.thumb_height = page.thumbnail.height;
  r.thumb_id = m_next_thumb_id++;
  r.flagged = !page.review.empty();
  secure_wipe(page.thumbnail.pixels);
  return out;
}

void OperatorDesk::poll() {
  if (m_batch) {
    for (imaging::ProcessedPage& page : m_batch->take_ready(kPagesPerFrame)) {
      m_thumbs_dirty = true;
      if (!m_flow.page_arrived(to_arrived(std::move(page))))
        spdlog::warn("a scanned page arrived out of place");
    }
    if (m_batch->finished()) {
      const std::string problem = m_batch->problem(m_flow.language());
      m_batch.reset();
      m_flow.scan_finished(problem);
    }
  }
  flush_audit();
}

OperatorAction OperatorDesk::draw(ui::Ui& ui, const ui::Rect& screen, std::span<const std::string> notices) {
  OperatorScreenContext ctx{ui, m_flow, m_keyboard, m_parts.catalog, m_parts.config, screen};
  ctx.notices = notices;
  ctx.can_take_applications = m_parts.centre_key.has_value();
  ctx.has_scanner = m_parts.scanner != nullptr;
  ctx.now_unix = now_unix();
  switch (m_flow.state().screen) {
    case OperatorScreen::Login:
      draw_login_screen(ctx);
      break;
    case OperatorScreen::Home:
      draw_home_screen(ctx);
      break;
    case OperatorScreen::NewApplication:
      draw_new_application_screen(ctx);
      break;
    case OperatorScreen::BatchScan:
      draw_batch_scan_screen(ctx);
      break;
    case OperatorScreen::PageReview:
      draw_page_review_screen(ctx);
      break;
    case OperatorScreen::Receipt:
      draw_receipt_screen(ctx);
      break;
    case OperatorScreen::Outbox:
      draw_outbox_screen(ctx);
      break;
  }
  op::draw_idle_logout_banner(ctx);
  return ctx.action;
}

void OperatorDesk::draw_idle_logout_banner(ui::Ui& ui, const ui::Rect& screen) {
  OperatorScreenContext ctx{ui, m_flow, m_keyboard, m_parts.catalog, m_parts.config, screen};
  op::draw_idle_logout_banner(ctx);
}

void OperatorDesk::perform(OperatorAction action, double now) {
  switch (action) {
    case OperatorAction::None:
      break;
    case OperatorAction::Login:
      login();
      break;
    case OperatorAction::StartScan:
      start_scan();
      break;
    case OperatorAction::CancelScan:
      if (m_batch) m_batch->cancel();  // the pages already fed still come through
      break;
    case OperatorAction::Submit:
      submit(now);
      break;
    case OperatorAction::LoadOutbox:
      load_outbox();
      break;
    case OperatorAction::Logout:
      logout(LogoutReason::Operator);
      break;
    case OperatorAction::OpenStatusCheck:
    case OperatorAction::OpenFailureReport:
    case OperatorAction::OpenTechnician:
      break;  // the App's (see OperatorAction)
  }
  flush_audit();
}

void OperatorDesk::logout(LogoutReason reason) {
  if (m_batch) m_batch.reset();
  if (m_flow.state().scanning) m_flow.scan_finished("");
  flush_audit();
  // The flow forgets who was logged in: the logout's own note is written under that name.
  const std::string actor = "operator:" + m_flow.state().operator_id;
  if (m_flow.logout(reason))
    for (const SessionAudit& note : m_flow.take_audit()) audit(actor, note.action, note.detail);
}

bool OperatorDesk::tick(double now) {
  const std::string actor = "operator:" + m_flow.state().operator_id;
  if (!m_flow.tick(now)) return false;
  // The flow has logged out and wiped the application; its note goes under the operator's name.
  for (const SessionAudit& note : m_flow.take_audit()) audit(actor, note.action, note.detail);
  spdlog::info("counter: {} idle, logged out and the application in progress wiped", actor);
  return true;
}

void OperatorDesk::login() {
  const OperatorState& s = m_flow.state();
  auto id = normalise_operator_id(s.id_input);
  const std::string actor = "operator:" + (id ? id.value() : std::string("?"));
  const LoginResult result = m_accounts->verify(s.id_input, s.pin_input, now_unix());
  if (!m_accounts->last_write_error().empty()) spdlog::error("operators: {}", m_accounts->last_write_error());
  const catalog::Language lang = m_flow.language();
  switch (result.outcome) {
    case LoginOutcome::Ok:
      audit(actor, "login", "");
      m_flow.login_succeeded(id.value());
      load_outbox();  // the home screen shows how much is waiting
      return;
    case LoginOutcome::WrongCredentials: {
      audit(actor, "login_failed",
            result.attempts_left > 0 ? std::to_string(result.attempts_left) + " left" : "");
      std::string message = strings::kWrongCredentials.in(lang);
      if (result.attempts_left > 0)
        message += std::string(" ") + strings::kAttemptsLeft.in(lang) + " " +
                   (uses_persian_digits(lang) ? to_persian_digits(std::to_string(result.attempts_left))
                                              : std::to_string(result.attempts_left));
      m_flow.login_failed(std::move(message));
      return;
    }
    case LoginOutcome::LockedOut: {
      audit(actor, "login_locked_out", "until " + std::to_string(result.locked_until_unix));
      const int64_t minutes = std::max<int64_t>(1, (result.locked_until_unix - now_unix() + 59) / 60);
      const std::string m = std::to_string(minutes);
      m_flow.login_failed(std::string(strings::kLockedOut.in(lang)) + " " +
                          (uses_persian_digits(lang) ? to_persian_digits(m) : m));
      return;
    }
  }
}

void OperatorDesk::start_scan() {
  if (!m_flow.scan_requested() || m_batch) return;
  const pk::Language lang = m_flow.language();
  if (!m_parts.scanner) {
    m_flow.scan_started();
    m_flow.scan_finished(std::string(device_words(scanner::ScannerStatus::Unplugged, lang)));
    return;
  }
  // Opening is quick and safe to repeat; it reconnects after an unplug.
  if (auto opened = m_parts.scanner->open(); !opened) spdlog::warn("scanner: {}", opened.error().message);
  const scanner::ScanSettings settings{
      .source = m_flow.state().sides == ScanSides::Both ? scanner::Source::AdfDuplex : scanner::Source::Adf,
      .mode = scanner::ColorMode::Gray,
      .dpi = 200};
  m_flow.scan_started();
  m_batch = std::make_unique<BatchScan>(*m_parts.scanner, settings, m_parts.pipeline);
}

void OperatorDesk::submit(double now) {
  const catalog::Service* service = m_flow.service();
  if (!service || !m_parts.centre_key) return;  // the screen offers no submit without the key
  const catalog::Language lang = m_flow.language();
  SubmissionContext ctx{m_parts.store, *m_parts.centre_key, m_parts.config, now_unix(),
                        static_cast<int64_t>(now * 1000)};
  auto saved = submit_counter_application(ctx, *service, m_flow.state());
  if (!saved) {
    spdlog::error("counter submit failed: {}", saved.error().message);
    m_flow.submit_failed(std::string(persian_or_english(lang) == catalog::Language::Persian
                                         ? "ثبت نشد؛ دوباره تلاش کنید. "
                                         : "Not saved; try again. ") +
                         "(" + saved.error().message + ")");
    return;
  }
  Receipt receipt;
  receipt.tracking_digits = saved->tracking_code;
  auto code = parse_tracking_code(saved->tracking_code);
  receipt.tracking_display = code ? format(code.value(), lang) : saved->tracking_code;
  if (m_parts.printing) {
    const ApplicationReceipt facts{
        .language = lang, .service = service->number, .id_kind = m_flow.state().identity.kind};
    const PrintOutcome printed = m_parts.printing->print_application(
        m_parts.catalog, facts, saved->tracking_code, ctx.now_unix, m_parts.config);
    receipt.printed = printed.printed;
    receipt.print_problem = printed.problem;
  } else {
    receipt.print_problem = std::string(device_words(PrinterStatus::Offline, lang));
  }
  const std::string actor = "operator:" + m_flow.state().operator_id;
  // The store wrote "application_saved" with the code in the same transaction; this line
  // says what the operator did around it.
  audit(actor, receipt.printed ? "receipt_printed" : "receipt_queued", saved->tracking_code);
  spdlog::info("counter application {} saved (outbox {})", saved->tracking_code, saved->outbox_id);
  m_flow.saved(std::move(receipt));
}

bool OperatorDesk::code_scanned(std::string_view code) {
  auto service = barcode::parse_service_slip(code);
  if (!service) return false;
  return m_flow.open_application_for(service.value());
}

void OperatorDesk::load_outbox() {
  auto view = op::load_outbox(m_parts.store, now_unix());
  if (!view) {
    OutboxView failed;
    failed.problem = view.error().message;
    m_flow.outbox_loaded(std::move(failed));
    return;
  }
  if (m_flow.state().screen == OperatorScreen::Outbox)
    audit("operator:" + m_flow.state().operator_id, "outbox_viewed",
          std::to_string(view->pending) + " pending");
  m_flow.outbox_loaded(std::move(view.value()));
}

void OperatorDesk::collect_textures(std::vector<ui::ExternalTexture>& out) {
  for (const ReviewPage& page : m_flow.state().pages)
    if (!page.thumb_rgba.empty())
      out.push_back({reinterpret_cast<const void*>(static_cast<uintptr_t>(page.thumb_id)), page.thumb_width,
                     page.thumb_height, reinterpret_cast<const uint32_t*>(page.thumb_rgba.data()),
                     &m_thumbs_dirty});
}

}  // namespace pk::kiosk::op
