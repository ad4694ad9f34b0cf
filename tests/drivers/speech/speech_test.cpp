// The speech driver as the kiosk uses it, listened to: SDL's `disk` audio driver writes every
// sample the device plays to a file, which each test reads back after closing the driver.
#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "drivers/speech/espeak_speech.h"
#include "drivers/speech/pcm.h"
#include "drivers/speech/sim_speech.h"
#include "tests/drivers/speech/sound_files.h"

namespace pk::speech {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr const char* kPersianHint = "برای دیدن خدمات و ثبت درخواست، «شروع» را لمس کنید.";

class SpeechTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("speech-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir / "voices");
    m_played_file = m_dir / "played.raw";
    ::setenv("SDL_AUDIODRIVER", "disk", 1);
    ::setenv("SDL_DISKAUDIOFILE", m_played_file.c_str(), 1);
    ::setenv("SDL_DISKAUDIODELAY", "4", 1);  // ms per 512-sample buffer: faster than real time
  }
  void TearDown() override { fs::remove_all(m_dir); }

  std::unique_ptr<EspeakSpeech> open(int volume = 70) {
    auto made = EspeakSpeech::create("espeak:");
    EXPECT_TRUE(made) << made.error().message;
    auto driver = std::move(made).value();
    auto opened = driver->open({.volume = volume, .voice_dir = m_dir / "voices"});
    EXPECT_TRUE(opened) << opened.error().message;
    return driver;
  }

  static void wait_quiet(const SpeechDriver& driver) {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (driver.speaking() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(10ms);
    ASSERT_FALSE(driver.speaking()) << "still speaking after 20 s";
  }

  // Every sample the device played; read after the driver is closed (the file is then complete).
  [[nodiscard]] std::vector<std::int16_t> heard() const {
    std::ifstream in(m_played_file, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::int16_t> samples(bytes.size() / 2);
    std::memcpy(samples.data(), bytes.data(), samples.size() * 2);
    return samples;
  }

  static size_t audible(const std::vector<std::int16_t>& samples) {
    return static_cast<size_t>(std::count_if(samples.begin(), samples.end(), [](std::int16_t s) {
      return std::abs(static_cast<int>(s)) >= kAudibleLevel;
    }));
  }

  // A 16-bit mono WAV at `rate` holding a square wave of +-amplitude: nothing espeak-ng makes.
  void write_square_wav(const fs::path& file, int rate, std::int16_t amplitude, int samples) const {
    std::ofstream out(file, std::ios::binary);
    auto u32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
    auto u16 = [&](std::uint16_t v) { out.write(reinterpret_cast<const char*>(&v), 2); };
    const std::uint32_t data = static_cast<std::uint32_t>(samples) * 2;
    out.write("RIFF", 4);
    u32(36 + data);
    out.write("WAVEfmt ", 8);
    u32(16);
    u16(1);  // PCM
    u16(1);  // mono
    u32(static_cast<std::uint32_t>(rate));
    u32(static_cast<std::uint32_t>(rate) * 2);
    u16(2);
    u16(16);
    out.write("data", 4);
    u32(data);
    for (int i = 0; i < samples; ++i) {
      const std::int16_t s = (i / 25) % 2 == 0 ? amplitude : static_cast<std::int16_t>(-amplitude);
      out.write(reinterpret_cast<const char*>(&s), 2);
    }
  }

  static Utterance hint() { return {"welcome_hint", kPersianHint, "fa", "fa"}; }

  fs::path m_dir;
  fs::path m_played_file;
};

TEST_F(SpeechTest, PersianPromptIsSynthesizedAndHeard) {
  {
    auto driver = open();
    driver->speak(hint());
    wait_quiet(*driver);
    const auto played = driver->played();
    ASSERT_EQ(played.size(), 1U);
    EXPECT_EQ(played[0].source, SoundSource::Synthesized);
    EXPECT_GE(played[0].first_sound_ms, 0);
    EXPECT_FALSE(played[0].interrupted);
  }
  // A Persian sentence of this length is over a second of speech: tens of thousands of samples.
  EXPECT_GT(audible(heard()), 10000U);
}

TEST_F(SpeechTest, RepeatPlaysFromTheCache) {
  auto driver = open();
  driver->speak(hint());
  wait_quiet(*driver);
  driver->speak(hint());
  wait_quiet(*driver);
  const auto played = driver->played();
  ASSERT_EQ(played.size(), 2U);
  EXPECT_EQ(played[1].source, SoundSource::Cached);
  EXPECT_GE(played[1].first_sound_ms, 0);
}

TEST_F(SpeechTest, RecordedVoiceReplacesTheSyntheticPrompt) {
  write_square_wav(m_dir / "voices" / "welcome_hint.wav", 22050, 8000, 22050);
  {
    auto driver = open(100);
    driver->speak(hint());
    wait_quiet(*driver);
    ASSERT_EQ(driver->played().size(), 1U);
    EXPECT_EQ(driver->played()[0].source, SoundSource::Recorded);
  }
  // What was heard is the recording, sample for sample: only +-8000 and the device's silence.
  const auto samples = heard();
  std::set<std::int16_t> values(samples.begin(), samples.end());
  EXPECT_EQ(values, (std::set<std::int16_t>{-8000, 0, 8000}));
  EXPECT_GE(audible(samples), 22050U);
}

TEST_F(SpeechTest, MalformedVoiceFileIsLoggedAndTheVoiceIsSynthesized) {
  std::ofstream(m_dir / "voices" / "welcome_hint.wav") << "RIFF\x10\x00\x00\x00WAVEnot really a wave";
  auto sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(32);
  spdlog::default_logger()->sinks().push_back(sink);
  {
    auto driver = open();
    driver->speak(hint());
    wait_quiet(*driver);
    ASSERT_EQ(driver->played().size(), 1U);
    EXPECT_EQ(driver->played()[0].source, SoundSource::Synthesized);
  }
  spdlog::default_logger()->sinks().pop_back();
  EXPECT_GT(audible(heard()), 10000U);
  std::string log;
  for (const std::string& line : sink->last_formatted()) log += line;
  EXPECT_NE(log.find("welcome_hint.wav: not a sound file libsndfile can decode"), std::string::npos) << log;
  EXPECT_NE(log.find("the synthetic voice says \"welcome_hint\" instead"), std::string::npos) << log;
}

// A province records in whatever its program writes: FLAC and Ogg Vorbis at their own rates, in
// stereo, are mixed down and resampled to the device as a WAV is.
TEST_F(SpeechTest, RecordedVoiceInFlacReplacesThePromptSampleForSample) {
  ASSERT_TRUE(sound_files::write_square(m_dir / "voices" / "welcome_hint.flac",
                                        SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 22050, 2, 8000, 22050));
  {
    auto driver = open(100);
    driver->speak(hint());
    wait_quiet(*driver);
    ASSERT_EQ(driver->played().size(), 1U);
    EXPECT_EQ(driver->played()[0].source, SoundSource::Recorded);
  }
  const auto samples = heard();
  std::set<std::int16_t> values(samples.begin(), samples.end());
  EXPECT_EQ(values, (std::set<std::int16_t>{-8000, 0, 8000}));
  EXPECT_GE(audible(samples), 22050U);
}

TEST_F(SpeechTest, RecordedVoiceInOggVorbisIsResampledAndPlayed) {
  fs::create_directories(m_dir / "voices" / "en");
  ASSERT_TRUE(sound_files::write_square(m_dir / "voices" / "en" / "welcome_hint.ogg",
                                        SF_FORMAT_OGG | SF_FORMAT_VORBIS, 44100, 2, 8000, 44100));
  {
    auto driver = open(100);
    driver->speak({"welcome_hint", "Touch start to see the services.", "en", "en"});
    wait_quiet(*driver);
    driver->speak({"welcome_hint", "Touch start to see the services.", "en", "en"});
    wait_quiet(*driver);
    const auto played = driver->played();
    ASSERT_EQ(played.size(), 2U);
    EXPECT_EQ(played[0].source, SoundSource::Recorded);
    EXPECT_EQ(played[1].source, SoundSource::Recorded);
    EXPECT_GE(played[1].first_sound_ms, 0);
  }
  // Two seconds of a loud square wave at 22050 Hz, less what the lossy codec softened.
  const auto samples = heard();
  const auto loud = std::count_if(samples.begin(), samples.end(),
                                  [](std::int16_t s) { return std::abs(static_cast<int>(s)) > 4000; });
  EXPECT_GT(loud, 30000);
  EXPECT_LT(samples.size(), 22050U * 4);  // not played at twice its length: resampled from 44.1 kHz
}

// The first name that exists is the recording: a .wav before a .flac before an .ogg.
TEST_F(SpeechTest, AWavIsPreferredToAFlacOfTheSameKey) {
  write_square_wav(m_dir / "voices" / "welcome_hint.wav", 22050, 8000, 22050);
  ASSERT_TRUE(sound_files::write_square(m_dir / "voices" / "welcome_hint.flac",
                                        SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 22050, 1, 12000, 22050));
  {
    auto driver = open(100);
    driver->speak(hint());
    wait_quiet(*driver);
  }
  const auto samples = heard();
  std::set<std::int16_t> values(samples.begin(), samples.end());
  EXPECT_EQ(values, (std::set<std::int16_t>{-8000, 0, 8000}));
}

// A damaged recording is named in the log once, however often its prompt is asked for, and the
// synthetic voice says the prompt each time.
TEST_F(SpeechTest, UndecodableOggIsReportedOnceAndSynthesizedEachTime) {
  std::ofstream(m_dir / "voices" / "welcome_hint.ogg") << "OggS\x00\x02 cut off after the page header";
  auto sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(32);
  spdlog::default_logger()->sinks().push_back(sink);
  {
    auto driver = open();
    for (int i = 0; i < 3; ++i) {
      driver->speak(hint());
      wait_quiet(*driver);
    }
    const auto played = driver->played();
    ASSERT_EQ(played.size(), 3U);
    EXPECT_EQ(played[0].source, SoundSource::Synthesized);
    EXPECT_EQ(played[1].source, SoundSource::Cached);
    EXPECT_EQ(played[2].source, SoundSource::Cached);
  }
  spdlog::default_logger()->sinks().pop_back();
  size_t reports = 0;
  for (const std::string& line : sink->last_formatted()) {
    if (line.find("welcome_hint.ogg: not a sound file libsndfile can decode") != std::string::npos) ++reports;
  }
  EXPECT_EQ(reports, 1U);
}

TEST_F(SpeechTest, VolumeZeroIsSilent) {
  {
    auto driver = open(0);
    driver->speak(hint());
    wait_quiet(*driver);
    ASSERT_EQ(driver->played().size(), 1U);
    EXPECT_LT(driver->played()[0].first_sound_ms, 0);
  }
  const auto samples = heard();
  EXPECT_GT(samples.size(), 10000U);  // the device played: what it played was silence
  EXPECT_EQ(audible(samples), 0U);
}

TEST_F(SpeechTest, NewPromptInterruptsTheOnePlaying) {
  auto driver = open();
  std::string minutes;  // a minute of speech or more: still being made when the next prompt comes
  for (int i = 0; i < 20; ++i) minutes += std::string(kPersianHint) + " ";
  driver->speak({"long", minutes, "fa", "fa"});
  std::this_thread::sleep_for(50ms);
  ASSERT_TRUE(driver->speaking());
  driver->speak({"start", "شروع", "fa", "fa"});
  wait_quiet(*driver);
  const auto played = driver->played();
  ASSERT_EQ(played.size(), 2U);
  EXPECT_EQ(played[0].key, "long");
  EXPECT_TRUE(played[0].interrupted);
  EXPECT_EQ(played[1].key, "start");
  EXPECT_FALSE(played[1].interrupted);
  EXPECT_GE(played[1].first_sound_ms, 0);
}

TEST_F(SpeechTest, AValueAskedForIsNeverCached) {
  auto driver = open();
  for (int i = 0; i < 2; ++i) {
    Utterance value{"value", "۱۲۳۴ ۵۶۷۸", "fa", "fa"};
    value.retention = Retention::Forget;
    driver->speak(std::move(value));
    wait_quiet(*driver);
  }
  const auto played = driver->played();
  ASSERT_EQ(played.size(), 2U);
  EXPECT_EQ(played[0].source, SoundSource::Synthesized);
  EXPECT_EQ(played[1].source, SoundSource::Synthesized);
}

TEST(SimSpeech, RecordsWhatItWasAskedToSay) {
  auto made = SimSpeech::create("sim:");
  ASSERT_TRUE(made);
  auto sim = std::move(made).value();
  ASSERT_TRUE(sim->open({}));
  sim->speak({"welcome", "خوش آمدید", "fa", "fa"});
  ASSERT_EQ(sim->played().size(), 1U);
  EXPECT_EQ(sim->played()[0].key, "welcome");
  EXPECT_EQ(sim->played()[0].source, SoundSource::Simulated);
}

TEST(TextKey, IsStableAndNamesTheText) {
  EXPECT_EQ(text_key("abc"), text_key("abc"));
  EXPECT_NE(text_key("abc"), text_key("abd"));
  EXPECT_EQ(text_key("").size(), 5U + 16U);
  EXPECT_EQ(text_key(""), "text-cbf29ce484222325");  // FNV-1a's offset basis: the empty text
}

}  // namespace
}  // namespace pk::speech
