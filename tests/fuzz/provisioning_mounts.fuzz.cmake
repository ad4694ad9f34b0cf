# The mount table the diagnostics export reads to find USB sticks (/proc/self/mounts).
pk_add_fuzz(provisioning_mounts SOURCES ${CMAKE_CURRENT_LIST_DIR}/provisioning_mounts_fuzz.cpp LIBS pk_provisioning)
