#include "cases/deadline_handlers.hpp"

#include "cases/deadlines/deadlines_json.hpp"
#include "common/civil_time.hpp"

namespace jw::cases {
namespace {

// Thin: the body goes to the same function as the command; today is the China date unless the request says
// "now". An invalid request is a 400 naming each field (the dispatcher renders the Status).
Result<http::Reply> ComputeHandler(http::Request& req) {
    JW_ASSIGN_OR_RETURN(Json clocks, deadlines::ComputeJsonBody(req.body, FormatDate(TodayInChina())));
    http::Reply r = http::Reply::Json200(std::move(clocks));
    r.audit_object = "deadlines:compute";
    return r;
}

}  // namespace

void RegisterDeadlineRoutes(http::Router& router) {
    router.Add({"POST", "/api/v1/deadlines/compute", "case.read", "deadlines.compute",
                [](http::Request& r) { return ComputeHandler(r); }});
}

}  // namespace jw::cases
