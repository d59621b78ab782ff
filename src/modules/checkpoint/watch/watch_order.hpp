#pragma once
// Plain structs of watch orders (布控, GA/T 1400 DispositionObject) and the plate normalisation of watch
// targets. No SQL, no HTTP. Times are Unix seconds (UTC); validity is [valid_from, valid_to).
//
// Status: pending → active (approved) → withdrawn (撤控) | expired; pending → rejected | withdrawn | expired.
// Only active orders valid now are on the hub's watch list.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace jw::checkpoint {

struct WatchOrder {
    int64_t id = 0;
    std::string target_kind = "plate";  // plate; room for id_no (GB 11643) from other modules
    std::string target;                 // normalised plate
    int plate_color = 0;                // GA/T 1400 PlateColor code; 0 = any colour
    std::string reason, case_no;
    int64_t applicant_id = 0;
    std::string applicant_name;
    int64_t unit_id = 0;  // applying unit
    std::string unit_name;
    std::optional<int64_t> approver_id, approved_at;
    std::string approver_name;
    int64_t valid_from = 0, valid_to = 0;
    int priority = 4;    // 1 highest … 4
    std::string colour;  // red | orange | blue | green
    std::string status;  // pending | active | rejected | withdrawn | expired
    int64_t version = 1;
    int64_t created_at = 0, updated_at = 0;
    std::vector<int64_t> notify_units;  // units that must sign for the alerts of its hits
    std::vector<std::string> notify_unit_names;
};

struct WatchEvent {
    int64_t id = 0, at = 0;
    std::optional<int64_t> user_id;
    std::string user_name, action, reason, detail;  // action: create | approve | reject | change | withdraw | expire
};

// One recorded hit (GA/T 1400 DispositionNotificationObject).
struct WatchHitRow {
    int64_t id = 0, order_id = 0;
    std::string plate;
    int plate_color = 0;
    std::string checkpoint_id;
    int64_t pass_time = 0;
    int direction = 0, lane = 0, speed = 0;
    std::optional<int64_t> alert_id;
    int64_t recorded_at = 0;
    std::string case_no, colour;  // of the order
    std::string checkpoint_name;  // from the registry; the id when unregistered
};

// What an applicant states. `colour` empty → the alerts policy's colour for `priority`.
struct OrderInput {
    std::string target_kind = "plate";
    std::string target;
    int plate_color = 0;
    std::string reason, case_no, colour;
    int64_t valid_from = 0, valid_to = 0;
    int priority = 0;
    std::vector<int64_t> unit_ids;
};

// A change of an order (变更); fields left empty keep their value. `reason` is required.
struct ChangeInput {
    std::optional<int64_t> valid_from, valid_to;
    std::optional<int> priority;
    std::optional<std::string> colour, reason_text;  // reason_text: the order's new stated reason
    std::optional<std::vector<int64_t>> unit_ids;
    std::string reason;  // why it changes (audited)
};

// Who acts.
struct Actor {
    int64_t user_id = 0;
    int64_t unit_id = 0;
};

// GA 36-2018 plate of a watch target: NormalisePlate (trim, upper case, full-width → half-width), then in the
// serial part (after the province character and the office letter) the letter O becomes 0 and I becomes 1 —
// GA 36 never uses I or O there, so a typed O or I can only mean the digit. Does not validate.
std::string NormaliseWatchPlate(std::string_view plate);

// NormaliseWatchPlate, then CheckPlate (field `field`). Returns the normalised plate.
Result<std::string> CheckWatchPlate(std::string_view plate, std::string_view field = "target");

// One row of a batch import: "plate[,plate_color[,reason]]" (CSV; a first line starting with "plate" is a
// header) or a JSON line {"plate": …, "plate_color": …, "reason": …}. Blank lines are skipped.
struct ImportRow {
    int line = 0;  // 1-based
    std::string plate, reason;
    int plate_color = 0;
};
struct ImportProblem {
    int line = 0;
    std::string plate, field, problem;
};
// Splits `text` into rows; rows that cannot be read (bad JSON, bad colour) go to *problems. Plates are not yet
// normalised. At most `max_rows` rows; more → InvalidArgument "text" "too_many_rows".
Result<std::vector<ImportRow>> ParseImport(std::string_view text, std::vector<ImportProblem>* problems,
                                           size_t max_rows = 5000);

}  // namespace jw::checkpoint
