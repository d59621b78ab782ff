// Bulk CSV import of historical passes: whole (POST /api/v1/checkpoint/import, body ≤ 768 KiB) or chunked
// (start → chunks?seq=N[&last=1] → progress). See import_passes.hpp.
#include "checkpoint/viid/viid_context.hpp"
#include "common/civil_time.hpp"
#include "common/text_upload.hpp"
#include "http/params.hpp"

namespace jw::checkpoint {
namespace {

using http::Reply;
using http::Request;

Json ProgressJson(const ImportProgress& p) {
    Json errors = Json::array();
    for (const auto& e : p.errors) errors.push_back({{"line", e.line}, {"message", e.message}});
    return {{"id", p.id},
            {"started_at", FormatUtcIso(p.started_at)},
            {"updated_at", FormatUtcIso(p.updated_at)},
            {"next_seq", p.next_seq},
            {"finished", p.finished},
            {"bytes", p.bytes},
            {"lines", p.lines},
            {"loaded", p.loaded},
            {"rejected", p.rejected},
            {"errors", errors}};
}

// A chunk's own limit, under the server's 1 MiB (the web page sends 512 KiB): refused before it is read.
constexpr size_t kChunkBodyBytes = 768 * 1024;

Result<Reply> Feed(ViidContext& ctx, Request& req, const std::string& id, int seq, bool last) {
    JW_RETURN_IF_ERROR(CheckBodySize("csv", req.body.size(), kChunkBodyBytes));
    std::vector<PassHit> hits;
    const std::string user = req.principal->username;
    JW_ASSIGN_OR_RETURN(const ImportProgress before, ctx.imports.Get(id, user));
    JW_ASSIGN_OR_RETURN(ImportProgress p,
                        ctx.imports.Feed(ctx.deps.hub, id, user, seq, req.body, last, &hits, NowUnix()));
    ctx.deps.hub.Count("import:" + user, p.loaded - before.loaded, p.rejected - before.rejected, NowUnix());
    RecordHitsAndWake(ctx, hits);
    Reply r = Reply::Json200(ProgressJson(p));
    r.audit_object = "pass_import:" + id;
    r.audit_detail = "chunk " + std::to_string(seq) + (last ? " (last)" : "") + " loaded=" + std::to_string(p.loaded) +
                     " rejected=" + std::to_string(p.rejected);
    return r;
}

Result<Reply> WholeHandler(ViidContext& ctx, Request& req) {
    const ImportProgress p = ctx.imports.Start(req.principal->username, NowUnix());
    return Feed(ctx, req, p.id, 0, true);
}

Result<Reply> StartHandler(ViidContext& ctx, Request& req) {
    const ImportProgress p = ctx.imports.Start(req.principal->username, NowUnix());
    Reply r = Reply::Json200(ProgressJson(p));
    r.status = 201;
    r.audit_object = "pass_import:" + p.id;
    return r;
}

Result<Reply> ChunkHandler(ViidContext& ctx, Request& req) {
    JW_ASSIGN_OR_RETURN(const auto seq, http::QueryInt(req, "seq", 0, 999999));
    if (!seq) return Status::Invalid("seq", http::problem::kRequired);
    JW_ASSIGN_OR_RETURN(const bool last, http::QueryBool(req, "last", false));
    return Feed(ctx, req, req.params["id"], static_cast<int>(*seq), last);
}

Result<Reply> ProgressHandler(ViidContext& ctx, Request& req) {
    JW_ASSIGN_OR_RETURN(ImportProgress p, ctx.imports.Get(req.params["id"], req.principal->username));
    return Reply::Json200(ProgressJson(p));
}

}  // namespace

void AddImportRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx) {
    auto bind = [ctx](Result<Reply> (*fn)(ViidContext&, Request&)) {
        return [ctx, fn](Request& req) { return fn(*ctx, req); };
    };
    const std::string base = "/api/v1/checkpoint/import";
    router.Add({"POST", base, "checkpoint.admin", "pass_import.whole", bind(WholeHandler)});
    router.Add({"POST", base + "/start", "checkpoint.admin", "pass_import.start", bind(StartHandler)});
    router.Add({"POST", base + "/:id/chunks", "checkpoint.admin", "pass_import.chunk", bind(ChunkHandler)});
    router.Add({"GET", base + "/:id", "checkpoint.admin", "pass_import.progress", bind(ProgressHandler)});
}

}  // namespace jw::checkpoint
