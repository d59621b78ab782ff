// What the intake desk needs to start registering (ADR 0060): the seizures recorded in cases that have no item yet
// (the same list the entry rate shows the leader, 程序规定第一百八十九条), and a case's seizures found by its case
// number as typed or scanned from the case file. Both read through the actor's scope: an unknown case number and
// another unit's give the same 404.
#include "cases/case_repository.hpp"
#include "cases/case_service.hpp"
#include "common/civil_time.hpp"
#include "property/items/property_handlers.hpp"
#include "property/items/property_service.hpp"

namespace jw::property {

using http::Reply;
using http::Request;

namespace {

constexpr int64_t kPendingWindow = 366 * 86400;  // a seizure older than a year without items is the leader's matter

Result<Reply> PendingHandler(Deps d, Request& req) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    const int64_t now = NowUnix();
    JW_ASSIGN_OR_RETURN(EntryRate rate, ComputeEntryRate(**c, *req.principal, now - kPendingWindow, now + 1));
    Json out = Json::array();
    for (const auto& s : rate.missing)
        out.push_back({{"event_id", s.event_id},
                       {"case_id", s.case_id},
                       {"case_no", s.case_no},
                       {"case_type", s.case_type},
                       {"unit_name", s.unit_name},
                       {"at", FormatUtcIso(s.at)},
                       {"item", s.item}});
    Reply r = Reply::Json200({{"seizures", out}});
    r.audit_object = "property_pending_seizures";
    return r;
}

Result<Reply> ByCaseNumberHandler(Deps d, Request& req) {
    const std::string case_no = req.Query("case_no");
    if (case_no.empty()) return Status::Invalid("case_no", "required");
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    auto found = cases::repo::GetCaseByNumber(**c, case_no);
    if (!found.ok()) return Status::NotFound("case");
    auto k = cases::LoadCase(**c, *req.principal, found->id);
    if (!k.ok()) return Status::NotFound("case");
    JW_ASSIGN_OR_RETURN(auto seizures, repo::ListSeizures(**c, 0, INT64_MAX));
    Json out = Json::array();
    for (const auto& s : seizures)
        if (s.case_id == k->id)
            out.push_back({{"event_id", s.event_id}, {"at", FormatUtcIso(s.at)}, {"item", s.item}, {"items", s.items}});
    const cases::Case& kase = *k;
    Reply r = Reply::Json200(
        Json{{"case_id", kase.id}, {"case_no", kase.case_no}, {"case_type", kase.case_type}, {"seizures", out}});
    r.audit_object = "case:" + std::to_string(k->id) + "/property";
    return r;
}

}  // namespace

void RegisterIntakeRoutes(http::Router& router, Deps d) {
    const std::string p = "/api/v1/property/seizures";
    router.Add({"GET", p + "/pending", "property.intake", "property.pending_seizures",
                [d](Request& r) { return PendingHandler(d, r); }});
    router.Add({"GET", p + "/by-case", "property.read", "property.case_seizures",
                [d](Request& r) { return ByCaseNumberHandler(d, r); }});
}

}  // namespace jw::property
