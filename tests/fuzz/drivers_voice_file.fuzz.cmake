# Recorded voice files (drivers/speech/voice_file.h): libsndfile decodes WAV, FLAC and Ogg Vorbis
# from a province's folder, our wrapper mixes down and bounds them, SDL resamples to the device.
pk_add_fuzz(drivers_voice_file SOURCES ${CMAKE_CURRENT_LIST_DIR}/drivers_voice_file_fuzz.cpp LIBS pk_speech)
