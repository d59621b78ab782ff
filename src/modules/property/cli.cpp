#include "property/cli.hpp"

#include <iostream>

#include "common/json_util.hpp"
#include "common/messages.hpp"
#include "property/custody_chain.hpp"
#include "property/keys.hpp"

namespace jw::property {

void AddPropertyCommands(CLI::App& app, CliOptions& options) {
    options.command = app.add_subcommand("property", "case-involved property (涉案财物)");
    options.command->require_subcommand(1);
    options.verify = options.command->add_subcommand("verify", "check every item's custody chain (SM3)");
    options.verify->add_option("--item", options.item_id, "check one item only");
}

int RunPropertyCommand(const CliOptions& options, storage::Database& db, const std::string& key) {
    InstallKeys(key);
    auto c = db.Acquire();
    if (!c.ok()) {
        std::cerr << c.status().message() << "\n";
        return 1;
    }
    std::optional<int64_t> item;
    if (options.item_id > 0) {
        auto rows = (*c)->Query("SELECT id FROM property_items WHERE id = ?", {storage::V(options.item_id)});
        if (!rows.ok() || rows->empty()) {
            Status s = Status::NotFound("item");
            std::cout << Json{{"code", "not_found"},
                              {"message", ErrorMessage(s, Lang::kZhCN)},
                              {"fields", {{"item", "not_found"}}}}
                             .dump()
                      << "\n";
            return 2;
        }
        item = options.item_id;
    }
    auto r = VerifyChains(**c, ChainKey(), item);
    if (!r.ok()) {
        std::cerr << r.status().message() << "\n";
        return 1;
    }
    if (r->ok) {
        std::cout << "property chains intact: " << r->items << " items, " << r->events << " events\n";
        return 0;
    }
    std::string code;
    auto rows = (*c)->Query("SELECT code FROM property_items WHERE id = ?", {storage::V(*r->item_id)});
    if (rows.ok() && !rows->empty()) code = (*rows)[0].Str(0);
    std::cout << "property chain BROKEN at item " << *r->item_id << " (code " << code << ") event " << *r->seq << ": "
              << r->problem << "\n";
    return 1;
}

}  // namespace jw::property
