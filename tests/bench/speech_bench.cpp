// How long a citizen waits for the kiosk to start speaking after a tap: from speak() to the
// first audible sample handed to SDL's audio queue (Played::first_sound_ms, measured by the
// driver itself). The sound goes to SDL's `disk` driver (into /dev/null), so no sound card is
// needed; playback speed does not enter the figure. Target: 300 ms, first prompt and cached.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "drivers/speech/espeak_speech.h"

namespace {

using namespace std::chrono_literals;

constexpr const char* kPrompt = "برای دیدن خدمات و ثبت درخواست، «شروع» را لمس کنید.";

std::unique_ptr<pk::speech::EspeakSpeech> open_speech() {
  ::setenv("SDL_AUDIODRIVER", "disk", 1);
  ::setenv("SDL_DISKAUDIOFILE", "/dev/null", 1);
  ::setenv("SDL_DISKAUDIODELAY", "2", 1);
  auto made = pk::speech::EspeakSpeech::create("espeak:");
  if (!made) return nullptr;
  auto speech = std::move(made).value();
  if (!speech->open({.volume = 70, .voice_dir = {}})) return nullptr;
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

}  // namespace
