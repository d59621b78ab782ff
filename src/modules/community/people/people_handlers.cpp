#include "community/people/people_handlers.hpp"

#include "common/csv.hpp"
#include "community/people/people_changes.hpp"
#include "community/people/people_csv.hpp"
#include "community/people/people_json.hpp"
#include "community/people/people_queries.hpp"
#include "community/people/people_service.hpp"
#include "http/error_table.hpp"
#include "http/params.hpp"
#include "idempotency/idempotency.hpp"
#include "media/media_store.hpp"

namespace jw::community {
namespace {

using http::Reply;
using http::Request;

struct Deps {
    storage::Database& db;
    AddressIndex& index;
};

// Free text given for the residence instead of a code: the best standard address when the matcher accepts it
// (score ≥ AddressMatcher::kAccept), else a 422 reply naming residence_address_id with the candidates, audited
// as invalid (so it never counts as work done).
std::optional<Reply> MatchResidence(const Deps& d, const Request& req, const std::string& text,
                                    std::optional<std::string>* code) {
    auto matcher = d.index.Get();
    Json candidates = Json::array();
    if (matcher) {
        const MatchResult r = matcher->Match(text);
        if (r.matched) {
            *code = matcher->addresses()[r.best.index].code;
            return std::nullopt;
        }
        candidates = MatchJson(*matcher, r)["candidates"];
    }
    const Status s = Status::Invalid("residence_address_id", "no_match");
    Reply reply;
    reply.status = 422;
    reply.body = http::ErrorBody(s, req.request_id, http::RequestLang(req.headers));
    reply.body["candidates"] = candidates;
    reply.audit_detail = "residence not matched";
    reply.write = [](storage::Connection&, audit::AuditEntry& e, Reply&) -> Status {
        e.result = "invalid";
        return Status::Ok();
    };
    return reply;
}

Result<Reply> CreateHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"id_kind", "id_number", "nationality", "name", "sex", "birth_date", "ethnicity",
                         "hukou_address", "residence_address_id", "residence_address", "category", "phones",
                         "photo_media_id", "permit_no", "permit_expires"});
    std::string residence_text;
    PersonInput p = ReadPersonInput(in, &residence_text);
    JW_RETURN_IF_ERROR(in.status());
    if (!p.residence_address_id && !residence_text.empty())
        if (auto refused = MatchResidence(d, req, residence_text, &p.residence_address_id)) return *refused;
    const auth::Principal actor = *req.principal;
    Reply r;
    r.status = 201;
    r.write = [p, actor](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(ResolveResult res, ResolvePerson(c, p, actor, NowUnix()));
        e.object = "person:" + std::to_string(res.person_id);
        e.detail = res.created ? "created" : "existing";  // a second registration is no new collection
        if (!res.created) out.status = 200;
        out.body = {{"person_id", res.person_id}, {"created", res.created}, {"version", res.version}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> ListHandler(const Deps& d, Request& req) {
    PeopleFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    f.q = req.Query("q");
    f.address_id = req.Query("address_id");
    f.grid_id = req.Query("grid_id");
    JW_ASSIGN_OR_RETURN(f.category, http::QueryEnum(req, "category", {"household", "floating", "overseas"}));
    JW_ASSIGN_OR_RETURN(f.status, http::QueryEnum(req, "status", {"present", "moved_out", "deceased"}));
    JW_ASSIGN_OR_RETURN(auto expiring, http::QueryDate(req, "permit_expires_before"));
    if (expiring) f.permit_expires_before = FormatDate(*expiring);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, ListPeople(**c, f));
    Json items = Json::array();
    for (const auto& row : page.first) items.push_back(MaskedPersonJson(row.person, row.residence_name));
    Reply r = Reply::Json200({{"items", items}, {"total", page.second}});
    r.audit_object = "people";
    r.audit_detail = std::to_string(items.size()) + " of " + std::to_string(page.second);
    return r;
}

Json MovesJson(const std::vector<Move>& moves) {
    Json out = Json::array();
    for (const auto& m : moves)
        out.push_back({{"id", m.id},
                       {"kind", m.kind},
                       {"address_id", m.address_id},
                       {"on_date", m.on_date},
                       {"reason", m.reason},
                       {"recorded_by", m.recorded_by},
                       {"at", FormatUtcIso(m.at)}});
    return out;
}

Result<Reply> GetHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Person p, GetPerson(**c, id));
    JW_ASSIGN_OR_RETURN(std::string residence, AddressName(**c, p.residence_address_id.value_or("")));
    JW_ASSIGN_OR_RETURN(auto moves, ListMoves(**c, id));
    Json j = MaskedPersonJson(p, residence);
    j["moves"] = MovesJson(moves);
    Reply r = Reply::Json200(j);
    r.audit_object = "person:" + std::to_string(id);
    return r;
}

Result<Reply> PatchHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(
        body, {"version", "name", "sex", "birth_date", "ethnicity", "hukou_address", "category", "permit_no", "status",
               "residence_address_id", "residence_address", "photo_media_id", "permit_expires", "phones"});
    const auto version = in.Int("version", true, 1, INT32_MAX);
    std::string residence_text;
    PersonEdit e = ReadPersonEdit(body, in, &residence_text);
    JW_RETURN_IF_ERROR(in.status());
    if (!e.residence_address_id && !residence_text.empty()) {
        std::optional<std::string> code;
        if (auto refused = MatchResidence(d, req, residence_text, &code)) return *refused;
        e.residence_address_id = code;
    }
    const int expected = static_cast<int>(*version);
    const int64_t by = req.principal->user_id;
    Reply r;
    r.audit_object = "person:" + std::to_string(id);
    r.write = [id, e, expected, by](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(int v, EditPerson(c, id, e, expected, NowUnix(), by));
        out.body = {{"person_id", id}, {"version", v}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> MoveHandler(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"kind", "address_id", "on_date", "reason"});
    MoveInput m;
    m.kind = in.Text("kind", true, 10).value_or("");
    m.address_id = in.Text("address_id", false, 64).value_or("");
    m.on_date = in.Text("on_date", true, 10).value_or("");
    m.reason = in.Text("reason", false, 200).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    const auth::Principal actor = *req.principal;
    Reply r;
    r.status = 201;
    r.audit_object = "person:" + std::to_string(id);
    r.audit_detail = m.kind;
    r.write = [id, m, actor](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(MoveResult res, RecordMove(c, id, m, actor, NowUnix()));
        out.body = {{"person_id", id}, {"move_id", res.move_id}, {"version", res.version}};
        return Status::Ok();
    };
    return r;
}

// POST …/people/import: the body is the CSV text (UTF-8). 200 with the report either way; errors by line and
// nothing written when there is one.
Result<Reply> ImportHandler(const Deps&, Request& req) {
    if (req.body.empty()) return Status::Invalid("file", "required");
    const auth::Principal actor = *req.principal;
    auto text = std::make_shared<std::string>(std::move(req.body));
    Reply r;
    r.audit_object = "people";
    r.write = [text, actor](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(PeopleImportReport rep, ImportPeopleCsv(c, *text, actor, NowUnix()));
        e.detail = std::to_string(rep.rows) + " rows, " + std::to_string(rep.created) + " new, " +
                   std::to_string(rep.errors.size()) + " errors";
        if (!rep.errors.empty()) {
            e.result = "invalid";
            out.status = 422;
        }
        out.body = ReportJson(rep);
        return Status::Ok();
    };
    return r;
}

// GET …/people/export: the whole register as a spreadsheet CSV (UTF-8 with BOM), masked as the list is.
Result<Reply> ExportHandler(const Deps& d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    std::string csv = "\xEF\xBB\xBF";
    int64_t lines = -1;
    JW_RETURN_IF_ERROR(ExportPeopleCsv(**c, true, true, [&](const std::string& chunk) {
        csv += chunk;
        for (char ch : chunk) lines += ch == '\n';
    }));
    Reply r;
    r.raw = std::move(csv);
    r.content_type = "text/csv; charset=utf-8";
    r.headers.push_back({"Content-Disposition", "attachment; filename=\"people.csv\""});
    r.audit_object = "people";
    r.audit_detail = std::to_string(lines) + " rows, masked";
    return r;
}

}  // namespace

void RegisterPeopleRoutes(http::Router& router, storage::Database& db, AddressIndex& index, const std::string& master) {
    auto deps = std::make_shared<Deps>(Deps{db, index});
    auto bind = [deps](Result<Reply> (*fn)(const Deps&, Request&)) {
        return [deps, fn](Request& req) { return fn(*deps, req); };
    };
    const std::string base = "/api/v1/community/people";
    router.Add({"POST", base, "community.person.write", "community.person.create",
                idempotency::Once(db, master, bind(CreateHandler))});
    router.Add({"GET", base, "community.person.read", "community.person.list", bind(ListHandler)});
    router.Add({"POST", base + "/import", "community.person.write", "community.person.import", bind(ImportHandler)});
    router.Add({"GET", base + "/export", "community.person.read", "community.person.export", bind(ExportHandler)});
    router.Add({"GET", base + "/:id", "community.person.read", "community.person.read", bind(GetHandler)});
    router.Add({"PATCH", base + "/:id", "community.person.write", "community.person.update",
                idempotency::Once(db, master, bind(PatchHandler))});
    router.Add({"POST", base + "/:id/moves", "community.person.write", "community.person.move", bind(MoveHandler)});
    // A person's photo is read like the person (GET …/people/:id: the read permission).
    media::RegisterAccessCheck(kPersonPhotoKind,
                               [](storage::Connection& c, const auth::Principal& p, int64_t id) -> Result<bool> {
                                   if (!p.Can("community.person.read")) return false;
                                   auto person = GetPerson(c, id);
                                   if (person.ok()) return true;
                                   if (person.status().code() == ErrorCode::kNotFound) return false;
                                   return person.status();
                               });
}

}  // namespace jw::community
