#pragma once
// The centre's data files: the six intake channels (data/channels.csv: whether a channel carries an external
// reference — 12345's work order number —, whether it is the public form, which time-limit family applies), the
// categories (data/categories.csv: which name a unit concerned), and the time-limit rules (data/time_limits.csv,
// timelimits engine). Read once; a broken shipped file is a build defect the tests catch. Thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "timelimits/engine.hpp"
#include "timelimits/rule_set.hpp"

namespace jw::servicedesk {

const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles();
// An embedded data file by name (aborts when it is not embedded: a build defect).
std::string_view DataFile(std::string_view name);
// Its rows after the header (comment lines "#" skipped), only those with `columns` fields.
std::vector<std::vector<std::string>> DataRows(std::string_view name, size_t columns);

struct Channel {
    std::string code, name_zh, name_en;
    bool external_ref = false;  // a transfer with the other platform's reference (12345)
    bool public_form = false;   // the website / WeChat form (SMS-code login)
    std::string time_family;    // family of time_limits.csv
    std::string basis;
};

struct Category {
    std::string code, name_zh, name_en;
    bool needs_unit = false;  // a complaint names the unit concerned
};

const std::vector<Channel>& Channels();
const Channel* FindChannel(std::string_view code);
const std::vector<Category>& Categories();
const Category* FindCategory(std::string_view code);
std::vector<std::string> ChannelCodes();
std::vector<std::string> CategoryCodes();

const timelimits::RuleSet& TimeLimitRules();
const timelimits::Vocabulary& TimeLimitWords();

}  // namespace jw::servicedesk
