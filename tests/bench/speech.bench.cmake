# Spoken guidance: from the tap (speak()) to the first audible sample queued to SDL's audio
# device, for a prompt never said before (synthesized) and for a repeat (cached); target 300 ms.
pk_add_bench(speech SOURCES ${CMAKE_CURRENT_LIST_DIR}/speech_bench.cpp LIBS pk_speech)
