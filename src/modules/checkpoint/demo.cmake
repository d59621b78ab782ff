# Demo part: the demo county's checkpoints, base map, passes with planted patterns; `jingwu demo replay`.
target_sources(jw_checkpoint PRIVATE demo_seed.cpp demo_replay.cpp)
