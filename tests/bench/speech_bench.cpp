// How long a citizen waits for the kiosk to start speaking after a tap: from speak() to the
// first audible sample handed to SDL's audio queue (Played::first_sound_ms, measured by the
// driver itself). The sound goes to SDL's `disk` driver (into /dev/null), so no sound card is
// needed; playback speed does not enter the figure. Target: 300 ms, first prompt and cached.
#include <benchmark/benchmark.h>
#include <sndfile.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <vector>

#include "drivers/speech/espeak_speech.h"

namespace {

using namespace std::chrono_literals;

constexpr const char* kPrompt = "برای دیدن خدمات و ثبت درخواست، «شروع» را لمس کنید.";

std::unique_ptr<pk::speech::EspeakSpeech> open_speech(const std::filesystem::path& voice_dir = {}) {
  ::setenv("SDL_AUDIODRIVER", "disk", 1);
  ::setenv("SDL_DISKAUDIOFILE", "/dev/null", 1);
  ::setenv("SDL_DISKAUDIODELAY", "2", 1);
  auto made = pk::speech::EspeakSpeech::create("espeak:");
  if (!made) return nullptr;
  auto speech = std::move(made).value();
  if (!speech->open({.volume = 70, .voice_dir = voice_dir})) return nullptr;
  return speech;
}

// Says `utterance` and waits until the driver has recorded it; returns its first-sound time.
double say(pk::speech::SpeechDriver& speech, pk::speech::Utterance utterance) {
  const size_t before = speech.played().size();
  speech.speak(std::move(utterance));
  for (int i = 0; i < 2000 && speech.played().size() == before; ++i) std::this_thread::sleep_for(1ms);
  const auto played = speech.played();
  return played.empty() ? -1 : played.back().first_sound_ms;
}

void report(benchmark::State& state, double worst) {
  state.counters["worst_ms"] = benchmark::Counter(worst);
  state.counters["target_ms"] = 300;
}

// The first prompt after the kiosk starts: the synthesizer and audio device are open (as after
// App::create), nothing is cached.
void BM_FirstPromptAfterStart(benchmark::State& state) {
  double worst = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto speech = open_speech();
    if (!speech) return state.SkipWithError("cannot open espeak-ng on SDL's disk audio");
    state.ResumeTiming();
    const double ms = say(*speech, {"welcome_hint", kPrompt, "fa", "fa"});
    state.SetIterationTime(ms / 1000);
    worst = std::max(worst, ms);
    state.PauseTiming();
    speech.reset();
    state.ResumeTiming();
  }
  report(state, worst);
}
BENCHMARK(BM_FirstPromptAfterStart)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(5);

// A prompt not said before in a running kiosk (a new key each time, so never from the cache).
void BM_SynthesizedPrompt(benchmark::State& state) {
  auto speech = open_speech();
  if (!speech) return state.SkipWithError("cannot open espeak-ng on SDL's disk audio");
  double worst = 0;
  int n = 0;
  for (auto _ : state) {
    const double ms = say(*speech, {"prompt_" + std::to_string(n++), kPrompt, "fa", "fa"});
    state.SetIterationTime(ms / 1000);
    worst = std::max(worst, ms);
  }
  report(state, worst);
}
BENCHMARK(BM_SynthesizedPrompt)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(20);

// The same prompt again (the speaker button's repeat): from the cache.
void BM_CachedPrompt(benchmark::State& state) {
  auto speech = open_speech();
  if (!speech) return state.SkipWithError("cannot open espeak-ng on SDL's disk audio");
  (void)say(*speech, {"welcome_hint", kPrompt, "fa", "fa"});
  double worst = 0;
  for (auto _ : state) {
    const double ms = say(*speech, {"welcome_hint", kPrompt, "fa", "fa"});
    state.SetIterationTime(ms / 1000);
    worst = std::max(worst, ms);
  }
  report(state, worst);
}
BENCHMARK(BM_CachedPrompt)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(50);

// A recorded prompt the first time it is asked for: the file is read, decoded and resampled
// before its first sound (a repeat is then cached, like BM_CachedPrompt). Five seconds recorded
// at 44.1 kHz stereo, as a phone or an editor writes them, in each accepted format.
void BM_RecordedPromptFirstPlay(benchmark::State& state, int format, const char* extension) {
  const auto dir = std::filesystem::temp_directory_path() / ("pk-bench-voices-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  SF_INFO info{};
  info.samplerate = 44100;
  info.channels = 2;
  info.format = format;
  SNDFILE* out = sf_open((dir / (std::string("welcome_hint") + extension)).c_str(), SFM_WRITE, &info);
  if (out == nullptr) return state.SkipWithError("cannot write the recording");
  std::vector<float> frames(2 * 5 * 44100);
  for (size_t i = 0; i < frames.size(); ++i)
    frames[i] =
        0.3F * static_cast<float>(std::sin(static_cast<double>(i / 2) * 2 * 3.14159265 * 440 / 44100));
  sf_writef_float(out, frames.data(), static_cast<sf_count_t>(frames.size() / 2));
  sf_close(out);
  double worst = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto speech = open_speech(dir);
    if (!speech) return state.SkipWithError("cannot open espeak-ng on SDL's disk audio");
    state.ResumeTiming();
    const double ms = say(*speech, {"welcome_hint", kPrompt, "fa", "fa"});
    state.SetIterationTime(ms / 1000);
    worst = std::max(worst, ms);
    state.PauseTiming();
    speech.reset();
    state.ResumeTiming();
  }
  std::filesystem::remove_all(dir);
  report(state, worst);
}
BENCHMARK_CAPTURE(BM_RecordedPromptFirstPlay, wav, SF_FORMAT_WAV | SF_FORMAT_PCM_16, ".wav")
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK_CAPTURE(BM_RecordedPromptFirstPlay, flac, SF_FORMAT_FLAC | SF_FORMAT_PCM_16, ".flac")
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK_CAPTURE(BM_RecordedPromptFirstPlay, ogg_vorbis, SF_FORMAT_OGG | SF_FORMAT_VORBIS, ".ogg")
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

}  // namespace
