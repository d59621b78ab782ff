# Devices part: registry, health, map, statistics.
target_sources(jw_checkpoint PRIVATE devices_handlers.cpp devices_repository.cpp)
list(APPEND CHECKPOINT_EMBED schema/001_devices.sql)
