# Watch part: watch orders (布控), the watch list, hits → alerts.
target_sources(jw_checkpoint PRIVATE watch_handlers.cpp watch_hits.cpp watch_json.cpp watch_plate.cpp
                                     watch_queries.cpp watch_service.cpp)
list(APPEND CHECKPOINT_EMBED schema/003_watch.sql)

jw_test(watch_service_test SOURCES watch_service_test.cpp LIBS jw_checkpoint jw_auth)
