#pragma once
// For the deadline tests: a clock event of `kind` on `date` (YYYY-MM-DD), for the person or item `key`.

#include <string>
#include <utility>

#include "cases/deadlines/deadline_engine.hpp"

namespace jw::cases::deadlines {

inline ClockEvent Ev(std::string kind, std::string date, std::string key = "") {
    ClockEvent e;
    e.kind = std::move(kind);
    e.date = std::move(date);
    e.clock_key = std::move(key);
    return e;
}

}  // namespace jw::cases::deadlines
