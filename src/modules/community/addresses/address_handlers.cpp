#include "community/addresses/address_handlers.hpp"

#include <charconv>
#include <cmath>

#include "community/addresses/address_near.hpp"
#include "http/params.hpp"

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

// A required decimal query parameter in [min, max]. Errors on `name`: required | invalid_number | out_of_range.
Result<double> QueryCoordinate(const Request& req, const char* name, double min, double max) {
    const std::string text = req.Query(name);
    if (text.empty()) return Status::Invalid(name, http::problem::kRequired);
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
        return Status::Invalid(name, "invalid_number");
    if (v < min || v > max) return Status::Invalid(name, http::problem::kOutOfRange);
    return v;
}

// GET /api/v1/community/addresses/near?lng=&lat=&limit=&radius=: the standard addresses nearest the point
// (address_near.hpp), {items: [{address_id, full_name, level, longitude, latitude, distance_m}]}, nearest first.
// limit 1–20 (5), radius in metres 1–5000 (500). Errors: lng / lat (required, invalid_number, out_of_range),
// limit / radius (invalid_integer, out_of_range); 503 while the index is not built.
Result<Reply> NearHandler(AddressIndex& index, Request& req) {
    JW_ASSIGN_OR_RETURN(double lng, QueryCoordinate(req, "lng", -180, 180));
    JW_ASSIGN_OR_RETURN(double lat, QueryCoordinate(req, "lat", -90, 90));
    JW_ASSIGN_OR_RETURN(int64_t limit, http::QueryInt(req, "limit", 1, 20, 5));
    JW_ASSIGN_OR_RETURN(int64_t radius, http::QueryInt(req, "radius", 1, 5000, 500));
    auto matcher = index.Get();
    if (!matcher) return Status(ErrorCode::kUnavailable, "address index not built yet");
    Json items = Json::array();
    for (const NearAddress& n : NearestAddresses(*matcher, lng, lat, static_cast<size_t>(limit), double(radius))) {
        const Address& a = matcher->addresses()[n.index];
        items.push_back({{"address_id", a.code},
                         {"full_name", a.full_name},
                         {"level", a.level},
                         {"longitude", *a.longitude},
                         {"latitude", *a.latitude},
                         {"distance_m", std::round(n.metres)}});
    }
    Reply reply = Reply::Json200({{"items", items}});
    reply.audit_object = "addresses";
    reply.audit_detail = "near " + std::to_string(items.size());
    return reply;
}

}  // namespace

void RegisterAddressRoutes(http::Router& router, AddressIndex& index) {
    AddressIndex* ix = &index;
    router.Add({"POST", "/api/v1/community/addresses/match", "community.address.match", "community.address_match",
                [ix](Request& req) { return MatchHandler(*ix, req); }});
    router.Add({"GET", "/api/v1/community/addresses/near", "community.address.match", "community.address_near",
                [ix](Request& req) { return NearHandler(*ix, req); }});
}

}  // namespace jw::community
