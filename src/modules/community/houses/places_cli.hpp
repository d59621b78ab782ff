#pragma once
// `jingwu community import|export --kind houses|units` (cli.cpp hands these kinds over here). Import: the whole
// file in one audited transaction (all or nothing; a rule broken on a row is reported with its line); rows are
// created or replaced (houses by address, units by credit code), owned by the bureau's unit (the command has no
// officer) with created_by 0. Export: CSV on stdout (places_csv.hpp), audited.
// Errors: InvalidArgument (the file or a row, naming the column), the database's.

#include <functional>
#include <iosfwd>
#include <string>

#include "audit/audit_log.hpp"
#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::community {

using CliEntry = std::function<audit::AuditEntry(const std::string&, const std::string&)>;

// The count of rows imported.
Result<size_t> ImportPlaces(const std::string& kind, const std::string& text, const std::string& file,
                            audit::AuditLog& audit, const CliEntry& entry);
Status ExportPlaces(const std::string& kind, storage::Database& db, audit::AuditLog& audit, const CliEntry& entry,
                    std::ostream& out);

}  // namespace jw::community
