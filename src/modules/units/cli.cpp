#include "units/cli.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/json_util.hpp"
#include "common/messages.hpp"
#include "units/restructure_service.hpp"

namespace jw::units {
namespace {

constexpr size_t kMaxPlanBytes = 1 << 20;

int Print(const Status& s) {
    Json fields = Json::object();
    for (const auto& [k, v] : s.fields()) fields[k] = v;
    // The words come from the message catalogue (ADR 0027), as in every error reply; the fields stay codes.
    std::cout << Json{{"code", ErrorCodeName(s.code())}, {"message", ErrorMessage(s, kDefaultLang)}, {"fields", fields}}
                     .dump(2)
              << "\n";
    return s.code() == ErrorCode::kInvalidArgument ? 2 : 1;
}

Result<std::string> ReadPlanFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::Invalid("plan", "not_readable");
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > kMaxPlanBytes) return Status::Invalid("plan", "too_large");
    return text.str();
}

}  // namespace

int RunRestructureCommand(storage::Database& db, audit::AuditLog& audit, audit::AuditEntry entry,
                          const Participants& participants, const CliOptions& o) {
    const Actor actor{0, entry.username};
    Json out;
    if (o.undo_id) {
        if (o.reason.empty()) return Print(Status::Invalid("reason", "required"));
        entry.action = "unit.restructure_undo";
        entry.object = "unit_restructure:" + std::to_string(o.undo_id);
        Status s = audit.Run(entry, [&](storage::Connection& tx, audit::AuditEntry& e) -> Status {
            JW_ASSIGN_OR_RETURN(out, Undo(tx, participants, o.undo_id, actor, o.reason, NowUnix()));
            e.detail = Json{{"reason", o.reason}}.dump();
            return Status::Ok();
        });
        if (!s.ok()) return Print(s);
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    if (o.plan_file.empty()) return Print(Status::Invalid("plan", "required"));
    auto text = ReadPlanFile(o.plan_file);
    if (!text.ok()) return Print(text.status());
    auto plan = ParsePlanText(*text, FormatChinaDate(NowUnix()));
    if (!plan.ok()) return Print(plan.status());
    if (o.dry_run) {
        auto c = db.Acquire();
        if (!c.ok()) return Print(c.status());
        auto summary = DryRun(**c, participants, *plan, NowUnix());
        if (!summary.ok()) return Print(summary.status());
        std::cout << summary->dump(2) << "\n";
        return 0;
    }
    entry.action = "unit.restructure";
    entry.object = "units";
    Status s = audit.Run(entry, [&](storage::Connection& tx, audit::AuditEntry& e) -> Status {
        JW_ASSIGN_OR_RETURN(out, Apply(tx, participants, *plan, actor, NowUnix()));
        e.object = "unit_restructure:" + std::to_string(out["id"].get<int64_t>());
        e.detail =
            Json{{"title", plan->title}, {"effective_date", plan->effective_date}, {"total_moved", out["total_moved"]}}
                .dump();
        return Status::Ok();
    });
    if (!s.ok()) return Print(s);
    std::cout << out.dump(2) << "\n";
    return 0;
}

}  // namespace jw::units
