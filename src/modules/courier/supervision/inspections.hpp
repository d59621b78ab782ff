#pragma once
// Inspections of outlets (寄递安全检查) with findings and, when something must be fixed, the rectification notice
// (责令整改通知书, 快递暂行条例 art. 22 and 反恐怖主义法 art. 20 as the rules checked; art. 85 of the 反恐怖主义法
// for the consequence of not fixing) tracked to closure: passed (nothing to fix) | rectifying (a notice with a
// date to fix by) → closed (the inspector's closing note). SQL over courier_inspections; the notice as a
// docs::Document. Thread safety: the connection's; the document functions are pure.
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "courier/records/record.hpp"
#include "docs/document.hpp"
#include "storage/database.hpp"

namespace jw::courier {

inline constexpr int kMaxRectifyDays = 90;

struct Inspection {
    int64_t id = 0, outlet_id = 0, inspector_user_id = 0, inspected_at = 0;
    std::string findings, notice_no, status, closing_note, outlet_name, inspector_name;
    std::optional<int64_t> rectify_by, closed_at;
};

struct NewInspection {
    int64_t outlet_id = 0;
    std::string findings;  // 1–2000 characters
    int rectify_days = 0;  // 0: passed; 1–kMaxRectifyDays: a notice, fix within that many days
};
// Validation (InvalidArgument naming the field): findings required / too_long, rectify_days out_of_range,
// outlet_id not_found. The notice number is "<year>-<id>" under the bureau's prefix (NoticeNumber).
Result<int64_t> CreateInspection(storage::Connection& tx, const NewInspection& in, int64_t inspector, int64_t now);
// Conflict (field status) unless it is rectifying; note required.
Status CloseInspection(storage::Connection& tx, int64_t id, const std::string& note, int64_t now);
Result<Inspection> LoadInspection(storage::Connection& c, int64_t id);  // NotFound("inspection")
// Newest first; `outlet_id`/`status` empty: all.
Result<std::vector<Inspection>> ListInspections(storage::Connection& c, std::optional<int64_t> outlet_id,
                                                const std::string& status);

// 责令整改通知书 to the outlet: `issuer` the bureau's name. Pure.
docs::Document RectificationNotice(const Inspection& i, const Outlet& o, const std::string& issuer);

}  // namespace jw::courier
