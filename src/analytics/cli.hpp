#pragma once
// `jingwu analytics …` commands (the lead links jw_analytics_cli into the jingwu binary and calls
// jw::analytics::AddAnalyticsCommands(app) in main):
//   analytics load --data DIR [--checkpoints FILE] [--passes FILE]
//       appends durably; prints rows loaded, rows rejected (each with its line number) and the rate.
//       Exit 0 when every good row was stored (rejected rows do not change that), 1 on a bad header or
//       a store error.
//   analytics query --data DIR
//       one JSON query per stdin line → one JSON reply per stdout line with "elapsed_us"; a bad line gets
//       {"error":{"code","message","fields"}} and the loop goes on. Exit 1 only if the store cannot open.
//       --batch N reads up to N lines before answering and runs them on all cores (RunBatch), replies still
//       in input order; the default 1 answers each line as soon as it is read (interactive use).

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace jw::analytics {

void AddAnalyticsCommands(CLI::App& app);

// The command bodies, callable from tests.
int RunLoadCommand(const std::string& data_dir, const std::string& checkpoints_file, const std::string& passes_file,
                   std::ostream& out, std::ostream& err);
int RunQueryCommand(const std::string& data_dir, std::istream& in, std::ostream& out, std::ostream& err,
                    size_t batch = 1);

}  // namespace jw::analytics
