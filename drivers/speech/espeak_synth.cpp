#include "drivers/speech/espeak_synth.h"

#include <espeak-ng/espeak_ng.h>

#include <atomic>

namespace pk::speech {

namespace {

std::atomic<bool> g_in_use{false};
// espeak-ng's callback has no user pointer of its own in synchronous mode beyond the events'
// user_data; the one synthesis in progress is named here (one thread, one synthesizer).
thread_local const EspeakSynth::Chunk* t_chunk = nullptr;
thread_local bool t_aborted = false;

Error espeak_error(std::string_view what, espeak_ng_STATUS status) {
  char text[512] = {};
  espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
  return make_error(ErrorKind::Unavailable, "espeak-ng: " + std::string(what) + ": " + text);
}

int on_samples(short* wav, int count, espeak_EVENT* /*events*/) {
  if (wav == nullptr || count <= 0 || t_chunk == nullptr) return 0;
  if ((*t_chunk)(std::span<const std::int16_t>(wav, static_cast<size_t>(count))) == Synthesis::Abort) {
    t_aborted = true;
    return 1;  // espeak-ng stops synthesizing
  }
  return 0;
}

}  // namespace

// espeak-ng is started once per process and never terminated: its espeak_ng_Terminate() waits
// for a thread that a second start would need, and hangs (1.51), so a driver that is opened again
// (tests, the benchmark, a technician's restart) reuses the first start.
static Result<int> start_espeak() {
  static const Result<int> started = []() -> Result<int> {
    espeak_ng_InitializePath(nullptr);  // Debian's espeak-ng-data
    espeak_ng_ERROR_CONTEXT context = nullptr;
    if (espeak_ng_STATUS status = espeak_ng_Initialize(&context); status != ENS_OK) {
      espeak_ng_ClearErrorContext(&context);
      return espeak_error("cannot load its data (Debian package espeak-ng-data)", status);
    }
    // Synchronous: the samples come back through the callback on the calling thread, in 50 ms
    // buffers, so the first can be queued to the audio device while the rest is made.
    if (espeak_ng_STATUS status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 50, nullptr);
        status != ENS_OK)
      return espeak_error("cannot start synthesis", status);
    espeak_SetSynthCallback(on_samples);
    return espeak_ng_GetSampleRate();
  }();
  return started;
}

Result<std::unique_ptr<EspeakSynth>> EspeakSynth::create() {
  if (g_in_use.exchange(true))
    return make_error(ErrorKind::Busy, "espeak-ng: the process already has a synthesizer");
  auto rate = start_espeak();
  if (!rate) {
    g_in_use = false;
    return rate.error();
  }
  std::unique_ptr<EspeakSynth> synth(new EspeakSynth());
  synth->m_sample_rate = rate.value();
  return synth;
}

EspeakSynth::~EspeakSynth() { g_in_use = false; }

Result<void> EspeakSynth::use_voice(std::string_view voice) {
  if (voice == m_voice) return {};
  const std::string name(voice);
  if (espeak_ng_STATUS status = espeak_ng_SetVoiceByName(name.c_str()); status != ENS_OK)
    return espeak_error("no voice \"" + name + "\"", status);
  m_voice = name;
  return {};
}

Result<Synthesis> EspeakSynth::synthesize(std::string_view text, const Chunk& chunk) {
  const std::string terminated(text);  // espeak-ng reads up to the NUL
  t_chunk = &chunk;
  t_aborted = false;
  const espeak_ng_STATUS status = espeak_ng_Synthesize(terminated.c_str(), terminated.size() + 1, 0,
                                                       POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
  t_chunk = nullptr;
  if (t_aborted) return Synthesis::Abort;
  if (status != ENS_OK)
    return espeak_error("cannot synthesize",
                        status);  // never the text: it may be a value a citizen asked for
  return Synthesis::Continue;
}

}  // namespace pk::speech
