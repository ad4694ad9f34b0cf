# The enrollment QR code a technician scans on the kiosk (provisioning/enrollment_qr.h): any
# text a barcode scanner delivers.
pk_add_fuzz(provisioning_enrollment_qr SOURCES ${CMAKE_CURRENT_LIST_DIR}/provisioning_enrollment_qr_fuzz.cpp
            LIBS pk_protocol)
