# Analysis part: analysis tasks over the pass engine (purpose, limits, progress, cancel, save to case).
target_sources(jw_checkpoint PRIVATE analysis_handlers.cpp analysis_limits.cpp analysis_run.cpp analysis_runner.cpp
                                     analysis_tasks.cpp)
list(APPEND CHECKPOINT_EMBED schema/004_analysis.sql data/analysis_limits.csv)
jw_test(analysis_test SOURCES analysis_test.cpp LIBS jw_checkpoint)
