// The data-driven deadline suite: testdata/*.txt hold scenarios a legal reviewer can read (format in
// testdata/README.md). Each scenario lists the facts of a case as dated events, the day it is looked at, and
// every clock the engine must show (or the error it must report), with the articles that justify each
// expectation in comments. Every clock the engine produces must be listed: an unexpected clock fails.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cases/deadlines/deadline_engine.hpp"

namespace jw::cases::deadlines {
namespace {

namespace fs = std::filesystem;

struct Expectation {
    std::string key;
    std::map<std::string, std::string> attrs;
    int line = 0;
};

struct Scenario {
    std::string file, title;
    int line = 0;
    CaseFacts facts;
    std::string today;
    std::vector<Expectation> clocks;
    std::string error_field;  // when the engine must refuse the facts
};

fs::path SourceDir() {
    const char* dir = std::getenv("JW_SOURCE_DIR");
    return dir ? fs::path(dir) / "src/modules/cases/deadlines" : fs::path(JW_DEADLINES_DIR);
}

std::vector<std::string> Words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// "a=b" pairs after the leading words.
std::map<std::string, std::string> Attrs(const std::vector<std::string>& words, size_t from) {
    std::map<std::string, std::string> out;
    for (size_t i = from; i < words.size(); ++i) {
        size_t eq = words[i].find('=');
        if (eq == std::string::npos) {
            ADD_FAILURE() << "expected key=value, got " << words[i];
            continue;
        }
        out[words[i].substr(0, eq)] = words[i].substr(eq + 1);
    }
    return out;
}

std::vector<Scenario> LoadAll() {
    std::vector<Scenario> all;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(SourceDir() / "testdata", ec)) {
        if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::ifstream in(path);
        std::string line;
        int n = 0;
        Scenario* cur = nullptr;
        while (std::getline(in, line)) {
            ++n;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            size_t hash = line.find('#');
            std::string body = hash == std::string::npos ? line : line.substr(0, hash);
            auto words = Words(body);
            if (words.empty()) continue;
            const std::string& head = words[0];
            if (head == "scenario:") {
                all.push_back({});
                cur = &all.back();
                cur->file = path.filename().string();
                cur->line = n;
                cur->title = body.substr(body.find(':') + 1);
                cur->facts.law = "auto";
                continue;
            }
            if (cur == nullptr) {
                ADD_FAILURE() << path << ":" << n << ": text before the first scenario:";
                continue;
            }
            if (head == "case_type:" && words.size() == 2) {
                cur->facts.case_type = words[1];
            } else if (head == "law:" && words.size() == 2) {
                cur->facts.law = words[1];
            } else if (head == "today:" && words.size() == 2) {
                cur->today = words[1];
            } else if (head == "event:" && words.size() >= 3) {
                ClockEvent e;
                e.date = words[1];
                e.kind = words[2];
                for (const auto& [k, v] : Attrs(words, 3)) {
                    if (k == "key")
                        e.clock_key = v;
                    else if (k == "days")
                        e.days = std::stoi(v);
                    else if (k == "months")
                        e.months = std::stoi(v);
                    else if (k == "reason")
                        e.reason = v;
                    else
                        ADD_FAILURE() << path << ":" << n << ": unknown event attribute " << k;
                }
                cur->facts.events.push_back(e);
            } else if (head == "expect:" && words.size() >= 2) {
                cur->clocks.push_back({words[1], Attrs(words, 2), n});
            } else if (head == "error:" && words.size() == 2) {
                cur->error_field = words[1];
            } else {
                ADD_FAILURE() << path << ":" << n << ": cannot read: " << line;
            }
        }
    }
    return all;
}

std::string Actual(const Clock& c, const std::string& attr) {
    if (attr == "due") return c.due;
    if (attr == "state") return c.state;
    if (attr == "start") return c.start;
    if (attr == "end") return c.end.empty() ? "-" : c.end;
    if (attr == "days_left") return std::to_string(c.days_left);
    if (attr == "paused") return std::to_string(c.paused_days);
    if (attr == "extensions") return std::to_string(c.extensions.size());
    if (attr == "length") return std::to_string(c.length) + c.unit;
    if (attr == "holiday_extended") return c.holiday_extended ? "yes" : "no";
    if (attr == "liberty") return c.liberty_restricting ? "yes" : "no";
    if (attr == "request_by") return c.next_extension.available ? c.next_extension.request_by : "-";
    if (attr == "next_extension") {
        return c.next_extension.available ? std::to_string(c.next_extension.length) + c.next_extension.unit : "-";
    }
    if (attr == "approver") return c.next_extension.available ? c.next_extension.approver : "-";
    if (attr == "next_basis") return c.next_extension.available ? c.next_extension.basis : "-";
    if (attr == "last_extension_basis") return c.extensions.empty() ? "-" : c.extensions.back().basis;
    if (attr == "warnings") return std::to_string(c.warnings.size());
    if (attr == "stops") return std::to_string(c.stops.size());
    if (attr == "basis") return c.basis;
    return "<unknown attribute " + attr + ">";
}

std::string Dump(const std::vector<Clock>& clocks) {
    std::ostringstream out;
    for (const auto& c : clocks) {
        out << "  " << c.key << " start=" << c.start << " due=" << c.due << " state=" << c.state
            << " days_left=" << c.days_left << " paused=" << c.paused_days << " extensions=" << c.extensions.size()
            << " length=" << c.length << c.unit << " request_by=" << Actual(c, "request_by") << "\n";
        for (const auto& t : c.trace) out << "      " << t << "\n";
    }
    return out.str();
}

class DeadlineScenario : public ::testing::TestWithParam<Scenario> {};

TEST_P(DeadlineScenario, MatchesTheLaw) {
    const Scenario& s = GetParam();
    SCOPED_TRACE(s.file + ":" + std::to_string(s.line) + " " + s.title);
    ASSERT_FALSE(s.today.empty()) << "scenario without today:";
    ASSERT_TRUE(!s.clocks.empty() || !s.error_field.empty()) << "scenario expects nothing";
    auto result = ComputeClocks(CaseRules(), DefaultHolidayCalendar(), s.facts, s.today);
    if (!s.error_field.empty()) {
        ASSERT_FALSE(result.ok()) << "expected an error on " << s.error_field << ", got clocks:\n"
                                  << Dump(result.value());
        EXPECT_EQ(result.status().fields().count(s.error_field), 1u)
            << result.status().message() << " "
            << (result.status().fields().empty()
                    ? ""
                    : result.status().fields().begin()->first + ": " + result.status().fields().begin()->second);
        return;
    }
    ASSERT_TRUE(result.ok()) << result.status().message() << " "
                             << (result.status().fields().empty() ? ""
                                                                  : result.status().fields().begin()->first + ": " +
                                                                        result.status().fields().begin()->second);
    const auto& clocks = result.value();
    EXPECT_EQ(clocks.size(), s.clocks.size()) << "clocks computed:\n" << Dump(clocks);
    for (const auto& want : s.clocks) {
        auto it = std::find_if(clocks.begin(), clocks.end(), [&](const Clock& c) { return c.key == want.key; });
        if (it == clocks.end()) {
            ADD_FAILURE() << "line " << want.line << ": no clock " << want.key << "; computed:\n" << Dump(clocks);
            continue;
        }
        for (const auto& [attr, value] : want.attrs) {
            EXPECT_EQ(Actual(*it, attr), value) << "line " << want.line << ": " << want.key << "." << attr << "\n"
                                                << Dump({*it});
        }
    }
}

std::string ScenarioName(const ::testing::TestParamInfo<Scenario>& info) {
    std::string name = info.param.file.substr(0, info.param.file.find('.')) + "_line" + std::to_string(info.param.line);
    for (auto& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Testdata, DeadlineScenario, ::testing::ValuesIn(LoadAll()), ScenarioName);

// The suite is only worth something if it is large: issue 4 asks for at least 40 scenarios.
TEST(DeadlineSuite, HasAtLeastFortyScenarios) { EXPECT_GE(LoadAll().size(), 40u); }

}  // namespace
}  // namespace jw::cases::deadlines
