#include "community/cli.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "common/civil_time.hpp"
#include "common/json_util.hpp"
#include "community/addresses/address_csv.hpp"
#include "community/addresses/address_index.hpp"
#include "community/addresses/address_repository.hpp"
#include "community/grids/grid_service.hpp"
#include "community/houses/places_cli.hpp"
#include "community/people/people_csv.hpp"

namespace jw::community {
namespace {

int Fail(const Status& s) {
    Json fields = Json::object();
    for (const auto& [k, v] : s.fields()) fields[k] = v;
    std::cout << Json{{"code", ErrorCodeName(s.code())}, {"message", s.message()}, {"fields", fields}}.dump() << "\n";
    return s.code() == ErrorCode::kInvalidArgument ? 2 : 1;
}

// The result with its fields in the documented order (input first), for people reading the lines.
nlohmann::ordered_json InFieldOrder(const Json& j) {
    nlohmann::ordered_json o;
    for (const char* k : {"input", "address_id", "full_name", "score"}) o[k] = j[k];
    o["candidates"] = nlohmann::ordered_json::array();
    for (const auto& c : j["candidates"])
        o["candidates"].push_back(
            {{"address_id", c["address_id"]}, {"full_name", c["full_name"]}, {"score", c["score"]}});
    return o;
}

Status CheckKind(const std::string& kind) {
    if (kind == "addresses" || kind == "people" || kind == "houses" || kind == "units") return Status::Ok();
    return Status(ErrorCode::kInvalidArgument, "kind must be addresses, people, houses or units",
                  {{"kind", "unknown"}});
}

using EntryFn = std::function<audit::AuditEntry(const std::string&, const std::string&)>;

int ImportPeople(const CliOptions& o, const std::string& text, storage::Database& db, audit::AuditLog& audit,
                 const EntryFn& entry) {
    auth::Principal actor;
    if (!o.officer.empty()) {
        auto c = db.Acquire();
        if (!c.ok()) return Fail(c.status());
        auto u = (*c)->Query("SELECT id, unit_id FROM users WHERE username = ?", {storage::V(o.officer)});
        if (!u.ok()) return Fail(u.status());
        if (u->empty()) return Fail(Status::Invalid("officer", "unknown_user"));
        actor.user_id = (*u)[0].Int(0);
        actor.unit_id = (*u)[0].Int(1);
    }
    PeopleImportReport report;
    audit::AuditEntry e = entry("community.import", "people");
    const int64_t now = NowUnix();
    Status s = audit.Run(e, [&](storage::Connection& c, audit::AuditEntry& ae) -> Status {
        JW_ASSIGN_OR_RETURN(report, ImportPeopleCsv(c, text, actor, now));
        ae.detail = std::to_string(report.rows) + " rows from " + o.file + ", " + std::to_string(report.created) +
                    " new, " + std::to_string(report.errors.size()) + " errors";
        // Errors: nothing is written (the transaction rolls back with the refusal recorded).
        if (!report.errors.empty()) return Status::Invalid("file", "errors_by_line");
        return Status::Ok();
    });
    if (!report.errors.empty()) {
        Json out = ReportJson(report);
        std::cout << Json{{"code", "invalid_argument"},
                          {"message", "the file has errors; nothing was imported"},
                          {"fields", {{"file", "errors_by_line"}}},
                          {"errors", out["errors"]}}
                         .dump()
                  << "\n";
        return 2;
    }
    if (!s.ok()) return Fail(s);
    std::cout << ReportJson(report).dump() << "\n";
    return 0;
}

int ExportPeople(const CliOptions& o, storage::Database& db, audit::AuditLog& audit, const EntryFn& entry) {
    auto c = db.Acquire();
    if (!c.ok()) return Fail(c.status());
    audit::AuditEntry e = entry("community.export", "people");
    e.detail = o.unmasked ? "unmasked" : "masked";
    if (Status s = audit.Run(e); !s.ok()) return Fail(s);
    Status s = ExportPeopleCsv(**c, !o.unmasked, false, [](const std::string& chunk) { std::cout << chunk; });
    if (!s.ok()) return Fail(s);
    return 0;
}

}  // namespace

void AddCommunityCommands(CLI::App& app, CliOptions& o) {
    o.command = app.add_subcommand("community", "people, places and grids (一标三实)");
    o.command->require_subcommand(1);
    o.import = o.command->add_subcommand("import", "import a CSV file of one kind");
    o.import->add_option("--kind", o.kind, "addresses | people | houses | units")->required();
    o.import->add_option("file", o.file, "CSV file with a header row")->required();
    o.import->add_option("--officer", o.officer, "people: username of the officer who collected them");
    o.export_ = o.command->add_subcommand("export", "write one kind as CSV on stdout");
    o.export_->add_option("--kind", o.kind, "addresses | people | houses | units")->required();
    o.export_->add_flag("--unmasked", o.unmasked, "people: clear values instead of the masked ones (audited)");
    o.match = o.command->add_subcommand("match-address",
                                        "match free-text addresses (one per line on stdin) to standard addresses");
}

int RunCommunityCommand(const CliOptions& o, storage::Database& db, audit::AuditLog& audit,
                        const std::function<audit::AuditEntry(const std::string&, const std::string&)>& entry) {
    if (o.import->parsed()) {
        if (Status s = CheckKind(o.kind); !s.ok()) return Fail(s);
        std::ifstream in(o.file, std::ios::binary);
        if (!in) return Fail(Status::Invalid("file", "cannot be read"));
        std::stringstream text;
        text << in.rdbuf();
        if (o.kind == "people") return ImportPeople(o, text.str(), db, audit, entry);
        if (o.kind == "houses" || o.kind == "units") {  // houses part (places_cli.hpp)
            auto n = ImportPlaces(o.kind, text.str(), o.file, audit, entry);
            if (!n.ok()) return Fail(n.status());
            std::cout << Json{{"kind", o.kind}, {"imported", *n}}.dump() << "\n";
            return 0;
        }
        auto rows = ParseAddressesCsv(text.str());
        if (!rows.ok()) return Fail(rows.status());
        audit::AuditEntry e = entry("community.import", "addresses");
        e.detail = std::to_string(rows->size()) + " rows from " + o.file;
        const int64_t now = NowUnix();
        Status s = audit.Run(e, [&rows, now](storage::Connection& c, audit::AuditEntry&) -> Status {
            for (const Address& a : *rows) JW_RETURN_IF_ERROR(UpsertAddress(c, a, now));
            return RegridAddresses(c).status();  // the drawn grids are the authority on grid_id
        });
        if (!s.ok()) return Fail(s);
        std::cout << Json{{"kind", o.kind}, {"imported", rows->size()}}.dump() << "\n";
        return 0;
    }
    if (o.export_->parsed()) {
        if (Status s = CheckKind(o.kind); !s.ok()) return Fail(s);
        if (o.kind == "people") return ExportPeople(o, db, audit, entry);
        if (o.kind == "houses" || o.kind == "units") {  // houses part (places_cli.hpp)
            Status s = ExportPlaces(o.kind, db, audit, entry, std::cout);
            return s.ok() ? 0 : Fail(s);
        }
        auto c = db.Acquire();
        if (!c.ok()) return Fail(c.status());
        auto rows = LoadAddresses(**c);
        if (!rows.ok()) return Fail(rows.status());
        audit::AuditEntry e = entry("community.export", "addresses");
        e.detail = std::to_string(rows->size()) + " rows";
        if (Status s = audit.Run(e); !s.ok()) return Fail(s);
        std::cout << AddressesToCsv(*rows);
        return 0;
    }
    AddressIndex index;
    if (Status s = index.Refresh(db); !s.ok()) return Fail(s);
    auto matcher = index.Get();
    std::string line;
    int64_t n = 0;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::cout << InFieldOrder(MatchJson(*matcher, matcher->Match(line)))
                         .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                  << "\n";
        ++n;
    }
    audit::AuditEntry e = entry("community.match_address", "addresses");
    e.detail = std::to_string(n) + " lines";
    if (Status s = audit.Run(e); !s.ok()) return Fail(s);
    return 0;
}

}  // namespace jw::community
