#pragma once
// 110 dispatch's lines of the to-do centre (notify/todo.hpp): callbacks waiting for the desk (dispatch.callback),
// reviews of unsatisfied callbacks waiting for a leader (dispatch.review), and work orders sent to the reader's
// department and not yet accepted (dispatch.workorder, an external account: its own organisation's only).

#include <memory>
#include <vector>

#include "notify/todo.hpp"

namespace jw::dispatch {

std::vector<std::unique_ptr<notify::todo::Source>> MakeTodoSources();

}  // namespace jw::dispatch
