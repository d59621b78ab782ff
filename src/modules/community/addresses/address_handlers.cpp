#include "community/addresses/address_handlers.hpp"

namespace jw::community {
namespace {

using http::Reply;
using http::Request;

// POST /api/v1/community/addresses/match: {"input": "…"} → one result; {"inputs": ["…", …]} (≤ 1000) →
// {"items": [result, …]}. Errors: body (malformed_json | not_an_object), input / inputs (required, too_long, …),
// unknown_field; 503 while the index is not built.
Result<Reply> MatchHandler(AddressIndex& index, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"input", "inputs"});
    const bool many = in.Has("inputs");
    std::vector<std::string> inputs;
    if (many) {
        auto list = in.TextList("inputs", true, 1000, 200);
        if (list) inputs = std::move(*list);
    } else {
        auto one = in.Text("input", true, 200);
        if (one) inputs.push_back(std::move(*one));
    }
    JW_RETURN_IF_ERROR(in.status());
    auto matcher = index.Get();
    if (!matcher) return Status(ErrorCode::kUnavailable, "address index not built yet");
    Json items = Json::array();
    int matched = 0;
    for (const auto& text : inputs) {
        const MatchResult r = matcher->Match(text);
        matched += r.matched;
        items.push_back(MatchJson(*matcher, r));
    }
    Reply reply = Reply::Json200(many ? Json{{"items", items}} : items[0]);
    reply.audit_object = "addresses";
    reply.audit_detail = std::to_string(inputs.size()) + " matched " + std::to_string(matched);
    return reply;
}

}  // namespace

void RegisterAddressRoutes(http::Router& router, AddressIndex& index) {
    AddressIndex* ix = &index;
    router.Add({"POST", "/api/v1/community/addresses/match", "community.address.match", "community.address_match",
                [ix](Request& req) { return MatchHandler(*ix, req); }});
}

}  // namespace jw::community
