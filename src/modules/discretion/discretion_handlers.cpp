#include "discretion/decision_json.hpp"
#include "discretion/discretion_module.hpp"

namespace jw::discretion {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

Result<http::Reply> DecideHandler(http::Request& req) {
    JW_ASSIGN_OR_RETURN(Json decision, DecideJson(req.body));
    http::Reply r = http::Reply::Json200(std::move(decision));
    r.audit_object = "discretion:decide";
    return r;
}

}  // namespace

void RegisterRoutes(jw::http::Router& router) {
    router.Add({"POST", "/api/v1/discretion/decide", "discretion.decide", "discretion.decide", DecideHandler});
}

std::string_view PermissionsCsv() {
    for (const auto& [name, content] : data::EmbeddedFiles()) {
        if (name == "permissions.csv") return content;
    }
    return {};
}

}  // namespace jw::discretion
