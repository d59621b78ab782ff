#include "cases/case_scope.hpp"

#include "cases/case_repository.hpp"
#include "cases/case_service_internal.hpp"

namespace jw::cases {

Result<int64_t> VisibleCaseId(storage::Connection& c, const auth::Principal& actor, const std::string& case_no) {
    JW_ASSIGN_OR_RETURN(Case k, repo::GetCaseByNumber(c, case_no));
    if (!internal::CanSee(actor, k)) return Status::NotFound("case");
    return k.id;
}

}  // namespace jw::cases
