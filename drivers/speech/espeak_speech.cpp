#include "drivers/speech/espeak_speech.h"

#include <spdlog/spdlog.h>

#include "base/secure_wipe.h"
#include "drivers/speech/pcm.h"
#include "drivers/speech/voice_file.h"

namespace pk::speech {

namespace {

// About twelve minutes of speech at 22050 Hz (24 MiB): far more than every prompt and service
// name in two languages; past it the cache starts again rather than grow without end.
constexpr size_t kCacheLimitSamples = 12'000'000;
constexpr size_t kPlayedKept = 64;

double ms_since(Clock::time_point asked) {
  return std::chrono::duration<double, std::milli>(Clock::now() - asked).count();
}

}  // namespace

const DriverMetadata& EspeakSpeech::metadata() {
  static const DriverMetadata meta{"espeak", "espeak-ng through SDL audio", {}, {}};
  return meta;
}

Result<std::unique_ptr<EspeakSpeech>> EspeakSpeech::create(std::string_view connection) {
  if (connection != "espeak:" && connection != "espeak")
    return make_error(ErrorKind::Malformed, "speech: \"" + std::string(connection) + "\" is not \"espeak:\"");
  return std::unique_ptr<EspeakSpeech>(new EspeakSpeech());
}

EspeakSpeech::EspeakSpeech() : m_info{"espeak", "espeak-ng", "", "espeak:"} {}

EspeakSpeech::~EspeakSpeech() {
  {
    std::lock_guard lock(m_mutex);
    m_quit = true;
    ++m_generation;
  }
  m_wake.notify_all();
  if (m_worker.joinable()) m_worker.join();
}

DeviceState EspeakSpeech::state() const {
  std::lock_guard lock(m_mutex);
  return {m_audio ? Connection::Open : Connection::Closed, m_last_error};
}

Result<void> EspeakSpeech::open(const SpeechSettings& settings) {
  if (m_worker.joinable()) return {};
  auto synth = EspeakSynth::create();
  if (!synth) return synth.error();
  // The Persian voice is loaded now: its dictionary is the slow part of a first prompt.
  if (auto voice = (*synth)->use_voice("fa"); !voice) return voice.error();
  auto audio = SdlAudioOut::open((*synth)->sample_rate());
  if (!audio) return audio.error();
  m_synth = std::move(synth.value());
  m_audio = std::move(audio.value());
  m_settings = settings;
  m_volume = settings.volume;
  m_info.name = std::string("espeak-ng on SDL audio (") + m_audio->driver_name() + ")";
  m_worker = std::thread([this] { run(); });
  return {};
}

void EspeakSpeech::speak(std::vector<Utterance> sequence) {
  if (!m_audio || sequence.empty()) return;
  {
    std::lock_guard lock(m_mutex);
    ++m_generation;
    m_next = std::move(sequence);
  }
  m_audio->clear();
  m_wake.notify_one();
}

void EspeakSpeech::stop() {
  if (!m_audio) return;
  {
    std::lock_guard lock(m_mutex);
    ++m_generation;
    m_next.reset();
  }
  m_audio->clear();
}

void EspeakSpeech::set_volume(int percent) {
  std::lock_guard lock(m_mutex);
  m_volume = percent;
}

bool EspeakSpeech::speaking() const {
  if (!m_audio) return false;
  {
    std::lock_guard lock(m_mutex);
    if (m_working || m_next) return true;
  }
  return m_audio->busy();
}

std::vector<Played> EspeakSpeech::played() const {
  std::lock_guard lock(m_mutex);
  return {m_played.begin(), m_played.end()};
}

bool EspeakSpeech::current(std::uint64_t generation) const {
  std::lock_guard lock(m_mutex);
  return generation == m_generation && !m_quit;
}

void EspeakSpeech::record(Played played) {
  std::lock_guard lock(m_mutex);
  m_played.push_back(std::move(played));
  while (m_played.size() > kPlayedKept) m_played.pop_front();
}

void EspeakSpeech::run() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_wake.wait(lock, [this] { return m_quit || m_next.has_value(); });
    if (m_quit) {
      SdlAudioOut::release_thread();
      return;
    }
    std::vector<Utterance> sequence = std::move(*m_next);
    m_next.reset();
    const std::uint64_t generation = m_generation;
    m_working = true;
    lock.unlock();
    // A chunk of the last sequence may have slipped into the queue after speak() cleared it.
    m_audio->clear();
    for (Utterance& utterance : sequence)
      if (current(generation)) say(utterance, generation);
    lock.lock();
    m_working = false;
  }
}

std::optional<std::vector<std::int16_t>> EspeakSpeech::recording(const Utterance& utterance) {
  if (m_settings.voice_dir.empty()) return std::nullopt;
  // Persian is the province's own language: its recordings sit at the top of the folder.
  const std::filesystem::path folder =
      utterance.language == "fa" ? m_settings.voice_dir : m_settings.voice_dir / utterance.language;
  std::filesystem::path file;
  for (const std::string_view extension : kVoiceFileExtensions) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(folder / (utterance.key + std::string(extension)), ec)) {
      file = folder / (utterance.key + std::string(extension));
      break;
    }
  }
  if (file.empty() || m_bad_recordings.contains(file.string())) return std::nullopt;
  auto samples = [&]() -> Result<std::vector<std::int16_t>> {
    auto sound = read_voice_file(file);
    if (!sound) return sound.error();
    auto converted = SdlAudioOut::to_device(*sound, m_audio->sample_rate());
    if (!converted) return wrap_error(file.string(), converted.error());
    return converted;
  }();
  if (!samples) {
    spdlog::warn("speech: recorded voice {}; the synthetic voice says \"{}\" instead",
                 samples.error().message, utterance.key);
    m_bad_recordings[file.string()] = true;
    return std::nullopt;
  }
  return std::move(samples).value();
}

void EspeakSpeech::say(Utterance& utterance, std::uint64_t generation) {
  Played played{utterance.key, utterance.language};
  const Queue queue = [&](std::span<const std::int16_t> samples) {
    int volume = 0;
    {
      std::lock_guard lock(m_mutex);
      volume = m_volume;
    }
    std::vector<std::int16_t> scaled = at_volume(samples, volume);
    m_audio->queue(scaled);
    if (played.first_sound_ms < 0 && first_audible(scaled) >= 0)
      played.first_sound_ms = ms_since(utterance.asked);
    secure_wipe(scaled);  // it may be the sound of a value a citizen asked for
  };

  const std::string cache_key = utterance.language + "|" + utterance.key;
  const std::string recording_key = "recorded|" + cache_key;
  const bool keep = utterance.retention == Retention::Cache;
  if (!keep) {
    say_once(utterance, generation, queue);
    played.source = SoundSource::Synthesized;
  } else if (auto cached = m_cache.find(recording_key); cached != m_cache.end()) {
    played.source = SoundSource::Recorded;
    queue(cached->second);
  } else if (auto recorded = recording(utterance)) {
    played.source = SoundSource::Recorded;
    queue(*recorded);
    m_cache_samples += recorded->size();
    m_cache[recording_key] = std::move(*recorded);
  } else if (auto cached_synth = m_cache.find(cache_key); cached_synth != m_cache.end()) {
    played.source = SoundSource::Cached;
    queue(cached_synth->second);
  } else {
    played.source = SoundSource::Synthesized;
    if (auto voice = m_synth->use_voice(utterance.voice); !voice) {
      spdlog::warn("speech: {}", voice.error().message);
      std::lock_guard lock(m_mutex);
      m_last_error = voice.error().message;
      return;
    }
    std::vector<std::int16_t> pcm;
    auto made = m_synth->synthesize(utterance.text, [&](std::span<const std::int16_t> chunk) {
      if (!current(generation)) return Synthesis::Abort;
      pcm.insert(pcm.end(), chunk.begin(), chunk.end());
      queue(chunk);
      return Synthesis::Continue;
    });
    if (!made) {
      spdlog::warn("speech: \"{}\": {}", utterance.key, made.error().message);
      std::lock_guard lock(m_mutex);
      m_last_error = made.error().message;
      return;
    }
    if (*made == Synthesis::Continue) {  // only a whole utterance is worth keeping
      if (m_cache_samples + pcm.size() > kCacheLimitSamples) {
        m_cache.clear();
        m_cache_samples = 0;
      }
      m_cache_samples += pcm.size();
      m_cache[cache_key] = std::move(pcm);
    }
  }
  played.interrupted = !current(generation);
  record(std::move(played));
}

void EspeakSpeech::say_once(Utterance& utterance, std::uint64_t generation, const Queue& queue) {
  if (auto voice = m_synth->use_voice(utterance.voice); voice) {
    auto made = m_synth->synthesize(utterance.text, [&](std::span<const std::int16_t> chunk) {
      if (!current(generation)) return Synthesis::Abort;
      queue(chunk);  // not kept: the chunk is espeak-ng's own buffer, reused for the next one
      return Synthesis::Continue;
    });
    if (!made) spdlog::warn("speech: a value asked for: {}", made.error().message);
  }
  secure_wipe(utterance.text);
}

}  // namespace pk::speech
