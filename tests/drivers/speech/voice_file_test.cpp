// Recorded voice files decoded (drivers/speech/voice_file.h): every format a province may record
// in, real files written by libsndfile, and the refusals, each naming the file.
#include "drivers/speech/voice_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "drivers/speech/sdl_audio_out.h"
#include "tests/drivers/speech/sound_files.h"

namespace pk::speech {
namespace {

namespace fs = std::filesystem;
using sound_files::write_float_frames;
using sound_files::write_frames;
using sound_files::write_square;

class VoiceFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("voice-file-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path m_dir;
};

std::set<std::int16_t> values(const std::vector<std::int16_t>& samples) {
  return {samples.begin(), samples.end()};
}

TEST_F(VoiceFileTest, LosslessFormatsDecodeSampleForSample) {
  const std::pair<const char*, int> formats[] = {
      {"a.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16},
      {"a.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16},
      {"b.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_24},
  };
  for (const auto& [name, format] : formats) {
    ASSERT_TRUE(write_square(m_dir / name, format, 16000, 1, 8000, 16000)) << name;
    auto sound = read_voice_file(m_dir / name);
    ASSERT_TRUE(sound) << sound.error().message;
    EXPECT_EQ(sound->rate, 16000) << name;
    EXPECT_EQ(sound->samples.size(), 16000U) << name;
    EXPECT_EQ(values(sound->samples), (std::set<std::int16_t>{-8000, 8000})) << name;
  }
}

TEST_F(VoiceFileTest, OggVorbisDecodesToAboutTheSameSound) {
  ASSERT_TRUE(write_square(m_dir / "a.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 44100, 2, 8000, 44100));
  auto sound = read_voice_file(m_dir / "a.ogg");
  ASSERT_TRUE(sound) << sound.error().message;
  EXPECT_EQ(sound->rate, 44100);
  EXPECT_NEAR(static_cast<double>(sound->samples.size()), 44100, 2048);
  // Lossy: not the same samples, but a loud square wave still, not silence or noise.
  const auto loud = std::count_if(sound->samples.begin(), sound->samples.end(),
                                  [](std::int16_t s) { return std::abs(static_cast<int>(s)) > 4000; });
  EXPECT_GT(loud, 30000);
}

TEST_F(VoiceFileTest, ChannelsAreMixedDownToMono) {
  std::vector<short> frames;
  for (int i = 0; i < 1000; ++i) {
    frames.push_back(8000);
    frames.push_back(-2000);
  }
  ASSERT_TRUE(write_frames(m_dir / "stereo.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 22050, 2, frames));
  auto sound = read_voice_file(m_dir / "stereo.flac");
  ASSERT_TRUE(sound) << sound.error().message;
  EXPECT_EQ(sound->samples.size(), 1000U);
  EXPECT_EQ(values(sound->samples), (std::set<std::int16_t>{3000}));
}

// A float WAV (what many editors export) has full scale at 1.0: half scale is half scale, not
// silence, and beyond full scale is clipped, not wrapped around.
TEST_F(VoiceFileTest, FloatIsScaledAndClippedNotWrapped) {
  std::vector<float> mono(100, 0.5F);
  mono.insert(mono.end(), 100, 1.5F);
  mono.insert(mono.end(), 100, -1.5F);
  ASSERT_TRUE(write_float_frames(m_dir / "float.wav", 22050, mono));
  auto sound = read_voice_file(m_dir / "float.wav");
  ASSERT_TRUE(sound) << sound.error().message;
  ASSERT_EQ(sound->samples.size(), 300U);
  const auto part = [&](size_t from) {
    return values({sound->samples.begin() + static_cast<long>(from),
                   sound->samples.begin() + static_cast<long>(from + 100)});
  };
  EXPECT_EQ(part(0), (std::set<std::int16_t>{16384}));
  EXPECT_EQ(part(100), (std::set<std::int16_t>{32767}));
  EXPECT_EQ(part(200), (std::set<std::int16_t>{-32768}));
}

TEST_F(VoiceFileTest, ResampledToTheDeviceRate) {
  ASSERT_TRUE(write_square(m_dir / "a.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 44100, 1, 8000, 44100));
  auto sound = read_voice_file(m_dir / "a.flac");
  ASSERT_TRUE(sound) << sound.error().message;
  auto device = SdlAudioOut::to_device(*sound, 22050);
  ASSERT_TRUE(device) << device.error().message;
  EXPECT_NEAR(static_cast<double>(device->size()), 22050, 64);  // one second still
  auto same = SdlAudioOut::to_device({22050, {1, 2, 3}}, 22050);
  ASSERT_TRUE(same);
  EXPECT_EQ(*same, (std::vector<std::int16_t>{1, 2, 3}));
  auto nothing = SdlAudioOut::to_device({22050, {}}, 22050);
  ASSERT_FALSE(nothing);
  EXPECT_EQ(nothing.error().message, "too short to play");
}

TEST_F(VoiceFileTest, RefusalsNameTheFileAndTheReason) {
  const auto refusal = [&](const fs::path& file) {
    auto sound = read_voice_file(file);
    EXPECT_FALSE(sound) << file;
    if (sound) return std::string();
    EXPECT_EQ(sound.error().kind, ErrorKind::Malformed) << sound.error().message;
    return sound.error().message;
  };
  std::ofstream(m_dir / "text.ogg") << "OggS, but only in name";
  const std::string not_ogg = refusal(m_dir / "text.ogg");  // the reason is libsndfile's own words
  EXPECT_EQ(not_ogg.rfind((m_dir / "text.ogg").string() + ": not a sound file libsndfile can decode (", 0),
            0U)
      << not_ogg;
  std::ofstream(m_dir / "notes.wav") << "recorded on Tuesday";
  EXPECT_EQ(
      refusal(m_dir / "notes.wav"),
      (m_dir / "notes.wav").string() + ": not a sound file libsndfile can decode (Format not recognised.)");

  ASSERT_TRUE(write_square(m_dir / "long.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, kVoiceMinRate, 1, 8000,
                           (kVoiceMaxSeconds + 1) * kVoiceMinRate));
  EXPECT_EQ(refusal(m_dir / "long.flac"),
            (m_dir / "long.flac").string() + ": longer than 120 s (a prompt is seconds long)");

  ASSERT_TRUE(write_square(m_dir / "slow.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 2000, 1, 8000, 2000));
  EXPECT_EQ(refusal(m_dir / "slow.wav"),
            (m_dir / "slow.wav").string() + ": a rate of 2000 Hz (4000 to 192000 are read)");

  ASSERT_TRUE(write_square(m_dir / "empty.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 22050, 1, 8000, 0));
  EXPECT_EQ(refusal(m_dir / "empty.wav"), (m_dir / "empty.wav").string() + ": holds no sound");

  auto missing = read_voice_file(m_dir / "missing.wav");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("missing.wav"), std::string::npos) << missing.error().message;
}

TEST(VoiceFileBytes, NothingAtAllIsRefused) {
  auto sound = decode_voice("", "nothing.wav");
  ASSERT_FALSE(sound);
  EXPECT_EQ(sound.error().kind, ErrorKind::Malformed);
  EXPECT_EQ(sound.error().message.rfind("nothing.wav: ", 0), 0U) << sound.error().message;
}

}  // namespace
}  // namespace pk::speech
