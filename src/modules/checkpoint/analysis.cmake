# Analysis part: analysis tasks over the pass engine (purpose, limits, progress, cancel, save to case).
target_sources(jw_checkpoint PRIVATE analysis_handlers.cpp)
list(APPEND CHECKPOINT_EMBED schema/004_analysis.sql)
