#pragma once
// Real sound files for the speech tests, written with libsndfile (the library the driver reads
// them with, so a file here is one a recording program could have made): a square wave of
// +-amplitude, nothing espeak-ng makes, in any container and encoding libsndfile writes.
#include <sndfile.h>

#include <filesystem>
#include <vector>

namespace pk::speech::sound_files {

// `format` is libsndfile's, e.g. SF_FORMAT_FLAC | SF_FORMAT_PCM_16 or SF_FORMAT_OGG |
// SF_FORMAT_VORBIS; `frames` frames of `channels` channels, every channel the same wave.
inline bool write_square(const std::filesystem::path& file, int format, int rate, int channels,
                         short amplitude, int frames) {
  SF_INFO info{};
  info.samplerate = rate;
  info.channels = channels;
  info.format = format;
  SNDFILE* out = sf_open(file.c_str(), SFM_WRITE, &info);
  if (out == nullptr) return false;
  std::vector<short> samples;
  for (int i = 0; i < frames; ++i)
    for (int c = 0; c < channels; ++c)
      samples.push_back((i / 25) % 2 == 0 ? amplitude : static_cast<short>(-amplitude));
  const bool whole = sf_writef_short(out, samples.data(), frames) == frames;
  return sf_close(out) == 0 && whole;
}

// Interleaved samples as they are, for files whose channels differ.
inline bool write_frames(const std::filesystem::path& file, int format, int rate, int channels,
                         const std::vector<short>& interleaved) {
  SF_INFO info{};
  info.samplerate = rate;
  info.channels = channels;
  info.format = format;
  SNDFILE* out = sf_open(file.c_str(), SFM_WRITE, &info);
  if (out == nullptr) return false;
  const sf_count_t frames = static_cast<sf_count_t>(interleaved.size()) / channels;
  const bool whole = sf_writef_short(out, interleaved.data(), frames) == frames;
  return sf_close(out) == 0 && whole;
}

// Float samples as they are (a float WAV may hold values beyond full scale).
inline bool write_float_frames(const std::filesystem::path& file, int rate, const std::vector<float>& mono) {
  SF_INFO info{};
  info.samplerate = rate;
  info.channels = 1;
  info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
  SNDFILE* out = sf_open(file.c_str(), SFM_WRITE, &info);
  if (out == nullptr) return false;
  const auto frames = static_cast<sf_count_t>(mono.size());
  const bool whole = sf_writef_float(out, mono.data(), frames) == frames;
  return sf_close(out) == 0 && whole;
}

}  // namespace pk::speech::sound_files
