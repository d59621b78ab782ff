#pragma once
// JSON of courier records (issue 17): the counter's and the bulk API's record object, and the police's view.
#include "common/json_util.hpp"
#include "common/status.hpp"
#include "courier/records/record.hpp"
#include "courier/records/record_repository.hpp"

namespace jw::courier {
// Fields as in RecordInput; declared_value_cents an integer; photos [{media_id, kind}]; ocr_corrected [field].
// Errors: InvalidArgument naming a field of the wrong JSON type ("bad_type").
Result<RecordInput> RecordFromJson(const Json& j);
Json RecordViewJson(const RecordView& v);
Json OutcomeJson(const IntakeOutcome& o);
}  // namespace jw::courier
