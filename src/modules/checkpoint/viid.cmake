# VIID part: GA/T 1400 protocol (codec, Digest), clients and registration, intake, bulk CSV import, and the
# offer of watch orders and their hits (Dispositions, DispositionNotifications).
target_sources(jw_checkpoint PRIVATE viid_handlers.cpp viid_clients.cpp viid_codec.cpp viid_digest.cpp viid_sessions.cpp viid_guard.cpp
                                     viid_system_handlers.cpp viid_intake_handlers.cpp viid_admin_handlers.cpp
                                     viid_import_handlers.cpp import_passes.cpp viid_append.cpp
                                     viid_disposition_handlers.cpp)
list(APPEND CHECKPOINT_EMBED schema/002_viid.sql schema/005_viid_security.sql)
jw_test(viid_codec_test SOURCES viid_codec_test.cpp viid_digest_test.cpp viid_import_test.cpp viid_append_test.cpp viid_sessions_test.cpp viid_guard_test.cpp LIBS jw_checkpoint)
jw_test(viid_clients_test SOURCES viid_clients_test.cpp LIBS jw_checkpoint)
