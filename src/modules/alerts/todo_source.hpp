#pragma once
// The alerts' line of the to-do centre: alerts to sign for (todo_source.cpp). Added once from the module's Start.

#include <memory>

#include "common/civil_time.hpp"
#include "notify/todo.hpp"

namespace jw::alerts {

std::unique_ptr<notify::todo::Source> MakeTodoSource();

}  // namespace jw::alerts
