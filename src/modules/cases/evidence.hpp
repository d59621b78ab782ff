#pragma once
// The evidence list of a case (证据清单): what the facts of a decision rest on. Kinds are those of
// 公安机关办理行政案件程序规定 第二十六条 (物证; 书证; 被侵害人陈述和其他证人证言; 违法嫌疑人的陈述和申辩; 鉴定意见;
// 勘验、检查、辨认笔录，现场笔录; 视听资料、电子数据), one code per kind a document names separately.
// Stored in case_evidence (schema/006); the description is SM4-sealed at rest (case_secrets.hpp) because it
// names people. Every change goes through the case (scope, not closed, expected version) and appends a case
// event (evidence_added / evidence_updated / evidence_removed), so the history is the case's own.
// Writes run on the caller's connection inside the caller's audited transaction. Stateless; thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "cases/case.hpp"
#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::cases {

struct Evidence {
    int64_t id = 0;
    int64_t case_id = 0;
    std::string kind;  // EvidenceKinds()
    std::string description;
    int64_t collected_at = 0;  // Unix seconds UTC
    std::string collected_by;  // the officers who collected it, as written
    int64_t created_by = 0;
    int64_t created_at = 0;
    int64_t updated_at = 0;
};

// physical, documentary, victim_statement, witness_testimony, suspect_statement, appraisal_opinion,
// inspection_record, identification_record, scene_record, audiovisual, electronic — in the order of 第二十六条.
const std::vector<std::string>& EvidenceKinds();
// The kind in the words of the documents (Chinese official papers): "物证", "违法嫌疑人陈述和申辩", …; the code
// itself for an unknown kind.
std::string EvidenceKindText(const std::string& kind);

// Checks the fields. Problems under `prefix` + field: kind (bad_value), description (required, too_long > 500
// characters), collected_at (in_future, before_case: earlier than the case's occurrence), collected_by
// (required, too_long > 100).
Status ValidateEvidence(const Evidence& e, const Case& k, int64_t now, const std::string& prefix);

// The case's evidence, oldest first, if the actor may see the case (NotFound "case" otherwise).
Result<std::vector<Evidence>> ListCaseEvidence(storage::Connection& c, const auth::Principal& actor, int64_t case_id);

// Add, replace, remove one item. Errors: those of an edit of the case (NotFound "case" out of scope, Conflict
// {state: closed}, Conflict {expected_version: stale}); Conflict {state: evidence_locked} while the case is in
// legal review (the reviewer reviews a fixed list) and once the penalty decision has been issued (the issued
// paper lists it); ValidateEvidence's; NotFound "evidence" for an item not of this case. Return the case after
// the change (its version moved on).
Result<Case> AddEvidence(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                         int64_t expected_version, Evidence e, int64_t now);
Result<Case> EditEvidence(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                          int64_t expected_version, Evidence e, int64_t now);
Result<Case> RemoveEvidence(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                            int64_t expected_version, int64_t evidence_id, int64_t now);

namespace repo {
Result<std::vector<Evidence>> ListEvidence(storage::Connection& c, int64_t case_id);
Result<int64_t> InsertEvidence(storage::Connection& c, const Evidence& e);
Status UpdateEvidence(storage::Connection& c, const Evidence& e);  // NotFound "evidence" unless of e.case_id
Status DeleteEvidence(storage::Connection& c, int64_t case_id, int64_t evidence_id);  // NotFound likewise
}  // namespace repo

}  // namespace jw::cases
