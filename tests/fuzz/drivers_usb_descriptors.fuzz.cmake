# A USB printer's interface and endpoint descriptors (drivers/printer/usb_descriptors.h).
pk_add_fuzz(drivers_usb_descriptors SOURCES ${CMAKE_CURRENT_LIST_DIR}/drivers_usb_descriptors_fuzz.cpp LIBS pk_drivers)
