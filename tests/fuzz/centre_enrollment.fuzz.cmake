# The enrollment documents, codes and certificate requests the centre reads from terminals
# without a certificate, and the reply the terminal reads back (protocol/enrollment_wire.h).
pk_add_fuzz(centre_enrollment SOURCES ${CMAKE_CURRENT_LIST_DIR}/centre_enrollment_fuzz.cpp LIBS pk_protocol)
