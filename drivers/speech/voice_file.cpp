#include "drivers/speech/voice_file.h"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "base/read_file.h"

namespace pk::speech {

namespace {

// libsndfile's virtual I/O over bytes in memory: the fuzz target and the file reader decode the
// same way, and the file is read (and its size checked) once, by read_file().
struct Cursor {
  std::string_view bytes;
  sf_count_t at = 0;
};

sf_count_t length_of(void* user) { return static_cast<sf_count_t>(static_cast<Cursor*>(user)->bytes.size()); }

sf_count_t seek(sf_count_t offset, int whence, void* user) {
  auto* c = static_cast<Cursor*>(user);
  const auto size = static_cast<sf_count_t>(c->bytes.size());
  sf_count_t to = offset;
  if (whence == SEEK_CUR) to = c->at + offset;
  if (whence == SEEK_END) to = size + offset;
  if (to < 0 || to > size) return -1;
  c->at = to;
  return c->at;
}

sf_count_t read(void* into, sf_count_t count, void* user) {
  auto* c = static_cast<Cursor*>(user);
  const sf_count_t n = std::clamp<sf_count_t>(static_cast<sf_count_t>(c->bytes.size()) - c->at, 0, count);
  std::copy_n(c->bytes.data() + c->at, n, static_cast<char*>(into));
  c->at += n;
  return n;
}

sf_count_t no_write(const void* /*from*/, sf_count_t /*count*/, void* /*user*/) { return 0; }

sf_count_t tell(void* user) { return static_cast<Cursor*>(user)->at; }

struct CloseSndfile {
  void operator()(SNDFILE* file) const { sf_close(file); }
};

// 32768 is libsndfile's own scale for 16-bit, so a 16-bit file comes back sample for sample. A
// float file louder than full scale is clipped, not wrapped around into a crackle; NaN is silence.
std::int16_t to_sample(float full_scale) {
  const float x = full_scale * 32768.0F;
  if (std::isnan(x)) return 0;
  if (x >= 32767.0F) return 32767;
  if (x <= -32768.0F) return -32768;
  return static_cast<std::int16_t>(std::lrint(x));
}

Error refuse(const std::string& name, const std::string& why) {
  return make_error(ErrorKind::Malformed, name + ": " + why);
}

}  // namespace

Result<DecodedSound> decode_voice(std::string_view bytes, const std::string& name) {
  Cursor cursor{bytes};
  SF_VIRTUAL_IO io{length_of, seek, read, no_write, tell};
  SF_INFO info{};
  std::unique_ptr<SNDFILE, CloseSndfile> file(sf_open_virtual(&io, SFM_READ, &info, &cursor));
  if (!file)
    return refuse(name, std::string("not a sound file libsndfile can decode (") + sf_strerror(nullptr) + ")");
  if (info.channels < 1 || info.channels > 8)
    return refuse(name, std::to_string(info.channels) + " channels (1 to 8 are read)");
  if (info.samplerate < kVoiceMinRate || info.samplerate > kVoiceMaxRate)
    return refuse(name, "a rate of " + std::to_string(info.samplerate) + " Hz (" +
                            std::to_string(kVoiceMinRate) + " to " + std::to_string(kVoiceMaxRate) +
                            " are read)");
  // Read as float, which libsndfile scales to full scale = 1.0 for every encoding; read as short,
  // a float file's samples would come unscaled (0.5 as 0 or 1: silence).
  const auto channels = static_cast<size_t>(info.channels);
  const auto max_frames = static_cast<size_t>(kVoiceMaxSeconds) * static_cast<size_t>(info.samplerate);
  DecodedSound sound{info.samplerate, {}};
  std::vector<float> block(4096 * channels);
  for (;;) {
    const sf_count_t got = sf_readf_float(file.get(), block.data(), 4096);
    if (got <= 0) break;
    if (sound.samples.size() + static_cast<size_t>(got) > max_frames)
      return refuse(name,
                    "longer than " + std::to_string(kVoiceMaxSeconds) + " s (a prompt is seconds long)");
    for (size_t frame = 0; frame < static_cast<size_t>(got); ++frame) {
      float sum = 0;
      for (size_t c = 0; c < channels; ++c) sum += block[frame * channels + c];
      sound.samples.push_back(to_sample(sum / static_cast<float>(channels)));
    }
  }
  // A file cut short or damaged part-way: said whole or not at all.
  if (const int error = sf_error(file.get()); error != SF_ERR_NO_ERROR)
    return refuse(name, std::string("cannot be decoded (") + sf_error_number(error) + ")");
  if (sound.samples.empty()) return refuse(name, "holds no sound");
  return sound;
}

Result<DecodedSound> read_voice_file(const std::filesystem::path& file) {
  auto bytes = read_file(file, kVoiceFileLimit);
  if (!bytes) return bytes.error();
  return decode_voice(*bytes, file.string());
}

}  // namespace pk::speech
