# Devices part: registry, health, map, statistics.
target_sources(jw_checkpoint PRIVATE devices_handlers.cpp devices_repository.cpp devices_import.cpp devices_settings.cpp
                                     devices_json.cpp devices_health.cpp stats_handlers.cpp)
list(APPEND CHECKPOINT_EMBED schema/001_devices.sql)
jw_test(devices_repository_test SOURCES devices_repository_test.cpp LIBS jw_checkpoint)
jw_test(devices_health_test SOURCES devices_health_test.cpp LIBS jw_checkpoint)
