#pragma once
// The community work part's line of the to-do centre (notify/todo.hpp, issue 13): open tasks assigned to the
// reader (community.work.write: they report them done), soonest due first. Link /community/work/tasks.
#include <memory>

#include "notify/todo.hpp"

namespace jw::community {

std::unique_ptr<notify::todo::Source> MakeTaskTodoSource();

}  // namespace jw::community
