#pragma once
// The virtual twin of the speech output ("sim:"): says nothing, and records what it was asked
// to say (the key and language of each utterance) for tests and for running the kiosk where no
// sound may be made. Its Played entries are SoundSource::Simulated.
#include <deque>
#include <memory>
#include <mutex>

#include "drivers/speech/speech_output.h"

namespace pk::speech {

class SimSpeech final : public SpeechDriver {
 public:
  [[nodiscard]] static const DriverMetadata& metadata();
  [[nodiscard]] static Result<std::unique_ptr<SimSpeech>> create(std::string_view connection);  // "sim:"

  [[nodiscard]] const DeviceInfo& info() const override { return m_info; }
  [[nodiscard]] DeviceState state() const override;
  void on_hotplug(HotplugCallback /*callback*/) override {}
  [[nodiscard]] Result<void> open(const SpeechSettings& settings) override;
  using SpeechDriver::speak;
  void speak(std::vector<Utterance> sequence) override;
  void stop() override {}
  void set_volume(int percent) override;
  [[nodiscard]] bool speaking() const override { return false; }
  [[nodiscard]] std::vector<Played> played() const override;

 private:
  DeviceInfo m_info{"sim", "simulated speech", "", "sim:"};
  mutable std::mutex m_mutex;
  bool m_open = false;
  int m_volume = 70;
  std::deque<Played> m_played;
};

}  // namespace pk::speech
