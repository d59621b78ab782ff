#pragma once
// `jingwu deadlines compute`: reads one compute request (deadlines_json.hpp) on stdin, computes with the embedded
// rule set and the shipped holiday calendar (no database, no configuration), and prints the response JSON on
// stdout. Today is the China date unless the request says "now".
// Exit 0: the response on stdout. Exit 2: invalid input; {"code": "invalid_argument", "message", "fields":
// {name: problem}} on stdout (the same body as the HTTP API's 400, without request_id), nothing else; a body
// that is not JSON (or empty) names "body". Exit 1: any other failure (stdin unreadable: code "unavailable";
// an internal error), the same error JSON shape on stdout. Nothing goes to stderr but CLI11's own usage errors
// (unknown options; CLI11 exit codes, 100 and above).
// The exit is thrown as CLI::RuntimeError so that the app's CLI11 handling returns the code.

#include <iosfwd>
#include <string_view>

namespace CLI {
class App;
}

namespace jw::cases::deadlines {

void AddDeadlinesCommands(CLI::App& app);

// The command body on a request already read, callable from tests; returns the exit code.
int RunComputeCommand(std::string_view body, std::ostream& out);
// Reads stdin to the end (exit 1 on a read error), then as above.
int RunComputeCommand(std::ostream& out);

}  // namespace jw::cases::deadlines
