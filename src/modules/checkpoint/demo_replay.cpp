#include "checkpoint/demo_replay.hpp"

#include <iostream>

namespace jw::checkpoint {

int RunDemoReplay(const ReplayOptions&) {
    std::cerr << "demo replay: not built yet\n";
    return 1;
}

}  // namespace jw::checkpoint
