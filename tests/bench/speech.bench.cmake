# Spoken guidance: from the tap (speak()) to the first audible sample queued to SDL's audio
# device, for a prompt never said before (synthesized), for a repeat (cached), and for a recorded
# prompt (WAV, FLAC, Ogg Vorbis) the first time, decoded before its first sound; target 300 ms.
pk_add_bench(speech SOURCES ${CMAKE_CURRENT_LIST_DIR}/speech_bench.cpp LIBS pk_speech PkgConfig::SNDFILE)
