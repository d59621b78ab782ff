// POST /api/v1/courier/bulk: records from a company's own system (issue 17). Signed per bulk_signature.hpp;
// body {"records":[{outlet_code, waybill_no, …record fields…}]} (1–1,000). Answer: GA/T 1400's
// ResponseStatusListObject, one ResponseStatusObject per record in order (Id = waybill number; StatusCode 0 for
// accepted and for duplicates, which change nothing — the API is idempotent by company + waybill; 4 with the
// reason for a refused prohibited item; 8 with "field: problem" for a record that fails validation). A record held
// for the police reads as accepted: the company's system learns nothing of watch lists.
#include <map>
#include <memory>

#include "checkpoint/viid/viid_codec.hpp"
#include "common/civil_time.hpp"
#include "courier/bulk/bulk_signature.hpp"
#include "courier/courier_handlers.hpp"
#include "courier/records/record_json.hpp"
#include "courier/records/record_service.hpp"
#include "courier/registry/registry_repository.hpp"

namespace jw::courier {
namespace {
using checkpoint::viid::Code;
using http::Reply;
using http::Request;

constexpr size_t kMaxRecords = 1000;
constexpr const char* kPath = "/api/v1/courier/bulk";

std::string Header(const Request& req, const char* name) {
    auto it = req.headers.find(name);
    return it == req.headers.end() ? "" : it->second;
}

Status Unauthenticated(const std::string& why) { return Status(ErrorCode::kUnauthenticated, "bulk API: " + why); }

Result<Reply> Bulk(const Deps& d, Request& req) {
    const int64_t now = NowUnix();
    const std::string code = Header(req, "x-courier-company"), ts = Header(req, "x-timestamp"),
                      nonce = Header(req, "x-nonce"), sig = Header(req, "x-signature");
    if (code.empty() || sig.empty()) return Unauthenticated("signature headers missing");
    JW_RETURN_IF_ERROR(CheckFreshness(ts, nonce, now));
    Company company;
    std::string key;
    {
        JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
        auto co = LoadCompanyByCode(*c, code);
        if (!co.ok()) return Unauthenticated("bad signature");  // unknown company: the same answer
        company = *co;
        JW_ASSIGN_OR_RETURN(key, CompanyApiSecret(*c, company.id));
    }
    if (!VerifySignature(key, SignatureBase("POST", kPath, ts, nonce, req.body), sig))
        return Unauthenticated("bad signature");
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    if (!body.contains("records") || !body["records"].is_array()) return Status::Invalid("records", "required");
    if (body["records"].empty() || body["records"].size() > kMaxRecords)
        return Status::Invalid("records", "out_of_range");
    // Parsed, validated and sealed here, before the write transaction; the writer only looks up and stores
    // (ADR 0062: a post of 1,000 records is a handful of statements).
    std::map<std::string, Outlet> outlets;
    {
        JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
        JW_ASSIGN_OR_RETURN(auto list, ListOutlets(*c, company.id));
        for (auto& o : list) outlets.emplace(o.code, std::move(o));
    }
    struct Post {
        std::vector<std::string> waybill, error;  // per record; error "" for the valid ones
        std::vector<size_t> batch_of;             // record → its index in `batch`
        std::map<std::string, Outlet> outlets;
        std::vector<BatchItem> batch;
    };
    auto post = std::make_shared<Post>();
    post->outlets = std::move(outlets);
    for (const auto& j : body["records"]) {
        std::string waybill, outlet_code;
        if (j.is_object() && j.contains("waybill_no") && j["waybill_no"].is_string())
            waybill = j["waybill_no"].get<std::string>();
        if (j.is_object() && j.contains("outlet_code") && j["outlet_code"].is_string())
            outlet_code = j["outlet_code"].get<std::string>();
        auto in = RecordFromJson(j);
        Status s = in.ok() ? ValidateRecord(*in, Channel::kBulk, now) : in.status();
        if (s.ok() && outlet_code.empty()) s = Status::Invalid("outlet_code", "required");
        std::string error;
        if (!s.ok()) {
            const auto& f = s.fields();
            error = f.empty() ? s.message() : f.begin()->first + ": " + f.begin()->second;
        } else if (auto o = post->outlets.find(outlet_code); o == post->outlets.end()) {
            error = "outlet_code: not_found";
        } else {
            BatchItem item;
            item.outlet = &o->second;
            item.sealed = SealFields(*in);
            item.in = std::move(*in);
            post->batch.push_back(std::move(item));
        }
        post->batch_of.push_back(error.empty() ? post->batch.size() - 1 : 0);
        post->waybill.push_back(std::move(waybill));
        post->error.push_back(std::move(error));
    }
    Reply r;
    r.audit_object = "courier_company:" + std::to_string(company.id);
    r.write = [d, company, nonce, post, now](storage::Connection& c, audit::AuditEntry& e, Reply& reply) -> Status {
        auto remembered = RememberNonce(c, company.id, nonce, now, now - 2 * kSkewSeconds);
        if (remembered.code() == ErrorCode::kConflict) return Unauthenticated("replayed request");
        JW_RETURN_IF_ERROR(remembered);
        JW_ASSIGN_OR_RETURN(auto outcomes, IntakeBatch(c, company.id, post->batch, Channel::kBulk, std::nullopt,
                                                       d.watch, d.may_hit, now));
        Json statuses = Json::array();
        int accepted = 0, refused = 0, invalid = 0, duplicate = 0;
        for (size_t i = 0; i < post->waybill.size(); ++i) {
            auto status = [&](Code code, const std::string& text) {
                statuses.push_back(checkpoint::viid::ResponseStatusInner(kPath, code, text, post->waybill[i], now));
            };
            if (!post->error[i].empty()) {
                ++invalid;
                status(Code::kInvalidJsonContent, post->error[i]);
                continue;
            }
            const IntakeOutcome& out = outcomes[post->batch_of[i]];
            if (out.status == "refused") {
                ++refused;
                status(Code::kInvalidOperation, out.reason);
            } else {
                out.status == "duplicate" ? ++duplicate : ++accepted;
                status(Code::kOk, out.status == "duplicate" ? "duplicate" : "accepted");
            }
        }
        e.detail = std::to_string(accepted) + " accepted, " + std::to_string(duplicate) + " duplicate, " +
                   std::to_string(refused) + " refused, " + std::to_string(invalid) + " invalid";
        reply.body = checkpoint::viid::ResponseStatusList(statuses);
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterBulkRoutes(http::Router& router, const Deps& d) {
    router.Add({"POST", kPath, "public", "courier.bulk", [d](Request& r) { return Bulk(d, r); }});
}

}  // namespace jw::courier
