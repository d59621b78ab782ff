#include "checkpoint/analysis/search_basis.hpp"

#include <map>
#include <optional>

#include "cases/case_scope.hpp"
#include "checkpoint/analysis/analysis_exceptions.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint {
namespace {

std::optional<int64_t> TimeOf(const Json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) return std::nullopt;
    return ParseChinaTime(it->get<std::string>());
}

void CheckRange(const Json& obj, const std::string& prefix, int64_t now, std::map<std::string, std::string>* out) {
    if (!obj.is_object()) return;
    if (auto from = TimeOf(obj, "from"); from && *from >= now) (*out)[prefix + "from"] = "in_future";
    if (auto to = TimeOf(obj, "to"); to && *to > now + kFutureSlackS) (*out)[prefix + "to"] = "in_future";
}

}  // namespace

Status CheckCaseBasis(storage::Connection& c, const auth::Principal& actor, const std::string& case_no, int64_t now) {
    auto visible = cases::VisibleCaseId(c, actor, case_no);
    if (visible.ok()) return Status::Ok();
    if (visible.status().code() != ErrorCode::kNotFound) return visible.status();
    JW_ASSIGN_OR_RETURN(bool excepted, HasApprovedException(c, actor.user_id, case_no, now));
    if (excepted) return Status::Ok();
    return Status::Invalid("case_no", "unknown_case");
}

Status CheckNotFuture(const Json& request, int64_t now) {
    std::map<std::string, std::string> fields;
    CheckRange(request, "", now, &fields);
    if (request.is_object()) {
        if (auto c = request.find("conditions"); c != request.end() && c->is_array()) {
            for (size_t i = 0; i < c->size(); ++i)
                CheckRange((*c)[i], "conditions[" + std::to_string(i) + "].", now, &fields);
        }
    }
    if (fields.empty()) return Status::Ok();
    return Status(ErrorCode::kInvalidArgument, "the searched time range lies in the future", fields);
}

Status CheckSearch(storage::Connection& c, const auth::Principal& actor, const std::string& case_no,
                   const Json& request, int64_t now) {
    const Status basis = CheckCaseBasis(c, actor, case_no, now);
    if (!basis.ok() && basis.code() != ErrorCode::kInvalidArgument) return basis;
    const Status future = CheckNotFuture(request, now);
    if (basis.ok()) return future;
    if (future.ok()) return basis;
    Status both(ErrorCode::kInvalidArgument, "no basis for the search, and its range lies in the future",
                future.fields());
    both.mutable_fields()["case_no"] = basis.fields().at("case_no");
    return both;
}

}  // namespace jw::checkpoint
