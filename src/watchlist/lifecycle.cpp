// The shared watch-list rules (lifecycle.hpp).
#include "watchlist/lifecycle.hpp"

#include "auth/auth_repository.hpp"
#include "common/json_util.hpp"

namespace jw::watchlist {

bool TextOk(std::string_view s, size_t max) {
    auto n = Utf8Length(s);
    return !s.empty() && n && *n <= max;
}

Status RequireText(std::string_view field, std::string_view s, size_t max) {
    if (TextOk(s, max)) return Status::Ok();
    return Status::Invalid(std::string(field), "required, at most " + std::to_string(max) + " characters");
}

Status ValidateWindow(int64_t from, int64_t to, int64_t now) {
    if (from < 0 || from >= (int64_t{1} << 32)) return Status::Invalid("valid_from", "out_of_range");
    if (to >= (int64_t{1} << 32)) return Status::Invalid("valid_to", "out_of_range");
    if (to <= from) return Status::Invalid("valid_to", "must_be_after_valid_from");
    if (to <= now) return Status::Invalid("valid_to", "already_passed");
    if (to - from > kMaxValiditySeconds) return Status::Invalid("valid_to", "longer_than_366_days");
    return Status::Ok();
}

Status ValidateUnitCount(const std::vector<int64_t>& units) {
    if (units.empty() || units.size() > kMaxNotifyUnits) return Status::Invalid("unit_ids", "between 1 and 50 units");
    return Status::Ok();
}

Status CheckUnits(storage::Connection& c, const std::vector<int64_t>& units, std::string_view field) {
    for (int64_t u : units) {
        auto unit = auth::repo::GetUnit(c, u);
        if (!unit.ok() && unit.status().code() != ErrorCode::kNotFound) return unit.status();
        if (!unit.ok()) return Status::Invalid(std::string(field), "unknown unit " + std::to_string(u));
        if (unit->dissolved_at) return Status::Invalid(std::string(field), "dissolved");
    }
    return Status::Ok();
}

Status CheckVersion(const Head& h, std::optional<int64_t> expected) {
    if (expected && *expected != h.version) return Status::Conflict("version_mismatch");
    return Status::Ok();
}

Status CheckApprove(const Head& h, int64_t approver, int64_t now) {
    if (h.status != "pending") return Status::Conflict("not_pending");
    if (h.applicant == approver) return Status::Denied("applicant_cannot_approve");
    if (h.valid_to <= now) return Status::Conflict("expired");
    return Status::Ok();
}

Status CheckReject(const Head& h, int64_t approver) {
    if (h.status != "pending") return Status::Conflict("not_pending");
    if (h.applicant == approver) return Status::Denied("applicant_cannot_approve");
    return Status::Ok();
}

Status CheckChange(const Head& h) {
    if (h.status != "pending" && h.status != "active") return Status::Conflict("not_changeable");
    return Status::Ok();
}

Status CheckWithdraw(const Head& h) {
    if (h.status != "pending" && h.status != "active") return Status::Conflict("not_withdrawable");
    return Status::Ok();
}

}  // namespace jw::watchlist
