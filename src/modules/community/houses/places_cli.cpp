#include "community/houses/places_cli.hpp"

#include <ostream>

#include "auth/auth_repository.hpp"
#include "common/civil_time.hpp"
#include "community/houses/houses_repository.hpp"
#include "community/houses/places_csv.hpp"
#include "community/orgs/orgs_repository.hpp"

namespace jw::community {
namespace {

Result<int64_t> BureauUnit(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto units, auth::repo::ListUnits(c));
    for (const auto& u : units)
        if (u.kind == "bureau") return u.id;
    if (!units.empty()) return units.front().id;
    return Status::Invalid("unit", "no unit to own the imported rows (run jingwu init first)");
}

template <typename Row, typename Fn>
Status ImportRows(const std::vector<CsvRow<Row>>& rows, storage::Connection& c, Fn fn) {
    JW_ASSIGN_OR_RETURN(int64_t unit, BureauUnit(c));
    const PlaceActor by{0, unit};
    const int64_t now = NowUnix();
    for (const auto& r : rows) {
        auto made = fn(c, r.value, by, now);
        if (!made.ok()) return AtLine(made.status(), r.line);
    }
    return Status::Ok();
}

}  // namespace

Result<size_t> ImportPlaces(const std::string& kind, const std::string& text, const std::string& file,
                            audit::AuditLog& audit, const CliEntry& entry) {
    audit::AuditEntry e = entry("community.import", kind);
    size_t n = 0;
    Status s;
    if (kind == "houses") {
        JW_ASSIGN_OR_RETURN(auto rows, ParseHousesCsv(text));
        n = rows.size();
        e.detail = std::to_string(n) + " rows from " + file;
        s = audit.Run(e,
                      [&rows](storage::Connection& c, audit::AuditEntry&) { return ImportRows(rows, c, ImportHouse); });
    } else {
        JW_ASSIGN_OR_RETURN(auto rows, ParseOrgsCsv(text));
        n = rows.size();
        e.detail = std::to_string(n) + " rows from " + file;
        s = audit.Run(e,
                      [&rows](storage::Connection& c, audit::AuditEntry&) { return ImportRows(rows, c, ImportOrg); });
    }
    if (!s.ok()) return s;
    return n;
}

Status ExportPlaces(const std::string& kind, storage::Database& db, audit::AuditLog& audit, const CliEntry& entry,
                    std::ostream& out) {
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    std::string text;
    size_t n = 0;
    if (kind == "houses") {
        JW_ASSIGN_OR_RETURN(auto rows, AllHouses(**c));
        n = rows.size();
        text = HousesToCsv(rows);
    } else {
        JW_ASSIGN_OR_RETURN(auto rows, AllOrgs(**c));
        n = rows.size();
        text = OrgsToCsv(rows);
    }
    audit::AuditEntry e = entry("community.export", kind);
    e.detail = std::to_string(n) + " rows";
    JW_RETURN_IF_ERROR(audit.Run(e));
    out << text;
    return Status::Ok();
}

}  // namespace jw::community
