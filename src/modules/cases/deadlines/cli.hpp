#pragma once
// `jingwu deadlines compute`: reads one compute request (deadlines_json.hpp) on stdin, computes with the embedded
// rule set and the shipped holiday calendar (no database, no configuration), and prints the response JSON on
// stdout. Today is the China date unless the request says "now".
// Exit 0: the response on stdout. Exit 2: invalid input; {"code": "invalid_argument", "message", "fields":
// {name: problem}} on stdout (the same body as the HTTP API's 400, without request_id), nothing else; a body
// that is not JSON names "body". Exit 1: any other failure (stdin unreadable, internal error), the same error
// JSON on stdout. Nothing is written to stderr except by CLI11 itself (usage errors, exit 106/109…).
// The exit is thrown as CLI::RuntimeError so that the app's CLI11 handling returns the code.

#include <iosfwd>

namespace CLI {
class App;
}

namespace jw::cases::deadlines {

void AddDeadlinesCommands(CLI::App& app);

// The command body, callable from tests.
int RunComputeCommand(std::istream& in, std::ostream& out);

}  // namespace jw::cases::deadlines
