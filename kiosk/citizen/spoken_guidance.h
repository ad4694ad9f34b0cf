#pragma once
// Spoken guidance for people who read little: the kiosk says each citizen screen's title and
// prompt when it opens (and again from the header's speaker button), a list row when its
// speaker button is tapped, and a field's label when the field is focused. Sound comes from
// the speech device (drivers/speech): espeak-ng, or a recorded voice named by the prompt's key.
//
// PRIVACY (a public room): the kiosk never says a citizen's personal data aloud on its own (a
// national code, an id or passport number, a name, a mobile number, a tracking code). This is
// built into the types, not left to care at each call: a Prompt, the only thing say() and
// say_screen() take, can be made only from a Text of the string tables or from catalog text;
// it has no constructor from a string, so a field's value cannot become one. A value is said
// only through say_value_asked_for(), which only a value's own speaker button calls, when the
// person taps it; its sound is never cached and its text is wiped once said.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog.h"
#include "drivers/speech/speech_output.h"
#include "kiosk/config.h"
#include "kiosk/strings.h"

namespace pk::kiosk {

class Prompt {
 public:
  // Fixed wording from the string tables, keyed by its string id (the words are looked up in
  // the session's language when said).
  Prompt(const Text& text) : m_key(text.key) {}  // NOLINT(google-explicit-constructor)
  // Catalog text (a service's name, a document's label): it has no string id, so its key is a
  // hash of the words (speech::text_key). Copied: a catalog update may replace the catalog.
  Prompt(const catalog::LocalText& text)
      : m_fa(text.fa), m_en(text.en) {}  // NOLINT(google-explicit-constructor)
  // Fixed wording with one count from the catalog in it ("{}": a service's handling days), said
  // in the session's digits. Never a citizen's value: callers pass the catalog's number only.
  // Keyed "<string id>-<count>", so a recording can say each count.
  [[nodiscard]] static Prompt with_catalog_count(const Text& text, int count) {
    Prompt made(text);
    made.m_count = count;
    return made;
  }
  // Not from a string: a value typed or read from a card must not become a prompt (see above).
  Prompt(std::string) = delete;
  Prompt(std::string_view) = delete;
  Prompt(const char*) = delete;

  [[nodiscard]] std::string text(catalog::Language language) const {
    if (!m_key.empty()) return m_count ? with_count(language) : Text{m_key.c_str()}.in(language);
    // The catalog is Persian and English: Dari and Pashto readers hear the Persian.
    return persian_or_english(language) == catalog::Language::English ? m_en : m_fa;
  }
  // The string id, or the hash key of this language's text for catalog text.
  [[nodiscard]] std::string key(catalog::Language language) const {
    if (m_key.empty()) return speech::text_key(text(language));
    return m_count ? m_key + "-" + std::to_string(*m_count) : m_key;
  }

 private:
  [[nodiscard]] std::string with_count(catalog::Language language) const;

  std::string m_key;
  std::optional<int> m_count;
  std::string m_fa;
  std::string m_en;
};

// What a screen says when it opens: its title, then what to do there.
struct ScreenGuide {
  Prompt title;
  std::optional<Prompt> prompt;
  std::vector<Prompt> then{};  // said after the prompt: the parts of an answer (the status check's)
};

class SpokenGuidance {
 public:
  // The speech device the configuration names, opened; null when speech is off, or when the
  // device cannot be opened (said in the log: the kiosk then runs silent).
  [[nodiscard]] static std::unique_ptr<SpokenGuidance> open(const Config& config);
  explicit SpokenGuidance(std::unique_ptr<speech::SpeechDriver> driver) : m_driver(std::move(driver)) {}

  void say(const Prompt& prompt, catalog::Language language);
  void say_screen(const ScreenGuide& guide, catalog::Language language);
  // The one way a citizen's own value is said: only from that value's speaker button, tapped by
  // the person it belongs to. Takes the text by value and wipes the copy it passes on.
  void say_value_asked_for(std::string value, catalog::Language language);
  void stop() { m_driver->stop(); }

  // Called once a frame: says the screen's guide when the screen (or the language) changed.
  // The guide is built only then (it copies catalog text), never on the frames in between.
  void follow(int screen, catalog::Language language, const std::function<ScreenGuide()>& guide);

  [[nodiscard]] speech::SpeechDriver& driver() { return *m_driver; }

 private:
  [[nodiscard]] static speech::Utterance utterance(const Prompt& prompt, catalog::Language language);

  std::unique_ptr<speech::SpeechDriver> m_driver;
  int m_screen = -1;
  catalog::Language m_language = catalog::Language::Persian;
};

// The session language's tag and the espeak-ng voice that speaks it. espeak-ng 1.51 has no
// Pashto or Dari voice: both would be said by the Persian one ("fa").
struct SpeechLanguage {
  std::string_view tag;
  std::string_view voice;
};
[[nodiscard]] SpeechLanguage speech_language(catalog::Language language);

}  // namespace pk::kiosk
