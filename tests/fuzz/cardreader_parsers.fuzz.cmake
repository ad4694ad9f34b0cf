# Card data is outside input: every parser of it has a fuzz target with a seed corpus
# (tests/fuzz/corpus/cardreader_*). The replay tests also carry the cardreader label.
set(pk_cardreader_fuzz_targets atr ber_tlv dg1_mrz sod sm_response dg2_face master_list)
set(pk_cardreader_fuzz_index 1)
foreach(target ${pk_cardreader_fuzz_targets})
  pk_add_fuzz(cardreader_${target} SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/cardreader_fuzz.cpp LIBS pk_cardreader)
  target_compile_definitions(fuzz_cardreader_${target} PRIVATE PK_CARDREADER_FUZZ_TARGET=${pk_cardreader_fuzz_index})
  if(NOT PK_BUILD_FUZZ)
    set_tests_properties(fuzz_replay.cardreader_${target} PROPERTIES LABELS "fuzz;cardreader")
  endif()
  math(EXPR pk_cardreader_fuzz_index "${pk_cardreader_fuzz_index} + 1")
endforeach()
