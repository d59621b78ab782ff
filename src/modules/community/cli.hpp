#pragma once
// `jingwu community …` (ADR 0031). Options are declared while the command line is parsed; the commands run after
// the platform is open (they need the database and the audit log):
//   import --kind addresses FILE.csv  — all or nothing, one audited transaction; prints {"kind","imported"}
//   export --kind addresses           — the CSV (address_csv.hpp) on stdout
//   import --kind people FILE.csv [--officer USERNAME] — people_csv.hpp; all or nothing, errors by line (exit 2,
//                                       {"code","message","fields","errors":[{line,field,problem}]}); prints the report
//   export --kind people [--unmasked] — masked like the web's list by default; --unmasked prints the clear values
//                                       (an operator on the server, who holds the key file anyway; audited as such;
//                                       never the sealed form). ADR 0032.
//   match-address                     — one address per line on stdin → one JSON per line on stdout (MatchJson)
// Exit 0 on success; exit 2 with {"code","message","fields"} on stdout on bad input (kind people/houses/units:
// fields.kind = "not_yet" for houses/units; an unknown kind: "unknown"; a CSV error: the column, with its line); 1 on
// other errors.

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "audit/audit_log.hpp"
#include "storage/database.hpp"

namespace jw::community {

struct CliOptions {
    CLI::App* command = nullptr;
    CLI::App *import = nullptr, *export_ = nullptr, *match = nullptr;
    std::string kind, file;
    std::string officer;    // people import: the collecting officer (username); none = collected_by 0
    bool unmasked = false;  // people export
};

void AddCommunityCommands(CLI::App& app, CliOptions& options);

// `entry` makes the audit entry of a command-line action (Platform::CliEntry).
int RunCommunityCommand(const CliOptions& options, storage::Database& db, audit::AuditLog& audit,
                        const std::function<audit::AuditEntry(const std::string&, const std::string&)>& entry);

}  // namespace jw::community
