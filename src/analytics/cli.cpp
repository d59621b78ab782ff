#include "analytics/cli.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>

#include "analytics/csv_loader.hpp"
#include "analytics/query_json.hpp"
#include "analytics/store.hpp"
#include "common/json_util.hpp"

namespace jw::analytics {
namespace {

template <typename LoadFn>
bool LoadFile(Store& store, const std::string& what, const std::string& path, LoadFn load, std::ostream& out,
              std::ostream& err) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err << what << ": cannot open " << path << "\n";
        return false;
    }
    LoadReport report;
    Status st = load(store, in, &report, LoadOptions{});
    for (const auto& e : report.errors) out << what << ": line " << e.line << ": " << e.message << "\n";
    if (report.rows_rejected > report.errors.size()) {
        out << what << ": (" << report.rows_rejected - report.errors.size() << " more rejected rows not listed)\n";
    }
    const double rate = report.seconds > 0 ? static_cast<double>(report.rows_loaded) / report.seconds : 0;
    out << what << ": " << report.rows_loaded << " rows loaded, " << report.rows_rejected << " rows rejected, "
        << static_cast<uint64_t>(rate) << " rows/s\n";
    if (!st.ok()) {
        err << what << ": " << st.message() << "\n";
        return false;
    }
    return true;
}

}  // namespace

int RunLoadCommand(const std::string& data_dir, const std::string& checkpoints_file, const std::string& passes_file,
                   std::ostream& out, std::ostream& err) {
    auto store = Store::Open(data_dir);
    if (!store.ok()) {
        err << "analytics: " << store.status().message() << "\n";
        return 1;
    }
    bool ok = true;
    if (!checkpoints_file.empty())
        ok = LoadFile(**store, "checkpoints", checkpoints_file, LoadCheckpointsCsv, out, err);
    if (ok && !passes_file.empty()) ok = LoadFile(**store, "passes", passes_file, LoadPassesCsv, out, err);
    const StoreStats s = (*store)->Stats();
    out << "store: " << s.passes << " passes, " << s.plates << " plates, " << s.checkpoints << " checkpoints\n";
    return ok ? 0 : 1;
}

namespace {

void WriteReply(Result<Json> reply, int64_t us, std::ostream& out) {
    if (reply.ok()) {
        Json j = std::move(reply).value();
        j["elapsed_us"] = us;
        out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
    } else {
        const Status st = reply.status();
        Json e = {{"code", ErrorCodeName(st.code())}, {"message", st.message()}};
        if (!st.fields().empty()) e["fields"] = st.fields();
        out << Json{{"error", std::move(e)}}.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
    }
}

}  // namespace

int RunQueryCommand(const std::string& data_dir, std::istream& in, std::ostream& out, std::ostream& err, size_t batch) {
    auto store = Store::Open(data_dir);
    if (!store.ok()) {
        err << "analytics: " << store.status().message() << "\n";
        return 1;
    }
    batch = std::max<size_t>(1, batch);
    std::string line;
    bool more = true;
    while (more) {
        // Parse up to `batch` lines; bad JSON keeps its slot so replies stay in input order.
        std::vector<Result<Json>> parsed;
        while (parsed.size() < batch && (more = static_cast<bool>(std::getline(in, line)))) {
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            parsed.push_back(ParseJsonObject(line));
        }
        if (parsed.empty()) break;
        std::vector<Json> requests;
        for (const auto& p : parsed) requests.push_back(p.ok() ? *p : Json(nullptr));
        std::vector<int64_t> us;
        const auto t0 = std::chrono::steady_clock::now();
        auto replies = batch == 1 && parsed[0].ok()
                           ? std::vector<Result<Json>>{RunQuery((*store)->GetSnapshot(), requests[0])}
                           : RunBatch((*store)->GetSnapshot(), requests, {}, &us);
        if (us.empty()) {
            us.push_back(
                std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count());
        }
        for (size_t i = 0; i < parsed.size(); ++i) {
            WriteReply(parsed[i].ok() ? std::move(replies[i]) : Result<Json>(parsed[i].status()), us[i], out);
        }
        out.flush();
    }
    return 0;
}

void AddAnalyticsCommands(CLI::App& app) {
    CLI::App* analytics = app.add_subcommand("analytics", "vehicle-pass engine: load passes, run analyses");
    analytics->require_subcommand(1);

    struct LoadArgs {
        std::string data, checkpoints, passes;
    };
    auto load_args = std::make_shared<LoadArgs>();
    CLI::App* load = analytics->add_subcommand("load", "append checkpoints and passes (CSV) durably");
    load->add_option("--data", load_args->data, "store directory")->required();
    load->add_option("--checkpoints", load_args->checkpoints, "checkpoint_id,name,longitude,latitude CSV");
    load->add_option("--passes", load_args->passes,
                     "plate_no,plate_color,checkpoint_id,pass_time,direction,lane_no,speed CSV");
    load->callback([load_args]() {
        const int rc = RunLoadCommand(load_args->data, load_args->checkpoints, load_args->passes, std::cout, std::cerr);
        if (rc != 0) throw CLI::RuntimeError(rc);
    });

    struct QueryArgs {
        std::string data;
        size_t batch = 1;
    };
    auto query_args = std::make_shared<QueryArgs>();
    CLI::App* query = analytics->add_subcommand("query", "one JSON query per stdin line, one JSON reply per line");
    query->add_option("--data", query_args->data, "store directory")->required();
    query->add_option("--batch", query_args->batch, "lines read and run in parallel at a time (default 1)");
    query->callback([query_args]() {
        const int rc = RunQueryCommand(query_args->data, std::cin, std::cout, std::cerr, query_args->batch);
        if (rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace jw::analytics
