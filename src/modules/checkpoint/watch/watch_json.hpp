#pragma once
// JSON of watch orders, events and hits for the HTTP replies (docs/api/checkpoint-watch.md), and the parsing
// of request bodies into service inputs. Errors name the field.

#include "checkpoint/watch/watch_order.hpp"
#include "checkpoint/watch/watch_service.hpp"
#include "common/json_util.hpp"

namespace jw::checkpoint {

Json OrderJson(const WatchOrder& o);
Json EventJson(const WatchEvent& e);
Json HitJson(const WatchHitRow& h);
Json ImportReportJson(const ImportReport& r);

// Time and unit fields are the shared watch-list form fields (watchlist/form_fields.hpp).
// Create body: target, target_kind, plate_color, reason, case_no, valid_from, valid_to, priority, colour,
// unit_ids. `allow_missing_target` for the import's common fields.
Result<OrderInput> ParseOrderInput(const Json& body, bool allow_missing_target);

// Change body: reason (required) and any of valid_from, valid_to, priority, colour, reason_text, unit_ids,
// plus version (optional).
Result<ChangeInput> ParseChangeInput(const Json& body, std::optional<int64_t>* version);

}  // namespace jw::checkpoint
