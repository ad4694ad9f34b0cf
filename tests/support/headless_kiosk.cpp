#include "tests/support/headless_kiosk.h"

#include <unistd.h>

#include <algorithm>

#include "kiosk/centre_key.h"
#include "kiosk/technician/technician_desk.h"
#include "ui/drawn_boxes.h"

namespace pk::kiosk::test {

namespace fs = std::filesystem;

HeadlessKiosk::~HeadlessKiosk() {
  m_app.reset();  // the store and the ledger close before their files go
  if (!m_dir.empty()) fs::remove_all(m_dir);
}

const fs::path& HeadlessKiosk::folder(const fs::path& prefix) {
  if (!m_dir.empty()) {
    fs::create_directories(m_dir);  // a test may have emptied it to start the kiosk afresh
    return m_dir;
  }
  std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::replace(test.begin(), test.end(), '/', '_');  // a parameterised test's name has one
  m_dir = prefix;
  m_dir += "_" + std::to_string(::getpid()) + "_" + test;
  fs::remove_all(m_dir);
  fs::create_directories(m_dir);
  return m_dir;
}

Config HeadlessKiosk::kiosk_config(const fs::path& prefix, Language language, int width, int height) {
  Config config = default_config(PK_SOURCE_DATA_DIR);
  config.data_dir = folder(prefix) / "var";
  config.language = language;
  config.width = width;
  config.height = height;
  return config;
}

void HeadlessKiosk::open(const Config& config, CentreKey centre_key, Recording recording) {
  if (centre_key == CentreKey::SaveNew) {
    auto keys = store::generate_key_pair();
    ASSERT_TRUE(keys);
    m_keys = std::move(keys.value());
    ASSERT_TRUE(save_centre_key(centre_key_path(config.data_dir), m_keys.public_key));
  }
  auto app = App::create(config, ui::DisplayMode::Headless);
  ASSERT_TRUE(app) << app.error().message;
  m_app = std::move(app.value());
  if (recording == Recording::On) m_app->drawn().set_recording(true);
}

void HeadlessKiosk::start(const Config& config, CentreKey centre_key, Recording recording) {
  open(config, centre_key, recording);
  if (m_app) frames();
}

void HeadlessKiosk::frames() {
  m_now += m_pace.frame;
  m_app->render_frame(m_now);
  m_app->render_frame(m_now + 0.1);
}

bool HeadlessKiosk::try_tap(const std::string& id) {
  if (!m_app->tap(id, m_now += m_pace.tap)) return false;
  frames();
  return true;
}

void HeadlessKiosk::tap(const std::string& id) { ASSERT_TRUE(try_tap(id)) << "no widget " << id; }

void HeadlessKiosk::type_digits(std::string_view digits) {
  static constexpr const char* kKeys[] = {"key/۰", "key/۱", "key/۲", "key/۳", "key/۴",
                                          "key/۵", "key/۶", "key/۷", "key/۸", "key/۹"};
  for (char c : digits) ASSERT_TRUE(m_app->tap(kKeys[c - '0'], m_now += m_pace.key)) << "no key for " << c;
  frames();
}

void HeadlessKiosk::sign_in_technician() {
  ASSERT_TRUE(m_app->technician_desk()->set_technician("4321", "13579", 1'700'000'000));
  frames();
  tap("technician");
  type_digits("4321");
  tap("tech/pin");
  type_digits("13579");
  tap("tech/signin");
  ASSERT_TRUE(m_app->technician_desk()->flow().logged_in());
}

std::vector<uint8_t> HeadlessKiosk::last_frame() const { return m_app->platform().read_pixels(); }

bool HeadlessKiosk::drawn_text(std::string_view text) const {
  const auto& boxes = m_app->drawn().boxes();
  return std::any_of(boxes.begin(), boxes.end(),
                     [&](const ui::DrawnBox& b) { return b.kind == ui::BoxKind::Text && b.text == text; });
}

bool HeadlessKiosk::drawn_text_containing(std::string_view part) const {
  const auto& boxes = m_app->drawn().boxes();
  return std::any_of(boxes.begin(), boxes.end(), [&](const ui::DrawnBox& b) {
    return b.kind == ui::BoxKind::Text && b.text.find(part) != std::string::npos;
  });
}

std::vector<sla::Notice> outage_notices(int count, int64_t now) {
  std::vector<sla::Notice> all;
  for (int i = 0; i < count; ++i) {
    sla::Notice n;
    n.id = "n" + std::to_string(i);
    n.published_unix = now - 3600;
    n.starts_unix = now + (i + 1) * 86400;
    n.ends_unix = n.starts_unix + 3 * 3600;
    n.services = i == 0 ? sla::ServiceScope::only({3}) : sla::ServiceScope::only({3, 5, 7, 9});
    n.text_fa =
        "به‌روزرسانی سامانه مرکزی استان؛ در این ساعت‌ها درخواست تازه ثبت نمی‌شود.";
    n.text_en = "Upgrade of the province's central system; no new applications in these hours.";
    all.push_back(n);
  }
  return all;
}

}  // namespace pk::kiosk::test
