// `jingwu dispatch …` (cli.hpp).
#include "dispatch/cli.hpp"

#include <iostream>

#include "common/crypto.hpp"
#include "dispatch/dispatch_keys.hpp"

namespace jw::dispatch {

void AddDispatchCommands(CLI::App& app, CliOptions& options) {
    options.command = app.add_subcommand("dispatch", "110 dispatch tools");
    options.command->require_subcommand(1);
    options.webhook_key =
        options.command->add_subcommand("webhook-key", "print the key shared with the 12345 platform (hex)");
}

int RunDispatchCommand(const CliOptions& options, const std::string& key) {
    if (options.webhook_key->parsed()) {
        std::cout << ToHex(WebhookKey(key)) << "\n";
        return 0;
    }
    return 2;
}

}  // namespace jw::dispatch
