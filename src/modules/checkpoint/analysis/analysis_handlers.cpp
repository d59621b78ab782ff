// Thin HTTP adapter of the analysis part: parse → limits → engine / task store → JSON.
#include "checkpoint/analysis/analysis_handlers.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "checkpoint/analysis/analysis_limits.hpp"
#include "checkpoint/analysis/analysis_repository.hpp"
#include "checkpoint/analysis/analysis_run.hpp"
#include "checkpoint/analysis/analysis_runner.hpp"
#include "checkpoint/analysis/clickhouse/analytics_router.hpp"
#include "checkpoint/analysis/search_basis.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint {
namespace {

using http::Reply;
using http::Request;

// Runs longer than this (summed over collision conditions) go to the background.
constexpr int64_t kInlineMaxSpanS = 7 * 86400;
constexpr size_t kMaxAuditDetail = 16000;

std::shared_ptr<TaskRunner>& RunnerSlot() {
    static std::shared_ptr<TaskRunner> runner;
    return runner;
}

int EnvInt(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

Json OptTime(const std::optional<int64_t>& t) { return t ? Json(FormatUtcIso(*t)) : Json(nullptr); }

Json TaskJson(const AnalysisTask& t) {
    Json j = {{"id", t.id},
              {"kind", t.kind},
              {"params", t.params},
              {"purpose", t.purpose},
              {"case_no", t.case_no},
              {"status", t.status},
              {"progress", t.progress},
              {"phase", t.phase},
              {"row_count", t.row_count},
              {"created_at", FormatUtcIso(t.created_at)},
              {"started_at", OptTime(t.started_at)},
              {"finished_at", OptTime(t.finished_at)}};
    if (!t.error.empty()) {
        Json e = Json::parse(t.error, nullptr, false);
        j["error"] = e.is_discarded() ? Json(t.error) : e;
    }
    if (t.result) j["result"] = *t.result;
    return j;
}

Json LimitsJson(const RoleLimits& l) {
    return {{"max_range_days", l.max_range_days},
            {"max_conditions", l.max_conditions},
            {"max_lookback_days", l.max_lookback_days},
            {"max_window_s", l.max_window_s}};
}

Result<Reply> RunHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"kind", "params", "background"});
    const std::string kind = in.Text("kind", true, 20).value_or("");
    const bool background = in.Bool("background", false).value_or(false);
    if (!body.contains("params")) in.Fail("params", "required");
    JW_RETURN_IF_ERROR(in.status());
    JW_ASSIGN_OR_RETURN(RoleLimits limits, LimitsTable::Default().For(req.principal->roles));
    JW_ASSIGN_OR_RETURN(Json request, EngineRequest(kind, body["params"]));
    JW_RETURN_IF_ERROR(CheckLimits(request, limits));
    {
        // Before any query runs: the case number is a case this user may see (or an approved exception), and the
        // range is not in the future (search_basis.hpp).
        auto c = d.db.Acquire();
        if (!c.ok()) return c.status();
        JW_RETURN_IF_ERROR(CheckSearch(**c, *req.principal, req.case_no, request, NowUnix()));
    }
    const auto qlimits = ToQueryLimits(limits);
    const auto snapshot = d.hub.Snapshot();

    AnalysisTask task;
    task.user_id = req.principal->user_id;
    task.username = req.principal->username;
    task.kind = kind;
    task.params = body["params"];
    task.limits = LimitsJson(limits);
    task.purpose = req.purpose;
    task.case_no = req.case_no;
    task.created_at = NowUnix();

    Reply r;
    // The query as the engine runs it, so the audit admin sees what was searched (bounded: a collision over
    // a thousand checkpoints is still recorded, up to the cap).
    r.audit_detail = request.dump();
    if (r.audit_detail.size() > kMaxAuditDetail) {
        size_t cut = kMaxAuditDetail;
        while (cut > 0 && (static_cast<unsigned char>(r.audit_detail[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
        r.audit_detail = r.audit_detail.substr(0, cut) + "...";
    }
    if (background || RequestSpan(request) > kInlineMaxSpanS) {
        JW_RETURN_IF_ERROR(DryRun(snapshot, request, qlimits));
        task.status = "queued";
        r.status = 202;
        r.write = [task](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
            JW_ASSIGN_OR_RETURN(int64_t id, InsertTask(c, task));
            e.object = "analysis_task:" + std::to_string(id);
            out.body = {{"task_id", id}, {"status", "queued"}, {"kind", task.kind}};
            if (auto runner = RunnerSlot()) runner->Enqueue(id);
            return Status::Ok();
        };
        return r;
    }
    // The reply as JSON text (no Json tree), exactly what the Json path wrote (ADR 0072).
    JW_ASSIGN_OR_RETURN(auto reply, clickhouse::RunAnalysisReply(snapshot, request, qlimits));  // backend hook
    auto result = std::make_shared<const ResultText>(WithCheckpoints(snapshot, request, std::move(reply)));
    task.status = "done";
    task.progress = 100;
    task.phase = "done";
    task.row_count = result->row_count;
    task.started_at = task.created_at;
    task.finished_at = NowUnix();
    r.status = 201;
    r.write = [task, result](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        AnalysisTask row = task;
        row.result_text = result->json;
        JW_ASSIGN_OR_RETURN(int64_t id, InsertTask(c, row));
        e.object = "analysis_task:" + std::to_string(id);
        out.raw = DoneBody(id, task.kind, *result);
        return Status::Ok();
    };
    return r;
}

// A task the caller may read, checked again at every read (the scope may have changed since it ran): their own
// while its case number is still a basis for them, or one saved to a case number that is a basis for the reader
// (the case's team: the case's data scope as GET /cases/{id} applies it, through search_basis.hpp). Any other task
// is not found, whether it exists or not.
Result<AnalysisTask> ReadableTask(storage::Connection& c, const Request& req, int64_t id, bool with_result) {
    const Status not_found = Status::NotFound("analysis task");
    auto t = GetTask(c, id, with_result);
    if (!t.ok()) return t.status().code() == ErrorCode::kNotFound ? not_found : t.status();
    const int64_t now = NowUnix();
    auto basis = [&](const std::string& case_no) -> Result<bool> {
        Status s = CheckCaseBasis(c, *req.principal, case_no, now);
        if (s.ok()) return true;
        if (s.code() == ErrorCode::kInvalidArgument) return false;
        return s;
    };
    if (t->user_id == req.principal->user_id) {
        JW_ASSIGN_OR_RETURN(bool own, basis(t->case_no));
        if (own) return t;
    }
    JW_ASSIGN_OR_RETURN(auto cases, SavedCaseNumbers(c, id));
    for (const auto& case_no : cases) {
        JW_ASSIGN_OR_RETURN(bool shared, basis(case_no));
        if (shared) return t;
    }
    return not_found;
}

Result<Reply> ListTasksHandler(const Deps& d, Request& req) {
    int page = 1, page_size = 20;
    JW_RETURN_IF_ERROR(req.Paging(&page, &page_size));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto list, ListTasks(**c, req.principal->user_id, page, page_size));
    Json items = Json::array();
    for (const auto& t : list.first) items.push_back(TaskJson(t));
    return Reply::Json200({{"items", std::move(items)}, {"total", list.second}});
}

Result<Reply> GetTaskHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    // The owner's task, or one saved to a case the reader may see (shared with that case's team).
    JW_ASSIGN_OR_RETURN(AnalysisTask t, ReadableTask(**c, req, id, true));
    Reply r = Reply::Json200(TaskJson(t));
    r.audit_object = "analysis_task:" + std::to_string(id);
    r.audit_detail = Json{{"kind", t.kind}, {"case_no", t.case_no}, {"status", t.status}}.dump();
    return r;
}

Result<Reply> CancelHandler(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    Reply r;
    r.audit_object = "analysis_task:" + std::to_string(id);
    r.write = [id, user = req.principal->user_id](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(AnalysisTask t, GetTask(c, id, false));
        if (t.user_id != user) return Status::NotFound("analysis task");
        JW_ASSIGN_OR_RETURN(bool cancelled, CancelTask(c, id, NowUnix()));
        if (!cancelled) return Status(ErrorCode::kConflict, "analysis_finished", {{"status", "already_" + t.status}});
        if (auto runner = RunnerSlot()) runner->RequestCancel(id);
        out.body = {{"task_id", id}, {"status", "cancelled"}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> SaveHandler(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"case_no", "note"});
    const std::string case_no = in.Text("case_no", true, 40).value_or("");
    const std::string note = in.Text("note", false, 200).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.status = 201;
    r.audit_object = "analysis_task:" + std::to_string(id);
    r.audit_detail = Json{{"case_no", case_no}}.dump();
    r.write = [id, case_no, note, actor = *req.principal](storage::Connection& c, audit::AuditEntry&,
                                                          Reply& out) -> Status {
        const int64_t user = actor.user_id;
        JW_ASSIGN_OR_RETURN(AnalysisTask t, GetTask(c, id, false));
        if (t.user_id != user) return Status::NotFound("analysis task");
        if (t.status != "done") return Status(ErrorCode::kConflict, "analysis_not_done", {{"status", "not_done"}});
        // A case outside the user's scope answers like one that does not exist: the reply must not tell
        // which case numbers exist in other units.
        JW_RETURN_IF_ERROR(CheckCaseBasis(c, actor, case_no, NowUnix()));
        JW_RETURN_IF_ERROR(SaveToCase(c, id, case_no, user, note, NowUnix()));
        out.body = {{"task_id", id}, {"case_no", case_no}};
        return Status::Ok();
    };
    return r;
}

// The page exports results as CSV itself (web/src/utils/csv.ts); it reports each export here first, so that
// exports of personal data are in the audit log (DESIGN § 5). Finished tasks the caller may read (ReadableTask).
Result<Reply> ExportedHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"rows", "format"});
    const auto rows = in.Int("rows", true, 0, INT64_MAX);
    const std::string format = in.Text("format", false, 10).value_or("csv");
    JW_RETURN_IF_ERROR(in.status());
    if (format != "csv") return Status::Invalid("format", "unknown");
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_RETURN_IF_ERROR(CheckCaseBasis(**c, *req.principal, req.case_no, NowUnix()));
    JW_ASSIGN_OR_RETURN(AnalysisTask t, ReadableTask(**c, req, id, false));
    if (t.status != "done") return Status(ErrorCode::kConflict, "analysis_not_done", {{"status", "not_done"}});
    Reply r = Reply::NoContent();
    r.audit_object = "analysis_task:" + std::to_string(id);
    r.audit_detail = Json{{"kind", t.kind}, {"case_no", t.case_no}, {"rows", *rows}, {"format", format}}.dump();
    return r;
}

// The analyses saved to a case. A sensitive read (purpose and case number stated, the dispatcher takes case_no
// from the query): the case number must be a basis for the caller (search_basis.hpp) — another unit's case and a
// number that is no case get the same "unknown_case", so the answer does not tell which numbers exist.
Result<Reply> SavedHandler(const Deps& d, Request& req) {
    const std::string& case_no = req.case_no;
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_RETURN_IF_ERROR(CheckCaseBasis(**c, *req.principal, case_no, NowUnix()));
    JW_ASSIGN_OR_RETURN(std::vector<SavedAnalysis> saved, ListSaved(**c, case_no));
    Json items = Json::array();
    for (const auto& s : saved) {
        Json j = TaskJson(s.task);
        j["saved_by"] = s.saved_by;
        j["saved_at"] = FormatUtcIso(s.saved_at);
        j["note"] = s.note;
        items.push_back(std::move(j));
    }
    Reply r = Reply::Json200({{"items", std::move(items)}, {"total", saved.size()}});
    r.audit_object = "case:" + case_no;
    return r;
}

template <typename Fn>
http::Handler Bind(const Deps& d, Fn fn) {
    return [d, fn](Request& req) { return fn(d, req); };
}

}  // namespace

void RegisterAnalysisRoutes(http::Router& router, const Deps& deps) {
    RunnerOptions options;
    options.threads = std::clamp(EnvInt("JW_ANALYSIS_WORKERS", 2), 1, 2);
    options.chunk_pause_ms = std::clamp(EnvInt("JW_ANALYSIS_CHUNK_PAUSE_MS", 0), 0, 5000);
    RunnerSlot() = std::make_shared<TaskRunner>(deps.db, deps.committer, deps.hub, options);
    const std::string base = "/api/v1/checkpoint/analyses";
    http::Route run{"POST", base, "analysis.run", "analysis.run", Bind(deps, RunHandler)};
    run.needs_purpose = true;
    router.Add(run);
    http::Route saved{"GET", base, "analysis.run", "analysis.saved_list", Bind(deps, SavedHandler)};
    saved.needs_purpose = true;
    router.Add(saved);
    router.Add({"GET", base + "/tasks", "analysis.run", "analysis.task_list", Bind(deps, ListTasksHandler)});
    router.Add({"GET", base + "/tasks/:id", "analysis.run", "analysis.task_read", Bind(deps, GetTaskHandler)});
    router.Add({"POST", base + "/tasks/:id/cancel", "analysis.run", "analysis.cancel", Bind(deps, CancelHandler)});
    router.Add({"POST", base + "/tasks/:id/save", "analysis.run", "analysis.save", Bind(deps, SaveHandler)});
    http::Route exported{"POST", base + "/tasks/:id/exported", "analysis.run", "analysis.export",
                         Bind(deps, ExportedHandler)};
    exported.needs_purpose = true;
    router.Add(exported);
    RegisterExceptionRoutes(router, deps);
}

Status RegisterAnalysisJobs(notify::Scheduler&, const Deps&) {
    if (auto runner = RunnerSlot()) return runner->Start();
    return Status::Ok();
}

void StopAnalysisTasks() {
    if (auto runner = RunnerSlot()) runner->Stop();
}

}  // namespace jw::checkpoint
