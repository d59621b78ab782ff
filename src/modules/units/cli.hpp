#pragma once
// `jingwu unit restructure --plan FILE.json [--dry-run]` and `jingwu unit restructure --undo ID --reason TEXT`
// (docs/api/units-restructure.md § Command line). Prints one JSON document on stdout: the Summary (dry run),
// the Restructure (applied or undone), or {code, message, fields} on failure. Returns the exit code: 0 done,
// 2 bad plan, file or arguments (nothing written), 1 any other failure.

#include <cstdint>
#include <string>

#include "audit/audit_log.hpp"
#include "storage/database.hpp"
#include "units/participant.hpp"

namespace jw::units {

struct CliOptions {
    std::string plan_file;
    bool dry_run = false;
    int64_t undo_id = 0;
    std::string reason;
};

// `entry` is the audit entry of a command-line action (its action and object are filled in here).
int RunRestructureCommand(storage::Database& db, audit::AuditLog& audit, audit::AuditEntry entry,
                          const Participants& participants, const CliOptions& options);

}  // namespace jw::units
