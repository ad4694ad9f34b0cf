#include "kiosk/app.h"

#include <imgui.h>
#include <spdlog/spdlog.h>

#include <future>

#include "base/secure_wipe.h"
#include "kiosk/catalog_source.h"
#include "kiosk/centre_key.h"
#include "kiosk/frame_loop.h"
#include "kiosk/operator/operator_desk.h"

namespace pk::kiosk {

Result<std::unique_ptr<App>> App::create(const Config& config, ui::DisplayMode mode) {
  std::unique_ptr<App> app(new App());
  app->m_config = config;
  // librsvg takes tens of milliseconds over the pictograms: they are drawn beside the catalog,
  // the store and the fonts, for the configured height (a full-screen display of another size
  // draws them again at its first frame). They ship beside the catalog: data/pictograms in a
  // checkout, /usr/share/pishkhan/pictograms when installed.
  std::future<std::unique_ptr<ui::PictogramAtlas>> pictograms = std::async(std::launch::async, [config] {
    return load_pictograms(config.catalog_file.parent_path() / "pictograms",
                           ui::kiosk_theme(static_cast<float>(config.height)).body_px);
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

  // The service-level ledger shares the store's file (its own connection).
  app->m_levels =
      ServiceLevelWatch::open(config.data_dir / "pishkhan.db",
                              {.missed_heartbeats = config.outage_after_missed_heartbeats,
                               .device_every_seconds = static_cast<double>(config.device_probe_seconds)});
  if (auto technicians = tech::TechnicianDesk::create(config.data_dir))
    app->m_tech = std::move(technicians.value());
  else
    spdlog::error("technician accounts: {}", technicians.error().message);

  // Without the centre's key nothing can be sealed, so nothing is accepted: the kiosk still
  // shows the catalog and says why it cannot take requests.
  if (auto key = load_centre_key(centre_key_path(config.data_dir)))
    app->m_centre_key = key.value();
  else
    spdlog::warn("{}", key.error().message);

  auto text = ui::TextEngine::create(ui::FontPaths::debian_noto());
  if (!text) return text.error();
  app->m_text = std::move(text.value());

  // The devices, each the one device set-up saved (kiosk/device_set.h).
  app->m_devices = DeviceSet::open(config, *app->m_text);
  // Spoken guidance on the citizen screens (off at the counter: the operator reads).
  FrameHost::prepare(mode);  // before speech opens SDL's audio
  std::unique_ptr<SpokenGuidance> speech =
      config.mode == TerminalMode::Citizen ? SpokenGuidance::open(config) : nullptr;

  auto frame = FrameHost::open({.mode = mode, .width = config.width, .height = config.height}, *app->m_text,
                               pictograms.get());
  if (!frame) return frame.error();
  app->m_frame = std::move(frame.value());
  app->open_citizen_desk(std::move(speech));
  if (config.mode == TerminalMode::Counter)
    if (auto desk = app->open_operator_desk(); !desk) return desk.error();

  // Delivery to the centre runs on its own thread with its own store connection: the screens
  // never wait on the network.
  app->start_sync_if_enrolled();
  // Where the devices stand at start: an outage opens now if one is missing.
  app->m_levels->observe_at_start(app->m_devices.summary(config, config.language));
  app->refresh_notices();
  return app;
}

// The citizen's desk borrows what only the App holds, looked up at each use: the store and the
// sync worker are replaced by a factory reset or an enrollment, and the operator's desk exists
// only at a counter.
void App::open_citizen_desk(std::unique_ptr<SpokenGuidance> speech) {
  CitizenServices services{
      .catalog = m_catalog,
      .config = m_config,
      .devices = m_devices,
      .centre_key = m_centre_key,
      .sync = m_sync,
      .store = [this]() -> store::Store& { return *m_store; },
      .observe = [this](const sla::Observation& seen) { m_levels->observe(seen); },
      .counter_operator =
          [this] { return m_desk ? m_desk->flow().state().operator_id : std::optional<std::string>(); }};
  m_citizen = std::make_unique<CitizenDesk>(std::move(services), std::move(speech));
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

// The desks' own images (the citizen's page previews, the counter's thumbnails) go up with
// the frame's glyphs and pictograms.
void App::finish_frame() {
  std::vector<ui::ExternalTexture> images;
  if (m_desk) m_desk->collect_textures(images);
  m_citizen->collect_textures(images);
  m_frame->finish(images);
}

// A device is probed only while no job can be using it: not during a citizen's session (their
// scan and print are observed as they happen), a counter batch, or technician mode.
void App::probe_idle(double now) {
  const bool free = !(m_tech && m_tech->active()) && (m_desk ? !m_desk->scanning() : m_citizen->at_welcome());
  m_levels->probe(now, {.sync = m_sync.get(),
                        .printer = free ? m_devices.printer() : nullptr,
                        .scanner = free ? m_devices.scanner() : nullptr});
}

// A receipt's barcode shown to the scanner opens its status check, from the welcome screen or
// the status screen. During someone's session a stray scan is ignored: it is not theirs.
bool App::poll_barcode(double now) {
  if (!m_devices.barcode() || (m_tech && m_tech->holds(provisioning::DeviceRole::Barcode)))
    return false;  // none, or a technician's self-test reads it
  const bool technician = m_tech && m_tech->active();
  // At the counter a code is read for a technician, a walk-in's status check, or the desk.
  if (m_desk && !technician && m_citizen->flow().state().screen != CitizenScreen::StatusEntry)
    return poll_counter_barcode(now);
  const std::optional<std::string> code = m_devices.read_code();
  if (!code) return false;
  // In technician mode a read is the technician's (the enrollment QR code), never a citizen's.
  technician ? m_tech->scanned(*code) : m_citizen->code_scanned(*code);
  return true;
}

void App::forget_ended_session() {
  // A counter operator's logout ends a session too: the operator typed citizens' data.
  const bool operator_ended = m_desk && m_desk->take_ended_session();
  if (!m_citizen->take_ended_session() && !operator_ended) return;
  // The flows have wiped their own state; what their screens left elsewhere goes too: the
  // layouts of the fields (the national code and mobile as typed, digit by digit), and the
  // residue on the stack of the frames that drew and checked them.
  m_text->forget_layouts();
  scrub_stack_below();
}

bool App::tick_session(double now) {
  if (!m_citizen->tick(now)) return false;
  spdlog::info("session idle: wiped and back to the welcome screen");
  forget_ended_session();
  return true;
}

void App::render_frame(double now) {
  forget_ended_session();  // a session a tap ended in the last frame: before any layout of this one
  if (m_tech && m_tech->active()) return render_technician_frame(now);
  if (m_desk && render_counter_frame(now)) return;  // else a walk-in's errand: the citizen's screens
  poll_barcode(now);
  const CitizenState& state = m_citizen->flow().state();
  const ui::Rect screen = m_frame->begin(now, m_citizen->rtl(), "##kiosk", state.text_size);
  m_frame->ui().drawn().set_screen(screen_name(state.screen));
  const PendingAction action =
      m_citizen->draw(m_frame->ui(), screen, notices_in(m_citizen->flow().language()));
  ImGui::End();
  if (m_desk) m_desk->draw_idle_logout_banner(m_frame->ui(), screen);  // a walk-in's errand at the counter
  m_citizen->draw_overlays(m_frame->ui(), screen, now);
  finish_frame();
  // The I/O a screen asked for runs after the frame is drawn, so the tap shows at once.
  if (action != PendingAction::OpenTechnician) return m_citizen->perform(action, now);
  if (!m_tech) return;
  m_citizen->flow().home();
  m_tech->open();
}

bool App::tap(std::string_view widget_id, double now) {
  const ui::Rect* target = m_frame->ui().target(widget_id);
  if (!target) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = target->center();
  io.MouseDown[0] = true;
  m_citizen->touched(now);
  if (m_desk) m_desk->touched(now);
  render_frame(now);
  io.MouseDown[0] = false;
  render_frame(now + 0.05);
  return true;
}

int App::run() {
  return run_frame_loop(
      m_frame->platform(), m_desk ? "counter terminal ready" : "kiosk ready for citizens",
      {.wait_ms = [this](double now) { return wait_ms(now); },
       .between_frames = [this](double now, bool input) { return between_frames(now, input); },
       .render = [this](double now) { render_frame(now); }});
}

// Sleep until input, or until the next timed event is due (never longer than a second).
int App::wait_ms(double now) const {
  if (m_desk && m_desk->scanning()) return 16;  // about 60 fps while pages arrive
  if (m_tech && m_tech->active() && m_tech->busy())
    return 100;  // a self-test: its seconds and result show promptly
  return static_cast<int>(std::clamp(m_citizen->seconds_until_next_tick(now) * 1000, 50.0, 1000.0));
}

int App::between_frames(double now, bool had_input) {
  int frames = 0;
  const auto want = [&frames](int wanted) { frames = std::max(frames, wanted); };
  if (had_input) {
    m_citizen->touched(now);
    if (m_desk) m_desk->touched(now);
    want(3);
  }
  if (tick_counter(now)) want(1);  // its countdown, its logout
  // A self-test, a device search or an enrollment runs off this loop: keep drawing to show its
  // seconds and pick up its end. So does a counter batch scan, whose pages show as they arrive.
  if (m_tech && m_tech->active() && (m_tech->busy() || m_tech->enrolling())) want(1);
  if (m_desk && m_desk->scanning()) want(1);
  if (poll_barcode(now)) want(3);
  const bool dialog_was_up = m_citizen->flow().state().more_time_dialog;
  (void)tick_session(now);
  if (m_citizen->flow().state().more_time_dialog || dialog_was_up) want(1);
  // Receipts that did not print are retried while nobody is using the kiosk.
  (void)m_devices.retry_receipts(
      now, m_citizen->at_welcome() && !(m_tech && m_tech->holds(provisioning::DeviceRole::Printer)));
  // The ledger's heartbeat (one small write every interval) bounds what a crash can blur;
  // notices are re-read once a minute so a new one shows without a restart.
  m_levels->heartbeat();
  probe_idle(now);
  if (watch_saved_delivery(now)) want(2);
  const int64_t catalog_before = m_catalog.version;
  adopt_synced_catalog();
  if (m_catalog.version != catalog_before) want(2);
  if (m_levels->refresh_notices_each_minute(now, m_catalog)) want(2);
  return frames;
}

}  // namespace pk::kiosk
