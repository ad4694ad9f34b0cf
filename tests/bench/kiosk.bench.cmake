# Frame cost of the kiosk's screens, rendered headless in software (a pessimistic figure:
# a kiosk with a GPU rasterises on the GPU).
pk_add_bench(kiosk_frame SOURCES ${CMAKE_CURRENT_LIST_DIR}/kiosk_frame_bench.cpp LIBS pk_kiosk)
