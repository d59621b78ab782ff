#include "community/transfer_handlers.hpp"

#include <algorithm>
#include <cctype>
#include <memory>

#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "community/addresses/address_csv.hpp"
#include "community/addresses/address_repository.hpp"
#include "community/grids/grid_service.hpp"
#include "community/houses/houses_repository.hpp"
#include "community/houses/place_json.hpp"
#include "community/houses/places_csv.hpp"
#include "community/orgs/orgs_repository.hpp"

namespace jw::community {
namespace {

using http::Reply;
using http::Request;

// The CSV layer says where in its message ("line L, column C" or "line L: …"); the admin page shows the line
// in its own column, so it travels as fields.line beside the column's problem.
Status WithLine(Status s) {
    if (s.code() != ErrorCode::kInvalidArgument) return s;
    const std::string& m = s.message();
    const size_t at = m.find("line ");
    if (at == std::string::npos) return s;
    size_t end = at + 5;
    while (end < m.size() && std::isdigit(static_cast<unsigned char>(m[end]))) ++end;
    if (end > at + 5) s.mutable_fields()["line"] = m.substr(at + 5, end - at - 5);
    return s;
}

bool InScope(const UnitScope& scope, int64_t unit) {
    return !scope || std::find(scope->begin(), scope->end(), unit) != scope->end();
}

Reply CsvReply(std::string csv, const std::string& name, size_t rows) {
    Reply r;
    r.raw = "\xEF\xBB\xBF" + std::move(csv);
    r.content_type = "text/csv; charset=utf-8";
    r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + name + ".csv\""});
    r.audit_object = name;
    r.audit_detail = std::to_string(rows) + " rows";
    return r;
}

// The import's reply: the rows are written in the audited transaction; a rule broken on a row rolls all back.
template <typename Fn>
Reply ImportReply(const std::string& kind, size_t rows, Fn write) {
    Reply r;
    r.audit_object = kind;
    r.audit_detail = std::to_string(rows) + " rows";
    r.write = [kind, rows, write](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        if (Status s = write(c); !s.ok()) return WithLine(s);
        out.body = {{"kind", kind}, {"rows", rows}, {"imported", rows}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> ImportAddresses(storage::Database&, Request& req) {
    if (req.body.empty()) return Status::Invalid("file", "required");
    auto rows = ParseAddressesCsv(req.body);
    if (!rows.ok()) return WithLine(rows.status());
    auto list = std::make_shared<std::vector<Address>>(std::move(*rows));
    return ImportReply("addresses", list->size(), [list](storage::Connection& c) -> Status {
        const int64_t now = NowUnix();
        for (const Address& a : *list) JW_RETURN_IF_ERROR(UpsertAddress(c, a, now));
        return RegridAddresses(c).status();  // the drawn grids are the authority on grid_id
    });
}

Result<Reply> ExportAddresses(storage::Database& db, Request&) {
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto rows, LoadAddresses(**c));
    return CsvReply(AddressesToCsv(rows), "addresses", rows.size());
}

template <typename Row, typename Fn>
Status ImportRows(storage::Connection& c, const std::vector<CsvRow<Row>>& rows, const PlaceActor& by, Fn fn) {
    const int64_t now = NowUnix();
    for (const auto& r : rows) {
        auto made = fn(c, r.value, by, now);
        if (!made.ok()) return AtLine(made.status(), r.line);
    }
    return Status::Ok();
}

Result<Reply> ImportHouses(storage::Database&, Request& req) {
    if (req.body.empty()) return Status::Invalid("file", "required");
    auto rows = ParseHousesCsv(req.body);
    if (!rows.ok()) return WithLine(rows.status());
    auto list = std::make_shared<std::vector<CsvRow<HouseInput>>>(std::move(*rows));
    const PlaceActor by = ActorOf(req);
    return ImportReply("houses", list->size(),
                       [list, by](storage::Connection& c) { return ImportRows(c, *list, by, ImportHouse); });
}

Result<Reply> ExportHouses(storage::Database& db, Request& req) {
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto all, AllHouses(**c));
    const UnitScope scope = ScopeOf(req);
    std::vector<House> mine;
    for (auto& h : all)
        if (InScope(scope, h.unit_id)) mine.push_back(std::move(h));
    return CsvReply(HousesToCsv(mine), "houses", mine.size());
}

Result<Reply> ImportOrgs(storage::Database&, Request& req) {
    if (req.body.empty()) return Status::Invalid("file", "required");
    auto rows = ParseOrgsCsv(req.body);
    if (!rows.ok()) return WithLine(rows.status());
    auto list = std::make_shared<std::vector<CsvRow<OrgInput>>>(std::move(*rows));
    const PlaceActor by = ActorOf(req);
    return ImportReply("units", list->size(),
                       [list, by](storage::Connection& c) { return ImportRows(c, *list, by, ImportOrg); });
}

Result<Reply> ExportOrgs(storage::Database& db, Request& req) {
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto all, AllOrgs(**c));
    const UnitScope scope = ScopeOf(req);
    std::vector<Org> mine;
    for (auto& o : all) {
        if (!InScope(scope, o.unit_id)) continue;
        o.phone = MaskPhone(o.phone);  // masked as the list is; the clear phone only on the unit's page
        mine.push_back(std::move(o));
    }
    return CsvReply(OrgsToCsv(mine), "units", mine.size());
}

}  // namespace

void RegisterTransferRoutes(http::Router& router, storage::Database& db) {
    storage::Database* d = &db;
    auto bind = [d](Result<Reply> (*fn)(storage::Database&, Request&)) {
        return [d, fn](Request& req) { return fn(*d, req); };
    };
    const std::string base = "/api/v1/community/";
    router.Add({"POST", base + "addresses/import", "community.address.write", "community.address.import",
                bind(ImportAddresses)});
    router.Add({"GET", base + "addresses/export", "community.address.read", "community.address.export",
                bind(ExportAddresses)});
    router.Add({"POST", base + "houses/import", "community.house.write", "community.house.import", bind(ImportHouses)});
    router.Add({"GET", base + "houses/export", "community.house.read", "community.house.export", bind(ExportHouses)});
    router.Add({"POST", base + "orgs/import", "community.org.write", "community.org.import", bind(ImportOrgs)});
    router.Add({"GET", base + "orgs/export", "community.org.read", "community.org.export", bind(ExportOrgs)});
}

}  // namespace jw::community
