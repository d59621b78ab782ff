# VIID part: GA/T 1400 protocol, Digest authentication, intake.
target_sources(jw_checkpoint PRIVATE viid_handlers.cpp viid_clients.cpp)
list(APPEND CHECKPOINT_EMBED schema/002_viid.sql)
