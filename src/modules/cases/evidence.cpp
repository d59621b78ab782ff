#include "cases/evidence.hpp"

#include "cases/case_repository.hpp"
#include "cases/case_secrets.hpp"
#include "cases/case_service.hpp"
#include "cases/case_service_internal.hpp"
#include "cases/document_register.hpp"
#include "common/json_util.hpp"

namespace jw::cases {

using storage::V;

namespace {

// 程序规定 第二十六条, one code per kind the papers name separately (its items (三) and (六) list several).
const std::vector<std::pair<std::string, std::string>>& Kinds() {
    static const std::vector<std::pair<std::string, std::string>> kinds = {
        {"physical", "物证"},
        {"documentary", "书证"},
        {"victim_statement", "被侵害人陈述"},
        {"witness_testimony", "证人证言"},
        {"suspect_statement", "违法嫌疑人陈述和申辩"},
        {"appraisal_opinion", "鉴定意见"},
        {"inspection_record", "勘验、检查笔录"},
        {"identification_record", "辨认笔录"},
        {"scene_record", "现场笔录"},
        {"audiovisual", "视听资料"},
        {"electronic", "电子数据"},
    };
    return kinds;
}

// The reviewer reviews a fixed list; the issued decision prints one.
Status CheckUnlocked(storage::Connection& c, const Case& k) {
    const Status locked(ErrorCode::kConflict, "evidence_locked", {{"state", "evidence_locked"}});
    if (k.state == "legal_review") return locked;
    JW_ASSIGN_OR_RETURN(auto issued, FindIssuedNumber(c, k.id, kPenaltyDecision));
    return issued ? locked : Status::Ok();
}

std::string EventData(const Evidence& e) { return Json{{"evidence_id", e.id}, {"kind", e.kind}}.dump(); }

}  // namespace

const std::vector<std::string>& EvidenceKinds() {
    static const std::vector<std::string> codes = [] {
        std::vector<std::string> out;
        for (const auto& [code, text] : Kinds()) out.push_back(code);
        return out;
    }();
    return codes;
}

std::string EvidenceKindText(const std::string& kind) {
    for (const auto& [code, text] : Kinds())
        if (code == kind) return text;
    return kind;
}

Status ValidateEvidence(const Evidence& e, const Case& k, int64_t now, const std::string& prefix) {
    Status s(ErrorCode::kInvalidArgument, "invalid evidence");
    auto& f = s.mutable_fields();
    bool known = false;
    for (const auto& code : EvidenceKinds()) known = known || code == e.kind;
    if (!known) f[prefix + "kind"] = "bad_value";
    if (e.description.empty()) f[prefix + "description"] = "required";
    if (e.collected_by.empty()) f[prefix + "collected_by"] = "required";
    if (e.collected_at > now + 300) {
        f[prefix + "collected_at"] = "in_future";
    } else if (e.collected_at < k.occurred_at - 86400) {
        // Evidence may predate the report by a little (a camera's recording); not by more than a day.
        f[prefix + "collected_at"] = "before_case";
    }
    return f.empty() ? Status::Ok() : s;
}

Result<std::vector<Evidence>> ListCaseEvidence(storage::Connection& c, const auth::Principal& actor, int64_t case_id) {
    JW_RETURN_IF_ERROR(LoadCase(c, actor, case_id).status());
    return repo::ListEvidence(c, case_id);
}

Result<Case> AddEvidence(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                         int64_t expected_version, Evidence e, int64_t now) {
    JW_ASSIGN_OR_RETURN(Case k, internal::LoadForWrite(c, actor, case_id, expected_version));
    JW_RETURN_IF_ERROR(CheckUnlocked(c, k));
    JW_RETURN_IF_ERROR(ValidateEvidence(e, k, now, "evidence."));
    e.case_id = case_id;
    e.created_by = actor.user_id;
    e.created_at = e.updated_at = now;
    JW_ASSIGN_OR_RETURN(e.id, repo::InsertEvidence(c, e));
    JW_RETURN_IF_ERROR(
        internal::SaveWithRecord(c, actor, k, expected_version, "evidence_added", EventData(e), std::nullopt, now));
    return k;
}

Result<Case> EditEvidence(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                          int64_t expected_version, Evidence e, int64_t now) {
    JW_ASSIGN_OR_RETURN(Case k, internal::LoadForWrite(c, actor, case_id, expected_version));
    JW_RETURN_IF_ERROR(CheckUnlocked(c, k));
    JW_RETURN_IF_ERROR(ValidateEvidence(e, k, now, ""));
    e.case_id = case_id;
    e.updated_at = now;
    JW_RETURN_IF_ERROR(repo::UpdateEvidence(c, e));
    JW_RETURN_IF_ERROR(
        internal::SaveWithRecord(c, actor, k, expected_version, "evidence_updated", EventData(e), std::nullopt, now));
    return k;
}

Result<Case> RemoveEvidence(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                            int64_t expected_version, int64_t evidence_id, int64_t now) {
    JW_ASSIGN_OR_RETURN(Case k, internal::LoadForWrite(c, actor, case_id, expected_version));
    JW_RETURN_IF_ERROR(CheckUnlocked(c, k));
    JW_RETURN_IF_ERROR(repo::DeleteEvidence(c, case_id, evidence_id));
    JW_RETURN_IF_ERROR(internal::SaveWithRecord(c, actor, k, expected_version, "evidence_removed",
                                                Json{{"evidence_id", evidence_id}}.dump(), std::nullopt, now));
    return k;
}

namespace repo {

Result<std::vector<Evidence>> ListEvidence(storage::Connection& c, int64_t case_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, case_id, kind, description, collected_at, collected_by, "
                                           "created_by, created_at, updated_at FROM case_evidence WHERE case_id = ? "
                                           "ORDER BY collected_at, id",
                                           {V(case_id)}));
    std::vector<Evidence> out;
    for (const auto& r : rows) {
        Evidence e{r.Int(0), r.Int(1), r.Str(2), "", r.Int(4), r.Str(5), r.Int(6), r.Int(7), r.Int(8)};
        JW_ASSIGN_OR_RETURN(e.description, OpenField(r.Str(3)));
        out.push_back(std::move(e));
    }
    return out;
}

Result<int64_t> InsertEvidence(storage::Connection& c, const Evidence& e) {
    JW_ASSIGN_OR_RETURN(storage::Row r,
                        c.QueryOne("INSERT INTO case_evidence (case_id, kind, description, collected_at, "
                                   "collected_by, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                   "RETURNING id",
                                   {V(e.case_id), V(e.kind), V(SealField(e.description)), V(e.collected_at),
                                    V(e.collected_by), V(e.created_by), V(e.created_at), V(e.updated_at)}));
    return r.Int(0);
}

Status UpdateEvidence(storage::Connection& c, const Evidence& e) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("UPDATE case_evidence SET kind = ?, description = ?, collected_at = ?, "
                                           "collected_by = ?, updated_at = ? WHERE id = ? AND case_id = ? "
                                           "RETURNING id",
                                           {V(e.kind), V(SealField(e.description)), V(e.collected_at),
                                            V(e.collected_by), V(e.updated_at), V(e.id), V(e.case_id)}));
    return rows.empty() ? Status::NotFound("evidence") : Status::Ok();
}

Status DeleteEvidence(storage::Connection& c, int64_t case_id, int64_t evidence_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("DELETE FROM case_evidence WHERE id = ? AND case_id = ? RETURNING id",
                                           {V(evidence_id), V(case_id)}));
    return rows.empty() ? Status::NotFound("evidence") : Status::Ok();
}

}  // namespace repo

}  // namespace jw::cases
