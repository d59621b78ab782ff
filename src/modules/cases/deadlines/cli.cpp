#include "cases/deadlines/cli.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

#include "cases/deadlines/deadlines_json.hpp"
#include "common/civil_time.hpp"
#include "common/messages.hpp"

namespace jw::cases::deadlines {
namespace {

// The HTTP error body without request_id (a command has none): the same code names, field problems and words
// (the message catalogue's, in zh-CN as for a request that names no language).
Json ErrorJson(const Status& s) {
    Json fields = Json::object();
    for (const auto& [k, v] : s.fields()) fields[k] = v;
    return {{"code", ErrorCodeName(s.code())}, {"message", ErrorMessage(s, kDefaultLang)}, {"fields", fields}};
}

}  // namespace

int RunComputeCommand(std::string_view body, std::ostream& out) {
    auto result = ComputeJsonBody(body, FormatDate(TodayInChina()));
    if (!result.ok()) {
        out << ErrorJson(result.status()).dump(2) << "\n";
        return result.status().code() == ErrorCode::kInvalidArgument ? 2 : 1;
    }
    out << result->dump(2) << "\n";
    return 0;
}

int RunComputeCommand(std::ostream& out) {
    // stdio rather than std::cin: a read error (stdin a directory, a dead pipe) must be told from an empty or
    // truncated request, which is invalid input (exit 2); ferror says so, an istream does not.
    std::string body;
    char buf[65536];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, stdin)) > 0;) body.append(buf, n);
    if (std::ferror(stdin)) {
        out << ErrorJson(Status(ErrorCode::kUnavailable, "cannot read the request from stdin")).dump(2) << "\n";
        return 1;
    }
    return RunComputeCommand(body, out);
}

void AddDeadlinesCommands(CLI::App& app) {
    auto* deadlines = app.add_subcommand("deadlines", "statutory deadlines (办案期限)");
    deadlines->require_subcommand(1);
    auto* compute = deadlines->add_subcommand(
        "compute",
        "read a compute request JSON on stdin ({case_type, law, events, now, holidays, workdays}), print the "
        "clocks JSON on stdout. Exit 0 ok; 2 invalid input, {code, message, fields} on stdout naming each field "
        "(\"body\" for text that is not JSON); 1 other failure. Contract: docs/http_api.md \"Deadlines\"");
    compute->callback([] {
        const int code = RunComputeCommand(std::cout);
        if (code != 0) throw CLI::RuntimeError(code);
    });
}

}  // namespace jw::cases::deadlines
