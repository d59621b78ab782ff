# Watch part: watch orders (布控), the watch list, hits → alerts.
target_sources(jw_checkpoint PRIVATE watch_handlers.cpp watch_hits.cpp)
list(APPEND CHECKPOINT_EMBED schema/003_watch.sql)
