#pragma once
// `jingwu property verify [--item ID]`: checks the custody chains (custody_chain.hpp VerifyChains) with the key
// derived from the key file. Prints one line and exits 0 when every chain is intact ("property chains intact: N
// items, M events"); exits 1 naming the first broken link ("property chain BROKEN at item ID (code CODE) event SEQ:
// PROBLEM"); 2 with {"code","message","fields"} for an unknown item. Options are declared while the command line
// is parsed; the command runs once the platform is open.

#include <CLI/CLI.hpp>
#include <string>

#include "storage/database.hpp"

namespace jw::property {

struct CliOptions {
    CLI::App* command = nullptr;
    CLI::App* verify = nullptr;
    int64_t item_id = 0;
};

void AddPropertyCommands(CLI::App& app, CliOptions& options);
// `key` is the master key (Platform::key).
int RunPropertyCommand(const CliOptions& options, storage::Database& db, const std::string& key);

}  // namespace jw::property
