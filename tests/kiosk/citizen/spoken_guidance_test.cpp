// Spoken guidance in the running kiosk: real frames headless, real espeak-ng, and SDL's `disk`
// audio driver as the sound card (the samples land in a file). What the kiosk said is read
// from the speech device's own record (key by key) and from the file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "drivers/speech/speech_output.h"
#include "kiosk/app.h"
#include "kiosk/citizen/citizen_submission.h"
#include "kiosk/citizen/screens/screen_guide.h"
#include "kiosk/strings.h"
#include "tests/support/headless_kiosk.h"

namespace fs = std::filesystem;
using pk::catalog::Language;
using pk::kiosk::CitizenScreen;
using pk::kiosk::Field;

namespace {

using namespace std::chrono_literals;

class SpokenKiosk : public ::testing::Test, protected pk::kiosk::test::HeadlessKiosk {
 protected:
  void start(pk::kiosk::SpeechBackend speech) {
    pk::kiosk::Config config = kiosk_config(fs::path(PK_TEST_BINARY_DIR) / "spoken");
    m_played_file = m_dir / "played.raw";
    ::setenv("SDL_AUDIODRIVER", "disk", 1);
    ::setenv("SDL_DISKAUDIOFILE", m_played_file.c_str(), 1);
    ::setenv("SDL_DISKAUDIODELAY", "2", 1);
    config.speech = speech;
    // Enrolled (the centre's key is here), so an application can be saved.
    HeadlessKiosk::start(config, pk::kiosk::test::CentreKey::SaveNew);
  }
  // Until the kiosk has finished saying what it started (a new prompt would cut it off).
  void wait_quiet() {
    if (!m_app->speech()) return;
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (m_app->speech()->driver().speaking() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(10ms);
  }
  [[nodiscard]] std::vector<std::string> keys_said() {
    std::vector<std::string> keys;
    for (const pk::speech::Played& p : m_app->speech()->driver().played()) keys.push_back(p.key);
    return keys;
  }

  fs::path m_played_file;
};

TEST_F(SpokenKiosk, EachScreenSaysItsTitleAndPromptWhenItOpens) {
  start(pk::kiosk::SpeechBackend::Espeak);
  ASSERT_NE(m_app->speech(), nullptr) << "espeak-ng on SDL's disk audio did not open";
  wait_quiet();
  tap("start");
  wait_quiet();
  const std::vector<std::string> said = keys_said();
  const std::vector<std::string> expected{"welcome", "welcome_hint", "services", "browse_prompt"};
  EXPECT_EQ(said, expected);
  for (const pk::speech::Played& p : m_app->speech()->driver().played())
    EXPECT_GE(p.first_sound_ms, 0) << p.key << " made no sound";
  // The header's speaker says the screen again (from the cache now).
  tap("speak_screen");
  wait_quiet();
  const auto played = m_app->speech()->driver().played();
  ASSERT_EQ(played.size(), 6U);
  EXPECT_EQ(played[4].key, "services");
  EXPECT_EQ(played[4].source, pk::speech::SoundSource::Cached);
}

TEST_F(SpokenKiosk, ARowSpeakerSaysTheServiceNameFromTheCatalog) {
  start(pk::kiosk::SpeechBackend::Espeak);
  ASSERT_NE(m_app->speech(), nullptr);
  tap("start");
  wait_quiet();
  tap("speak/service/3");
  wait_quiet();
  const pk::catalog::Service* service = m_app->catalog().find(3);
  ASSERT_NE(service, nullptr);
  ASSERT_FALSE(keys_said().empty());
  EXPECT_EQ(keys_said().back(), pk::speech::text_key(service->title.fa));
  EXPECT_EQ(m_app->flow().state().screen, CitizenScreen::Browse) << "the speaker does not open the service";
}

// A field's label is said when it is focused; the value in it never is (privacy in a public room).
TEST_F(SpokenKiosk, FocusingAFieldSaysItsLabelNotTheValueInIt) {
  start(pk::kiosk::SpeechBackend::Espeak);
  ASSERT_NE(m_app->speech(), nullptr);
  tap("start");
  ASSERT_TRUE(m_app->flow().open_service(3));
  frames();
  tap("apply");
  ASSERT_EQ(m_app->flow().state().screen, CitizenScreen::Identify);
  wait_quiet();
  ASSERT_TRUE(m_app->flow().set_field_text(Field::IdNumber, "5012345678"));
  ASSERT_TRUE(m_app->flow().set_field_text(Field::Mobile, "+93701234567"));
  frames();
  tap("field/mobile");
  wait_quiet();
  tap("field/id");
  wait_quiet();
  const std::vector<std::string> said = keys_said();
  ASSERT_GE(said.size(), 2U);
  EXPECT_EQ(said[said.size() - 2], pk::kiosk::strings::kMobileOptional.key);
  EXPECT_EQ(said.back(), pk::kiosk::strings::kIdAmayeshNumber.key);
  // Every utterance was a string id or catalog text, none a value.
  for (const std::string& key : said) {
    EXPECT_NE(key, "value");
    if (!key.starts_with("text-")) {
      EXPECT_EQ(key.find_first_of("0123456789+"), std::string::npos) << key;
    }
  }
}

// The tracking code is the citizen's own: the saved screen says its title and the receipt line,
// and the code only when its speaker is tapped (then neither cached nor kept).
TEST_F(SpokenKiosk, TheTrackingCodeIsSaidOnlyWhenItsSpeakerIsTapped) {
  start(pk::kiosk::SpeechBackend::Espeak);
  ASSERT_NE(m_app->speech(), nullptr);
  auto& flow = m_app->flow();
  tap("start");
  ASSERT_TRUE(flow.open_service(3));
  frames();
  tap("apply");
  ASSERT_TRUE(flow.set_field_text(Field::IdNumber, "5012345678"));
  ASSERT_TRUE(flow.set_field_text(Field::Mobile, "+93701234567"));
  frames();
  tap("next");
  ASSERT_EQ(flow.state().screen, CitizenScreen::Capture);
  for (int document = 0; document < 3; ++document) {
    tap("scan");
    tap("next");
  }
  ASSERT_EQ(flow.state().screen, CitizenScreen::Review);
  tap("consent");
  tap("submit");
  frames();
  ASSERT_EQ(flow.state().screen, CitizenScreen::Saved);
  wait_quiet();
  std::vector<std::string> said = keys_said();
  ASSERT_GE(said.size(), 2U);
  EXPECT_EQ(said[said.size() - 2], pk::kiosk::strings::kSavedTitle.key);
  for (const std::string& key : said) EXPECT_NE(key, "value");
  tap("speak/tracking_code");
  wait_quiet();
  const auto played = m_app->speech()->driver().played();
  EXPECT_EQ(played.back().key, "value");
  EXPECT_EQ(played.back().source, pk::speech::SoundSource::Synthesized);
  EXPECT_GE(played.back().first_sound_ms, 0);
}

TEST_F(SpokenKiosk, SpeechOffSaysNothingAndShowsNoSpeaker) {
  start(pk::kiosk::SpeechBackend::None);
  EXPECT_EQ(m_app->speech(), nullptr);
  EXPECT_EQ(m_app->target("speak_screen"), nullptr);
  tap("start");
  EXPECT_EQ(m_app->target("speak/service/3"), nullptr);
  EXPECT_NE(m_app->target("service/3"), nullptr);
  // No audio device was opened: SDL's disk driver never made its file.
  EXPECT_FALSE(fs::exists(m_played_file));
}

// The failure report's five problem choices each have a speaker, as every list row has: it
// says the choice's words from the string tables and does not choose it.
TEST_F(SpokenKiosk, EachProblemChoiceOfAReportHasASpeakerThatSaysItsWords) {
  start(pk::kiosk::SpeechBackend::Simulated);
  ASSERT_NE(m_app->speech(), nullptr);
  tap("report");
  tap("report/0");
  ASSERT_EQ(m_app->flow().state().screen, CitizenScreen::ReportDetails);
  for (const pk::kiosk::ProblemKind problem : pk::kiosk::kProblemKinds) {
    const std::string id(pk::kiosk::problem_id(problem));
    EXPECT_NE(m_app->target("speak/problem/" + id), nullptr) << "no speaker beside " << id;
    EXPECT_NE(m_app->target("problem/" + id), nullptr) << "the choice itself is gone: " << id;
  }
  tap("speak/problem/device_fault");
  ASSERT_FALSE(keys_said().empty());
  EXPECT_EQ(keys_said().back(), pk::kiosk::strings::kProblemDevice.key);
  EXPECT_FALSE(m_app->flow().state().report.problem_chosen) << "the speaker chose the problem";
}

// The status check's answer is said when it opens: the news, the service and the next step,
// and never the tracking code (nor the date, which its own speaker says when tapped).
TEST_F(SpokenKiosk, TheStatusAnswerIsSaidWithoutTheTrackingCode) {
  start(pk::kiosk::SpeechBackend::Simulated);
  ASSERT_NE(m_app->speech(), nullptr);
  auto& flow = m_app->flow();
  tap("start");
  ASSERT_TRUE(flow.open_service(3));
  frames();
  tap("apply");
  ASSERT_TRUE(flow.set_field_text(Field::IdNumber, "5012345678"));
  frames();
  tap("next");
  for (int document = 0; document < 3; ++document) {
    tap("scan");
    tap("next");
  }
  tap("consent");
  tap("submit");
  frames();
  ASSERT_EQ(flow.state().screen, CitizenScreen::Saved);
  const std::string digits = flow.state().saved.tracking_digits;
  ASSERT_EQ(digits.size(), 14U);
  tap("finish");
  tap("status");
  ASSERT_TRUE(flow.set_field_text(Field::TrackingCode, digits));
  frames();
  const size_t before = keys_said().size();
  tap("lookup");
  ASSERT_EQ(flow.state().screen, CitizenScreen::StatusResult) << flow.state().tracking_error;

  // What the screen says, word for word: no digit at all, so none of the code's.
  const pk::kiosk::ScreenGuide guide = pk::kiosk::screen_guide(flow.state(), m_app->catalog());
  std::vector<pk::kiosk::Prompt> prompts{guide.title};
  if (guide.prompt) prompts.push_back(*guide.prompt);
  prompts.insert(prompts.end(), guide.then.begin(), guide.then.end());
  ASSERT_GE(prompts.size(), 4U) << "title, news, service and next step";
  std::vector<std::string> expected_keys;
  for (const pk::kiosk::Prompt& p : prompts) {
    const std::string words = p.text(Language::Persian);
    EXPECT_FALSE(words.empty());
    EXPECT_EQ(words.find_first_of("0123456789"), std::string::npos) << words;
    for (const char* persian_digit : {"۰", "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹"})
      EXPECT_EQ(words.find(persian_digit), std::string::npos) << words;
    expected_keys.push_back(p.key(Language::Persian));
  }
  // ...and that is what the kiosk said when the answer opened.
  const std::vector<std::string> said = keys_said();
  ASSERT_GE(said.size(), before + expected_keys.size());
  const std::vector<std::string> answer(said.end() - static_cast<std::ptrdiff_t>(expected_keys.size()),
                                        said.end());
  EXPECT_EQ(answer, expected_keys);
  const pk::catalog::Service* service = m_app->catalog().find(3);
  ASSERT_NE(service, nullptr);
  EXPECT_NE(std::find(answer.begin(), answer.end(), pk::speech::text_key(service->title.fa)), answer.end())
      << "the service's name was not said";
  for (const std::string& key : answer) EXPECT_NE(key, "value");

  // The date is the citizen's: said from its own speaker only, as a value asked for.
  tap("speak/status/saved_at");
  EXPECT_EQ(keys_said().back(), "value");
}

}  // namespace
