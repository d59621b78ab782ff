#pragma once
// `jingwu demo replay`: streams demo passes in real time through the GA/T 1400 endpoint of a running server.
// Owned by the demo part.

#include <string>

namespace jw::checkpoint {

struct ReplayOptions {
    std::string url = "http://127.0.0.1:8080";
    std::string client_id;  // VIID client (20 digits); default: the demo client
    std::string password;   // default: the demo client's
    double rate = 20;       // passes per second
    int seconds = 0;        // 0: until interrupted
};

// Returns the process exit code; prints progress to stdout and errors to stderr.
int RunDemoReplay(const ReplayOptions& options);

}  // namespace jw::checkpoint
