#pragma once
// The frame every desk draws into. Each frame of the App starts alike, whichever mode is on
// screen: a new ImGui and text-engine frame at the display's size and the citizen's text size
// (the theme, the glyph atlas and the pictograms follow both), and one full-screen window the
// desk draws into; it ends alike: glyph pages, pictograms and the desks' own images uploaded,
// rendered and shown. The host owns the display, the theme, the pictograms and the widgets'
// state; the text engine is the App's (the receipts render with it too) and must outlive it.
#include <filesystem>
#include <memory>
#include <vector>

#include "domain/result.h"
#include "ui/pictograms/pictogram_atlas.h"
#include "ui/platform.h"
#include "ui/text/text_engine.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace pk::kiosk {

class FrameHost {
 public:
  // Before anything opens SDL (spoken guidance opens its audio before the display). Headless
  // (the demo, the tests) there is usually no sound card: unless told otherwise, SDL's `dummy`
  // audio driver plays the sound into nothing, so the screens are the ones a kiosk shows. And
  // nothing reads SDL's events, so SDL must not take SIGINT and SIGTERM (its handlers turn them
  // into a quit event nobody sees, and a stopped demo or test ran on).
  static void prepare(ui::DisplayMode mode);
  // Opens the display and draws the pictograms for its height.
  [[nodiscard]] static Result<std::unique_ptr<FrameHost>> open(
      const ui::PlatformOptions& options, ui::TextEngine& text,
      std::unique_ptr<ui::PictogramAtlas> pictograms);
  FrameHost(const FrameHost&) = delete;
  FrameHost& operator=(const FrameHost&) = delete;

  // Starts the frame at `now` (seconds, monotonic) and begins the full-screen window `window`
  // (the caller draws into the rectangle returned, then ends the window). `text_size` is the
  // citizen's A+ choice; the operator's and technician's screens draw at Normal.
  ui::Rect begin(double now, bool rtl, const char* window, ui::TextSize text_size = ui::TextSize::Normal);
  // Uploads new glyph pages, pictogram pages and `images` (the desks' previews and thumbnails),
  // renders and shows the frame.
  void finish(std::vector<ui::ExternalTexture>& images);

  [[nodiscard]] ui::Platform& platform() { return *m_platform; }
  [[nodiscard]] const ui::Platform& platform() const { return *m_platform; }
  [[nodiscard]] ui::Ui& ui() { return *m_ui; }
  [[nodiscard]] const ui::Ui& ui() const { return *m_ui; }
  [[nodiscard]] const ui::PictogramAtlas& pictograms() const { return *m_pictograms; }

 private:
  FrameHost(ui::TextEngine& text) : m_text(text) {}
  void apply_style() const;

  ui::TextEngine& m_text;
  std::unique_ptr<ui::Platform> m_platform;
  ui::Theme m_theme;
  std::unique_ptr<ui::PictogramAtlas> m_pictograms;  // drawn for m_theme's body text size
  std::unique_ptr<ui::Ui> m_ui;
  double m_last_frame = 0;
};

// Parses and draws every pictogram in `folder` for body text of `body_px`; one log line for each
// left out (the screens then show that one's text alone) and one for what it took. Slow enough
// (librsvg, tens of milliseconds) that the App runs it beside its other start-up work.
[[nodiscard]] std::unique_ptr<ui::PictogramAtlas> load_pictograms(const std::filesystem::path& folder,
                                                                  float body_px);

}  // namespace pk::kiosk
