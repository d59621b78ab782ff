#pragma once
// The assessment module's line of the to-do centre (notify/todo.hpp, issue 13): officers' appeals against
// assessment items waiting for the reader's decision (assessment.appeal.decide), in the reader's unit scope, not the
// reader's own (DecideAppeal refuses one's own). Link /assessment/scores?tab=appeals.
#include <memory>

#include "notify/todo.hpp"

namespace jw::assessment {

std::unique_ptr<notify::todo::Source> MakeAppealTodoSource();

}  // namespace jw::assessment
