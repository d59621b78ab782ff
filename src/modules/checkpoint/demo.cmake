# Demo part: the demo county's checkpoints, base map, passes with planted patterns; `jingwu demo replay`.
target_sources(jw_checkpoint PRIVATE demo_geography.cpp demo_passes.cpp demo_seed.cpp demo_http_client.cpp
                                     demo_replay.cpp)
jw_test(demo_seed_test SOURCES demo_seed_test.cpp LIBS jw_checkpoint)
jw_test(demo_http_client_test SOURCES demo_http_client_test.cpp LIBS jw_checkpoint)
