#include "drivers/speech/sim_speech.h"

namespace pk::speech {

const DriverMetadata& SimSpeech::metadata() {
  static const DriverMetadata meta{"sim", "simulated speech", {}, {Feature::Scripted}};
  return meta;
}

Result<std::unique_ptr<SimSpeech>> SimSpeech::create(std::string_view connection) {
  if (!connection.starts_with("sim"))
    return make_error(ErrorKind::Malformed, "speech: \"" + std::string(connection) + "\" is not \"sim:\"");
  return std::make_unique<SimSpeech>();
}

DeviceState SimSpeech::state() const {
  std::lock_guard lock(m_mutex);
  return {m_open ? Connection::Open : Connection::Closed, {}};
}

Result<void> SimSpeech::open(const SpeechSettings& settings) {
  std::lock_guard lock(m_mutex);
  m_open = true;
  m_volume = settings.volume;
  return {};
}

void SimSpeech::speak(std::vector<Utterance> sequence) {
  std::lock_guard lock(m_mutex);
  if (!m_open) return;
  // At volume 0 nothing would be heard, as with the real driver (no first sound).
  for (const Utterance& utterance : sequence)
    m_played.push_back(
        {utterance.key, utterance.language, SoundSource::Simulated, m_volume > 0 ? 0.0 : -1.0});
  while (m_played.size() > 64) m_played.pop_front();
}

void SimSpeech::set_volume(int percent) {
  std::lock_guard lock(m_mutex);
  m_volume = percent;
}

std::vector<Played> SimSpeech::played() const {
  std::lock_guard lock(m_mutex);
  return {m_played.begin(), m_played.end()};
}

}  // namespace pk::speech
