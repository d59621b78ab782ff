#pragma once
// 督办 / 催办 of a case (issue 13). Plain data.

#include <cstdint>
#include <string>
#include <vector>

namespace jw::cases::urging {

struct Urging {
    int64_t id = 0;
    int64_t case_id = 0;
    int64_t parent_id = 0;  // 0: a 督办; else the 督办 this 催办 reminds of
    std::string message;
    std::string due_date;  // YYYY-MM-DD (China date) for a 督办; "" for a 催办
    int64_t issued_by = 0;
    std::string issued_by_name;
    int64_t issued_at = 0;
    std::vector<int64_t> recipients;
    std::string answer;
    int64_t answered_by = 0;
    std::string answered_by_name;
    int64_t answered_at = 0;
};

}  // namespace jw::cases::urging
