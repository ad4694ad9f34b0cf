# The centre's refusal of an enrollment and its answer to a diagnostics upload (provisioning/).
pk_add_fuzz(provisioning_centre_replies SOURCES ${CMAKE_CURRENT_LIST_DIR}/provisioning_centre_replies_fuzz.cpp
            LIBS pk_provisioning)
