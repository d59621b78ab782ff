#pragma once
// `jingwu dispatch webhook-key`: prints the key shared with the county's 12345 platform (hex, one line), with which
// both sides sign the webhook's messages (HMAC-SM3 of the raw body, header X-Jingwu-Signature; dispatch_keys.hpp).
// It is derived from the key file, so it changes only when the key file does; hand it to the platform's operator
// out of band. Exit 0. Options are declared while the command line is parsed; the command runs once the platform
// is open.

#include <CLI/CLI.hpp>
#include <string>

namespace jw::dispatch {

struct CliOptions {
    CLI::App* command = nullptr;
    CLI::App* webhook_key = nullptr;
};

void AddDispatchCommands(CLI::App& app, CliOptions& options);
// `key` is the master key (Platform::key).
int RunDispatchCommand(const CliOptions& options, const std::string& key);

}  // namespace jw::dispatch
