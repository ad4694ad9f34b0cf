#pragma once
// Recorded voice files: the province's own recordings that replace synthetic prompts, decoded
// with libsndfile. A province records as it likes, so WAV (PCM 8 to 32-bit, float, IMA and MS
// ADPCM, A-law, mu-law), FLAC and Ogg Vorbis are all read, at any rate and with any number of
// channels (mixed down to mono here). Decoding only: turning the sound into the audio device's
// rate is SdlAudioOut::to_device()'s.
//
// These files come from outside (a USB stick, a shared folder), so every refusal is an Error of
// kind Malformed (or read_file's kind) whose message names the file and the reason, and no
// input makes the decoder allocate more than kVoiceFileLimit plus the sound it holds.
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace pk::speech {

// What a recording looks like once decoded: mono 16-bit samples at the file's own rate.
struct DecodedSound {
  int rate = 0;
  std::vector<std::int16_t> samples;
};

// The names a prompt's recording may have, looked for in this order: "<key>.wav", then
// "<key>.flac", then "<key>.ogg". The content decides how a file is decoded, not its name.
inline constexpr std::array<std::string_view, 3> kVoiceFileExtensions{".wav", ".flac", ".ogg"};

// A larger file is refused before it is read: a prompt is seconds of sound (a minute of CD-quality
// WAV is 5 MiB once mixed down, 10 MiB in stereo).
inline constexpr size_t kVoiceFileLimit = 32 * 1024 * 1024;
// Longer recordings are refused rather than decoded: one prompt may not take a large part of the
// driver's cache (about twelve minutes in all, espeak_speech.cpp), and a small compressed file
// cannot unpack into gigabytes.
inline constexpr int kVoiceMaxSeconds = 120;
// The rates accepted: telephone quality up to studio masters.
inline constexpr int kVoiceMinRate = 4000;
inline constexpr int kVoiceMaxRate = 192000;

// Decodes a whole file held in memory; `name` is only for the messages.
[[nodiscard]] Result<DecodedSound> decode_voice(std::string_view bytes, const std::string& name);

// Reads and decodes one recording.
[[nodiscard]] Result<DecodedSound> read_voice_file(const std::filesystem::path& file);

}  // namespace pk::speech
