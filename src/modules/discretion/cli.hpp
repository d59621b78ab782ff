#pragma once
// `jingwu discretion decide`: reads one decision request JSON on stdin, prints the decision JSON on stdout and
// exits 0; on invalid input prints {"code","message","fields"} and exits 2. The exit is thrown as CLI::RuntimeError
// so the app's CLI11 handling returns the code.

#include <CLI/CLI.hpp>

void AddDiscretionCommands(CLI::App& app);
