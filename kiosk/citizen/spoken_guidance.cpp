#include "kiosk/citizen/spoken_guidance.h"

#include <spdlog/spdlog.h>

#include "base/secure_wipe.h"
#include "kiosk/format.h"

namespace pk::kiosk {

SpeechLanguage speech_language(catalog::Language language) {
  switch (language) {
    case catalog::Language::Persian:
      return {"fa", "fa"};
    case catalog::Language::English:
      return {"en", "en"};
    // espeak-ng 1.51 has no Dari or Pashto voice: both are read with the Persian one (Dari is
    // close to it; Pashto's own letters come out approximate), and a province's recordings in
    // <voice_dir>/prs/ and <voice_dir>/ps/ replace them prompt by prompt.
    case catalog::Language::Dari:
      return {"prs", "fa"};
    case catalog::Language::Pashto:
      return {"ps", "fa"};
  }
  return {"fa", "fa"};
}

std::string Prompt::with_count(catalog::Language language) const {
  std::string words = Text{m_key.c_str()}.in(language);
  if (const size_t slot = words.find("{}"); slot != std::string::npos)
    words.replace(slot, 2, format_number(*m_count, language));
  return words;
}

std::unique_ptr<SpokenGuidance> SpokenGuidance::open(const Config& config) {
  if (config.speech == SpeechBackend::None) return nullptr;
  const std::string_view connection = config.speech == SpeechBackend::Simulated ? "sim:" : "espeak:";
  auto made = speech::make_speech_registry().create(connection);
  if (!made) {
    spdlog::warn("speech: {}", made.error().message);
    return nullptr;
  }
  if (auto opened = (*made)->open({.volume = config.speech_volume, .voice_dir = config.voice_dir}); !opened) {
    spdlog::warn("speech: {}; the kiosk runs without spoken guidance", opened.error().message);
    return nullptr;
  }
  spdlog::info("speech: {} at volume {}{}", (*made)->info().name, config.speech_volume,
               config.voice_dir.empty() ? "" : ", recorded voices from " + config.voice_dir.string());
  return std::make_unique<SpokenGuidance>(std::move(made).value());
}

speech::Utterance SpokenGuidance::utterance(const Prompt& prompt, catalog::Language language) {
  const SpeechLanguage lang = speech_language(language);
  return {prompt.key(language), prompt.text(language), std::string(lang.tag), std::string(lang.voice)};
}

void SpokenGuidance::say(const Prompt& prompt, catalog::Language language) {
  m_driver->speak(utterance(prompt, language));
}

void SpokenGuidance::say_screen(const ScreenGuide& guide, catalog::Language language) {
  std::vector<speech::Utterance> sequence;
  sequence.push_back(utterance(guide.title, language));
  if (guide.prompt) sequence.push_back(utterance(*guide.prompt, language));
  for (const Prompt& more : guide.then) sequence.push_back(utterance(more, language));
  m_driver->speak(std::move(sequence));
}

void SpokenGuidance::say_value_asked_for(std::string value, catalog::Language language) {
  const SpeechLanguage lang = speech_language(language);
  speech::Utterance said{"value", value, std::string(lang.tag), std::string(lang.voice)};
  said.retention = speech::Retention::Forget;
  secure_wipe(value);
  m_driver->speak(std::move(said));
}

void SpokenGuidance::follow(int screen, catalog::Language language,
                            const std::function<ScreenGuide()>& guide) {
  if (screen == m_screen && language == m_language) return;
  m_screen = screen;
  m_language = language;
  say_screen(guide(), language);
}

}  // namespace pk::kiosk
