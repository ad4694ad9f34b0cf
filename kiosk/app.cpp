#include "kiosk/app.h"

#include <SDL.h>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <future>
#include <thread>

#include "base/secure_wipe.h"
#include "domain/sla_notice_format.h"
#include "domain/text_normalize.h"
#include "domain/tracking_code.h"
#include "drivers/cardreader/apps/icao/read_passport.h"
#include "kiosk/capture.h"
#include "kiosk/catalog_source.h"
#include "kiosk/centre_key.h"
#include "kiosk/device_words.h"
#include "kiosk/enrolled_identity.h"
#include "kiosk/operator/operator_desk.h"
#include "kiosk/passport_trust.h"
#include "kiosk/screens/pictogram_names.h"
#include "kiosk/screens/screen_guide.h"
#include "kiosk/submission.h"
#include "kiosk/watchdog.h"
#include "provisioning/terminal_identity.h"

namespace pk::kiosk {

static double monotonic_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// The pictograms ship beside the catalog: data/pictograms in a checkout,
// /usr/share/pishkhan/pictograms when installed.
static std::filesystem::path pictogram_folder(const Config& config) {
  return config.catalog_file.parent_path() / "pictograms";
}

// Parses and draws every pictogram once; one log line for each left out (the screens then
// show that one's text alone) and one for what it took.
static std::unique_ptr<ui::PictogramAtlas> load_pictograms(const Config& config, float body_px) {
  const double started = monotonic_seconds();
  const std::vector<std::string> mirrored(pictograms::kMirroredInRtl.begin(),
                                          pictograms::kMirroredInRtl.end());
  ui::PictogramAtlas::Loaded loaded = ui::PictogramAtlas::load(pictogram_folder(config), body_px, mirrored);
  for (const std::string& problem : loaded.problems) spdlog::warn("pictogram left out: {}", problem);
  spdlog::info("pictograms: {} drawn from {} in {:.1f} ms", loaded.atlas->names().size(),
               pictogram_folder(config).string(), (monotonic_seconds() - started) * 1000);
  return std::move(loaded.atlas);
}

Result<std::unique_ptr<App>> App::create(const Config& config, ui::DisplayMode mode) {
  std::unique_ptr<App> app(new App());
  app->m_config = config;
  // librsvg takes tens of milliseconds over the pictograms: they are drawn beside the catalog,
  // the store and the fonts, for the configured height (a full-screen display of another size
  // draws them again at its first frame).
  std::future<std::unique_ptr<ui::PictogramAtlas>> pictograms = std::async(std::launch::async, [config] {
    return load_pictograms(config, ui::kiosk_theme(static_cast<float>(config.height)).body_px);
  });

  auto loaded = load_catalog(config.catalog_file, last_good_catalog_path(config.data_dir));
  if (!loaded) return loaded.error();
  for (const std::string& refusal : loaded->refusals) spdlog::error("catalog refused: {}", refusal);
  spdlog::info("catalog version {} with {} services from {}", loaded->catalog.version,
               loaded->catalog.services.size(), loaded->from.string());
  app->m_catalog = std::move(loaded->catalog);

  auto store = store::Store::open(config.data_dir / "pishkhan.db");
  if (!store) return store.error();
  app->m_store = std::move(store.value());

  // The service-level ledger shares the store's file (its own connection). Without it the
  // kiosk still serves citizens; the technician screen says why the figures are missing.
  auto ledger = sla::Ledger::open(config.data_dir / "pishkhan.db", app->m_time);
  if (ledger) {
    app->m_ledger = std::move(ledger.value());
    if (app->m_ledger->recovery().closed_outages > 0)
      spdlog::warn(
          "service-level ledger: {} outage(s) left open by the last run closed at its last heartbeat",
          app->m_ledger->recovery().closed_outages);
    auto detector = sla::OutageDetector::create(*app->m_ledger);
    if (detector)
      app->m_detector.emplace(std::move(detector.value()));
    else
      app->m_ledger_problem = detector.error().message;
  } else {
    app->m_ledger_problem = ledger.error().message;
    spdlog::error("service-level ledger: {}", app->m_ledger_problem);
  }
  auto technicians = tech::TechnicianDesk::create(config.data_dir);
  if (technicians)
    app->m_tech = std::move(technicians.value());
  else
    spdlog::error("technician accounts: {}", technicians.error().message);

  // Without the centre's key nothing can be sealed, so nothing is accepted: the kiosk still
  // shows the catalog and says why it cannot take requests.
  auto key = load_centre_key(centre_key_path(config.data_dir));
  if (key)
    app->m_centre_key = key.value();
  else
    spdlog::warn("{}", key.error().message);

  auto text = ui::TextEngine::create(ui::FontPaths::debian_noto());
  if (!text) return text.error();
  app->m_text = std::move(text.value());

  // The devices, each the one device set-up saved (kiosk/device_set.h).
  app->m_devices = DeviceSet::open(config, *app->m_text);
  // Spoken guidance on the citizen screens (off at the counter: the operator reads). Headless
  // (the demo, the tests) there is usually no sound card: unless told otherwise, SDL's `dummy`
  // audio driver plays the sound into nothing, so the screens are the ones a kiosk shows.
  // Headless nothing reads SDL's events, so SDL must not take SIGINT and SIGTERM either (its
  // handlers turn them into a quit event nobody sees, and a stopped demo or test ran on).
  if (mode == ui::DisplayMode::Headless) {
    ::setenv("SDL_AUDIODRIVER", "dummy", 0);
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  }
  if (config.mode == TerminalMode::Citizen) app->m_speech = SpokenGuidance::open(config);

  auto platform = ui::Platform::create({.mode = mode, .width = config.width, .height = config.height});
  if (!platform) return platform.error();
  app->m_platform = std::move(platform.value());

  app->m_theme = ui::kiosk_theme(static_cast<float>(app->m_platform->height()));
  app->m_pictograms = pictograms.get();
  app->m_pictograms->rebuild(app->m_theme.body_px);
  app->m_ui = std::make_unique<ui::Ui>(*app->m_text, app->m_theme);
  app->m_ui->set_pictograms(app->m_pictograms.get());
  app->m_flow = std::make_unique<CitizenFlow>(app->m_catalog, config.language, config.idle_timeout_seconds);
  app->m_probes = IdleProbes({.missed_heartbeats = config.outage_after_missed_heartbeats,
                              .device_every_seconds = static_cast<double>(config.device_probe_seconds)});
  if (config.mode == TerminalMode::Counter)
    if (auto desk = app->open_operator_desk(); !desk) return desk.error();

  // Delivery to the centre runs on its own thread with its own store connection: the screens
  // never wait on the network.
  // Only an enrolled terminal talks to the centre (mutual TLS); until then captures wait.
  auto identity = config.centre_url.empty()
                      ? Result<std::optional<provisioning::TerminalIdentity>>(std::nullopt)
                      : provisioning::load_identity(config.data_dir);
  if (!config.centre_url.empty() && !(identity && identity->has_value()))
    spdlog::warn(
        "sync: not enrolled with a centre{}: captures wait in the outbox (pishkhan-kiosk --enroll CODE)",
        identity ? "" : ": " + identity.error().message);
  if (!config.centre_url.empty() && identity && identity->has_value()) app->start_sync(**identity);

  // Where the devices stand at start: an outage opens now if one is missing.
  const tech::DeskDevices devices = app->device_summary();
  if (!devices.card_reader.empty() && !devices.card_reader_ok)  // e.g. the saved reader is not attached
    spdlog::warn("card reader: {}", devices.card_reader);
  sla::Observation at_start;
  at_start.printer = devices.printer_ok ? sla::Status::Up : sla::Status::Down;
  at_start.scanner = devices.scanner_ok ? sla::Status::Up : sla::Status::Down;
  at_start.kiosk = sla::Status::Up;
  at_start.detail = devices.printer_ok ? devices.scanner : devices.printer;
  app->observe(at_start);
  app->refresh_notices();
  app->apply_style();
  return app;
}

App::~App() {
  if (m_sync) m_sync->stop();
  m_desk.reset();  // stops a running batch before the scanner it uses goes
}

bool App::replace_scanner(std::unique_ptr<scanner::ScannerDriver> scanner) {
  if (m_desk && m_desk->scanning()) return false;
  if (m_tech && m_tech->holds(provisioning::DeviceRole::Scanner)) return false;
  m_devices.replace_scanner(std::move(scanner));
  if (m_desk) m_desk->set_scanner(m_devices.scanner());
  return true;
}

void App::apply_style() const {
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.ScrollbarSize = 20 * m_theme.scale;  // wide enough for a finger
  style.ScrollbarRounding = 10 * m_theme.scale;
  style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(m_theme.background);
  style.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  style.Colors[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(m_theme.divider);
}

void App::draw_screen(ScreenContext& ctx, double now) {
  switch (m_flow->state().screen) {
    case CitizenScreen::Welcome:
      draw_welcome_screen(ctx);
      break;
    case CitizenScreen::Browse:
      draw_browse_screen(ctx);
      break;
    case CitizenScreen::ServiceCard:
      draw_service_card_screen(ctx);
      break;
    case CitizenScreen::Identify:
      draw_identify_screen(ctx);
      break;
    case CitizenScreen::ReadPassport:
      draw_passport_screen(ctx);
      break;
    case CitizenScreen::Capture:
      draw_capture_screen(ctx);
      break;
    case CitizenScreen::Review:
      draw_review_screen(ctx);
      break;
    case CitizenScreen::Saved:
      draw_saved_screen(ctx);
      break;
    case CitizenScreen::StatusEntry:
    case CitizenScreen::StatusResult:
      draw_status_screens(ctx);
      break;
    case CitizenScreen::ReportService:
    case CitizenScreen::ReportDetails:
      draw_report_screens(ctx);
      break;
  }
  (void)now;
}

void App::collect_textures(std::vector<ui::ExternalTexture>& out) {
  for (const auto& page : m_text->atlas_pages())
    out.push_back({page.get(), page->width, page->height, page->rgba.data(), &page->dirty});
  for (const auto& page : m_pictograms->pages())
    out.push_back({page.get(), page->width, page->height, page->rgba.data(), &page->dirty});
  if (m_desk) m_desk->collect_textures(out);
  for (const CapturedDocument& doc : m_flow->state().documents)
    for (const CapturedPage& page : doc.pages)
      if (!page.preview_rgba.empty())
        out.push_back({reinterpret_cast<const void*>(static_cast<uintptr_t>(page.preview_id)),
                       page.preview_width, page.preview_height,
                       reinterpret_cast<const uint32_t*>(page.preview_rgba.data()), &m_preview_dirty});
}

// Every mode's frame starts alike: a new ImGui and text-engine frame, and one full-screen
// window the mode draws into (the caller ends it).
ui::Rect App::begin_screen_frame(double now, bool rtl, const char* window, ui::TextSize text_size) {
  const float delta = m_last_frame > 0 ? static_cast<float>(now - m_last_frame) : 1.0f / 60.0f;
  m_last_frame = now;
  m_platform->begin_frame(delta);
  // The display may turn out another size than the one the window was made at (a full-screen
  // window learns it after it is shown; a monitor may be swapped): scale the theme to it, and
  // to the citizen's text size. The atlas is rebuilt at the new size before anything is laid out.
  const ui::Theme wanted = ui::kiosk_theme(static_cast<float>(m_platform->height()), text_size);
  if (wanted.scale != m_theme.scale || wanted.text_size != m_theme.text_size) {
    m_theme = wanted;
    apply_style();
  }
  m_text->rebuild_atlas(m_theme.scale * m_theme.text_factor);
  // Pictograms follow the text size (a new display size, the A+ button): drawn again only
  // when it changed.
  m_pictograms->rebuild(m_theme.body_px);
  m_text->begin_frame();
  m_ui->begin_frame(rtl);
  const ImVec2 size(static_cast<float>(m_platform->width()), static_cast<float>(m_platform->height()));
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(size);
  ImGui::Begin(window, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  return ui::Rect{{0, 0}, size};
}

// Uploads new glyph pages and previews, renders and shows the frame.
void App::finish_frame() {
  std::vector<ui::ExternalTexture> textures;
  collect_textures(textures);
  m_platform->end_frame(textures);
  m_platform->present();
}

tech::DeskDevices App::device_summary() { return m_devices.summary(m_config, m_config.language); }

void App::observe(const sla::Observation& observation) {
  if (!m_detector) return;
  if (auto done = m_detector->observe(observation); !done)
    spdlog::error("service-level ledger: {}", done.error().message);
}

bool App::watch_saved_delivery(double now) {
  const CitizenState& s = m_flow->state();
  if (!m_sync || s.screen != CitizenScreen::Saved || s.saved.delivered || now - m_last_delivery_check < 0.5)
    return false;
  m_last_delivery_check = now;
  auto at_centre = m_store->reached_centre(s.saved.tracking_digits);
  return at_centre && at_centre.value() && m_flow->saved_delivered();
}

// A device is probed only while no job can be using it: not during a citizen's session (their
// scan and print are observed as they happen), a counter batch, or technician mode.
void App::probe_idle(double now) {
  const bool technician = m_tech && m_tech->active();
  const bool citizen_session = !m_desk && m_flow->state().screen != CitizenScreen::Welcome;
  const bool devices_free = !technician && !citizen_session && !(m_desk && m_desk->scanning());
  ProbeTargets targets;
  targets.sync = m_sync.get();
  if (devices_free) {
    targets.printer = m_devices.printer();
    targets.scanner = m_devices.scanner();
  }
  for (const sla::Observation& seen : m_probes.poll(now, targets)) observe(seen);
}

// A receipt's barcode shown to the scanner opens its status check, from the welcome screen or
// the status screen. During someone's session a stray scan is ignored: it is not theirs.
bool App::poll_barcode(double now) {
  barcode::BarcodeScannerDriver* barcode = m_devices.barcode();
  if (!barcode) return false;
  if (m_tech && m_tech->holds(provisioning::DeviceRole::Barcode)) return false;  // a self-test reads it
  // At the counter a code is read for a technician, a walk-in's status check, or the desk.
  if (m_desk && !(m_tech && m_tech->active()) && m_flow->state().screen != CitizenScreen::StatusEntry)
    return poll_counter_barcode(now);
  auto code = barcode->read_code(std::chrono::milliseconds(0));
  if (!code) {
    spdlog::warn("barcode scanner: {}", code.error().message);
    return false;
  }
  if (!code.value()) return false;
  // In technician mode a read is the technician's (the enrollment QR code), never a citizen's.
  if (m_tech && m_tech->active()) {
    m_tech->scanned(*code.value());
    return true;
  }
  const CitizenScreen screen = m_flow->state().screen;
  if (screen == CitizenScreen::Welcome) m_flow->open_status_check();
  if (m_flow->state().screen != CitizenScreen::StatusEntry) return true;
  m_flow->set_field_text(Field::TrackingCode, *code.value());
  // The same check as typing: a code that is not a tracking code is said so, not looked up.
  if (m_flow->status_lookup_requested()) perform(PendingAction::LookUpStatus, 0);
  return true;
}

void App::read_passport_chip() {
  const Language lang = m_flow->language();
  cardreader::CardReaderDriver* reader = m_devices.card_reader();
  if (!reader || !m_flow->passport_read_requested()) return;
  const MrzDraft& mrz = m_flow->state().mrz;
  std::string birth = to_ascii_digits(mrz.birth);
  const WipeAtScopeEnd wipe_birth(birth);
  std::string expiry = to_ascii_digits(mrz.expiry);
  const WipeAtScopeEnd wipe_expiry(expiry);
  auto key = cardreader::icao::MrzKey::make(mrz.document, birth, expiry);
  if (!key) {
    m_flow->passport_failed(key.error().message);
    return;
  }
  cardreader::icao::PassportReadReport report;
  const auto master_list = load_csca_master_list(m_config.data_dir);
  cardreader::icao::ReadOptions options;
  options.master_list = master_list ? &*master_list : nullptr;
  auto identity = cardreader::icao::read_passport(*reader, key.value(), options, report);
  if (!identity) {
    // All or nothing: a failed read fills nothing; the message says what to do.
    spdlog::warn("passport read failed after {} APDU(s): {}", report.apdu_count, identity.error().message);
    m_flow->passport_failed(report.failure != cardreader::icao::ReadFailure::None
                                ? std::string(device_words(report.failure, lang))
                                : identity.error().message);
    return;
  }
  // The chip's answer is the citizen's: the flow keeps the number and the name it shows (only
  // when passive authentication verified the chip), and every other copy is wiped here.
  cardreader::icao::PassportIdentity& chip = identity.value();
  spdlog::info("passport read: {} APDU(s) in {} ms, hashes checked, chip {} ({})", report.apdu_count,
               report.elapsed.count(), cardreader::icao::to_string(chip.authenticity.outcome),
               chip.authenticity.reason);
  std::string holder;
  holder.reserve(chip.given_names.size() + 1 + chip.surname.size());
  holder.append(chip.given_names).append(" ").append(chip.surname);
  m_flow->passport_read(chip.document_number, std::move(holder), chip.authenticity.outcome);
  for (std::string* field : {&chip.document_number, &chip.surname, &chip.given_names, &chip.nationality,
                             &chip.issuing_state, &chip.mrz})
    secure_wipe(*field);
  secure_wipe(chip.face.pixels);
}

void App::refresh_notices() {
  for (auto& worded : m_notices) worded.clear();
  if (!m_ledger) return;
  auto notices = m_ledger->welcome_notices();
  if (!notices) return spdlog::warn("outage notices: {}", notices.error().message);
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  // Services by the names citizens read on the catalog's cards, not by number alone.
  const sla::ServiceTitle title = [this](int number, pk::Language language) -> std::string {
    const catalog::Service* service = m_catalog.find(number);
    return service ? service->title.in(language) : std::string();
  };
  for (const pk::Language language : kLanguages)
    for (const sla::Notice& n : notices.value())
      m_notices[static_cast<size_t>(language)].push_back(sla::format_notice(n, language, now, title));
}

// Technician mode: its own screens, its own frame; the citizen flow waits at welcome.
void App::forget_ended_session() {
  // A counter operator's logout ends a session too: the operator typed citizens' data.
  const uint64_t operator_sessions = m_desk ? m_desk->flow().sessions_ended() : 0;
  if (m_flow->sessions_ended() == m_sessions_forgotten && operator_sessions == m_operator_sessions_forgotten)
    return;
  m_sessions_forgotten = m_flow->sessions_ended();
  m_operator_sessions_forgotten = operator_sessions;
  // The flow has wiped its own state; what its screens left elsewhere goes too: the layouts of
  // the fields (the national code and mobile as typed, digit by digit), and the residue on the
  // stack of the frames that drew and checked them.
  m_text->forget_layouts();
  if (m_speech) m_speech->stop();  // nothing of the session goes on being said
  scrub_stack_below();
}

bool App::tick_session(double now) {
  if (!m_flow->tick(now)) return false;
  spdlog::info("session idle: wiped and back to the welcome screen");
  forget_ended_session();
  return true;
}

void App::render_frame(double now) {
  forget_ended_session();  // a session a tap ended in the last frame: before any layout of this one
  if (m_tech && m_tech->active()) return render_technician_frame(now);
  if (m_desk && render_counter_frame(now)) return;  // else a walk-in's errand: the citizen's screens
  poll_barcode(now);
  const ui::Rect screen = begin_screen_frame(now, m_flow->rtl(), "##kiosk", m_flow->state().text_size);
  m_ui->drawn().set_screen(screen_name(m_flow->state().screen));
  // Each session's keyboard starts in the session's language.
  if (m_flow->state().screen == CitizenScreen::Welcome)
    m_keyboard.set_layout(m_flow->rtl() ? ui::KeyboardLayout::Persian : ui::KeyboardLayout::English);
  ScreenContext ctx{*m_ui, *m_flow, m_keyboard, m_catalog, m_config, screen};
  ctx.can_take_applications = m_centre_key.has_value();
  ctx.has_card_reader = m_devices.card_reader() != nullptr;
  ctx.speech = m_speech.get();
  if (m_flow->state().screen == CitizenScreen::Welcome) ctx.notices = notices_in(m_flow->language());
  draw_screen(ctx, now);
  // A screen that has just opened says its title and prompt.
  if (m_speech)
    m_speech->follow(static_cast<int>(m_flow->state().screen), m_flow->language(),
                     [&] { return screen_guide(m_flow->state(), m_catalog); });
  ImGui::End();
  if (m_desk) m_desk->draw_idle_logout_banner(*m_ui, screen);  // a walk-in's errand at the counter
  draw_more_time_dialog(ctx, now);
  finish_frame();
  // The I/O a screen asked for runs after the frame is drawn, so the tap shows at once.
  if (ctx.action != PendingAction::None) perform(ctx.action, now);
}

void App::perform(PendingAction action, double now) {
  const Language lang = m_flow->language();
  switch (action) {
    case PendingAction::None:
      return;
    case PendingAction::ScanPage: {
      if (!m_flow->can_scan()) return;
      scanner::ScannerDriver* scanner = m_devices.scanner();
      if (!scanner) {
        m_flow->capture_failed(std::string(device_words(scanner::ScannerStatus::Unplugged, lang)));
        return;
      }
      auto page = capture_page(*scanner, m_next_preview_id++, lang);
      sla::Observation scanned;
      scanned.scanner = page ? sla::Status::Up : sla::Status::Down;
      if (!page) scanned.detail = page.error().message;
      observe(scanned);
      if (page) {
        m_preview_dirty = true;
        m_flow->page_captured(std::move(page.value()));
      } else {
        spdlog::warn("scan failed: {}", page.error().message);
        m_flow->capture_failed(page.error().message);
      }
      return;
    }
    case PendingAction::LookUpStatus: {
      auto status = look_up_status(*m_store, m_flow->state().tracking_input, lang, &m_catalog);
      if (status)
        m_flow->status_found(std::move(status.value()));
      else
        spdlog::error("status lookup: {}", status.error().message);
      return;
    }
    case PendingAction::SubmitApplication:
    case PendingAction::SubmitReport:
      submit(action, now);
      return;
    case PendingAction::ReadPassport:
      read_passport_chip();
      return;
    case PendingAction::PrintCounterSlip:
      print_counter_slip();
      return;
    case PendingAction::OpenTechnician:
      if (!m_tech) return;
      m_flow->home();
      m_tech->open();
      return;
  }
}

void App::submit(PendingAction action, double now) {
  if (!m_centre_key) return;  // the screens offer no submit without it
  const Language lang = m_flow->language();
  SubmissionContext ctx{*m_store, *m_centre_key, m_config, static_cast<int64_t>(std::time(nullptr)),
                        static_cast<int64_t>(now * 1000)};
  if (m_desk) ctx.operator_id = m_desk->flow().state().operator_id;  // a walk-in's, at the counter
  auto saved = action == PendingAction::SubmitApplication ? submit_application(ctx, m_flow->state())
                                                          : submit_failure_report(ctx, m_flow->state());
  if (!saved) {
    // Nothing was saved, and the citizen is told so: no code is shown for an unsaved request.
    spdlog::error("submit failed: {}", saved.error().message);
    m_flow->submit_failed(std::string((m_desk ? strings::kNotSavedCounter : strings::kNotSaved).in(lang)) +
                          "(" + saved.error().message + ")");
    return;
  }
  SavedOutcome outcome;
  outcome.is_failure_report = action == PendingAction::SubmitReport;
  outcome.tracking_digits = saved->tracking_code;
  auto code = parse_tracking_code(saved->tracking_code);
  outcome.tracking_display = code ? format(code.value(), lang) : saved->tracking_code;
  if (ReceiptPrinting* printing = m_devices.printing()) {
    const PrintOutcome printed =
        outcome.is_failure_report
            ? printing->print_failure_report(m_catalog, m_flow->state(), saved->tracking_code, ctx.now_unix,
                                             m_config)
            : printing->print_application(m_catalog, m_flow->state(), saved->tracking_code, ctx.now_unix,
                                          m_config);
    outcome.printed = printed.printed;
    outcome.print_problem = printed.problem;
    sla::Observation print_result;
    print_result.printer = printed.printed ? sla::Status::Up : sla::Status::Down;
    print_result.detail = printed.problem;
    observe(print_result);
  } else {
    outcome.print_problem = std::string(device_words(PrinterStatus::Offline, lang));
  }
  spdlog::info("saved {} {} (outbox {})", outcome.is_failure_report ? "failure report" : "application",
               saved->tracking_code, saved->outbox_id);
  if (m_sync) m_sync->wake();  // deliver now rather than at the next idle check
  m_flow->saved(std::move(outcome));
}

bool App::tap(std::string_view widget_id, double now) {
  const ui::Rect* target = m_ui->target(widget_id);
  if (!target) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = target->center();
  io.MouseDown[0] = true;
  m_flow->touched(now);
  if (m_desk) m_desk->touched(now);
  render_frame(now);
  io.MouseDown[0] = false;
  render_frame(now + 0.05);
  return true;
}

int App::run() {
  int frames_to_draw = 3;  // ImGui settles hover and layout over a couple of frames
  // systemd's Type=notify and WatchdogSec: READY=1 after the first frame, pings from this loop.
  Watchdog watchdog = Watchdog::from_environment();
  watchdog.status(m_desk ? "counter terminal ready" : "kiosk ready for citizens");
  for (;;) {
    const double now = monotonic_seconds();
    // Sleep until input, or until the next timed event is due (never longer than a second).
    int timeout_ms = 0;
    if (frames_to_draw == 0)
      timeout_ms =
          m_desk && m_desk->scanning() ? 16  // about 60 fps while pages arrive
          : m_tech && m_tech->active() && m_tech->busy()
              ? 100  // a technician's self-test: its seconds and its result show promptly
              : static_cast<int>(std::clamp(m_flow->seconds_until_next_tick(now) * 1000, 50.0, 1000.0));
    bool had_input = false;
    if (!m_platform->pump_events(timeout_ms, had_input)) return 0;
    const double after = monotonic_seconds();
    if (had_input) {
      m_flow->touched(after);
      if (m_desk) m_desk->touched(after);
      frames_to_draw = 3;
    }
    if (tick_counter(after)) frames_to_draw = std::max(frames_to_draw, 1);  // its countdown, its logout
    // A self-test or device search runs off this loop: keep drawing to show its seconds.
    const bool technician_busy = m_tech && m_tech->active() && m_tech->busy();
    if (technician_busy) frames_to_draw = std::max(frames_to_draw, 1);
    if (poll_barcode(after)) frames_to_draw = 3;
    // An enrollment runs off this loop: keep drawing to show its progress and pick up its end.
    if (m_tech && m_tech->active() && m_tech->enrolling()) frames_to_draw = std::max(frames_to_draw, 1);
    // A counter batch scan shows its pages as they arrive: keep drawing while it runs.
    if (m_desk && m_desk->scanning()) frames_to_draw = std::max(frames_to_draw, 1);
    const bool dialog_was_up = m_flow->state().more_time_dialog;
    (void)tick_session(after);
    if (m_flow->state().more_time_dialog || dialog_was_up) frames_to_draw = std::max(frames_to_draw, 1);
    // Receipts that did not print are retried while nobody is using the kiosk.
    (void)m_devices.retry_receipts(after, m_flow->state().screen == CitizenScreen::Welcome &&
                                              !(m_tech && m_tech->holds(provisioning::DeviceRole::Printer)));
    // The ledger's heartbeat (one small write every interval) bounds what a crash can blur;
    // notices are re-read once a minute so a new one shows without a restart.
    if (m_detector) {
      if (auto beat = m_detector->tick(); !beat)
        spdlog::error("service-level ledger: {}", beat.error().message);
    }
    probe_idle(after);
    if (watch_saved_delivery(after)) frames_to_draw = std::max(frames_to_draw, 2);
    const int64_t catalog_before = m_catalog.version;
    adopt_synced_catalog();
    if (m_catalog.version != catalog_before) frames_to_draw = std::max(frames_to_draw, 2);
    if (after - m_last_notice_refresh > 60) {
      m_last_notice_refresh = after;
      const auto before = m_notices;
      refresh_notices();
      if (m_notices != before) frames_to_draw = std::max(frames_to_draw, 2);
    }
    if (frames_to_draw > 0) {
      render_frame(after);
      --frames_to_draw;
    }
    watchdog.alive(after);
  }
}

}  // namespace pk::kiosk
