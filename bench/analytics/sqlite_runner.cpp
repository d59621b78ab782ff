// SQLite's side of the benchmark. Schema and indexes, chosen for the six queries:
//   checkpoints(no INTEGER PRIMARY KEY, id, name, lon, lat) — `no` is the rank of id in byte order, so the
//     passes table stores a small integer and ORDER BY cp is the contract's checkpoint order;
//   passes(plate TEXT, plate_color, cp INTEGER, t INTEGER unix seconds, direction, lane, speed) with three
//   covering indexes:
//     (plate, t, cp)  trajectory, cloned (window by plate ordered by t, cp), night (group by plate) and the
//                     first_seen lookback probe;
//     (cp, t, plate)  companion (each target pass's checkpoint ± window), collision, first_seen by checkpoint;
//     (t, plate, cp)  first_seen's new passes over all checkpoints.
// Loading: one prepared INSERT in transactions of 100 k rows, WAL with synchronous=NORMAL (durable at each
// commit like Jingwu's fdatasync per batch), indexes built after the load; all of it counts as ingest time.

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "common/civil_time.hpp"
#include "query_log.hpp"
#include "runner.hpp"
#include "sqlite_db.hpp"
#include "sqlite_queries.hpp"

namespace jw::bench {
namespace {

std::vector<std::string_view> Split(std::string_view line) {
    std::vector<std::string_view> f;
    for (size_t pos = 0;;) {
        const size_t comma = line.find(',', pos);
        f.push_back(line.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
        if (comma == std::string_view::npos) return f;
        pos = comma + 1;
    }
}

int64_t Int(std::string_view s) { return std::stoll(std::string(s)); }

Status LoadCheckpoints(sqlite3* db, const std::string& path, SqliteCatalog* cat) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    std::vector<std::vector<std::string>> rows;
    while (std::getline(in, line)) {
        std::vector<std::string> r;
        for (auto f : Split(line)) r.emplace_back(f);
        if (r.size() != 4) return Status::Internal("bad checkpoint line: " + line);
        rows.push_back(std::move(r));
    }
    std::sort(rows.begin(), rows.end());
    SqlStmt ins(db, "INSERT INTO checkpoints VALUES (?1, ?2, ?3, ?4, ?5)");
    for (size_t i = 0; i < rows.size(); ++i) {
        cat->cp_no[rows[i][0]] = static_cast<int>(i);
        ins.Bind(1, static_cast<int64_t>(i)).Bind(2, rows[i][0]).Bind(3, rows[i][1]);
        ins.Bind(4, std::stod(rows[i][2])).Bind(5, std::stod(rows[i][3]));
        ins.Step();
        ins.Reset();
    }
    return ins.status();
}

Status LoadPasses(sqlite3* db, const std::string& path, const SqliteCatalog& cat, uint64_t* rows) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    std::getline(in, line);
    SqlStmt ins(db, "INSERT INTO passes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    JW_RETURN_IF_ERROR(Exec(db, "BEGIN"));
    while (std::getline(in, line)) {
        const auto f = Split(line);
        auto cp = cat.cp_no.find(std::string(f[2]));
        if (f.size() != 7 || cp == cat.cp_no.end()) return Status::Internal("bad pass line: " + line);
        ins.Bind(1, f[0]).Bind(2, Int(f[1])).Bind(3, static_cast<int64_t>(cp->second));
        ins.Bind(4, *ParseChinaTime(f[3])).Bind(5, Int(f[4])).Bind(6, Int(f[5])).Bind(7, Int(f[6]));
        ins.Step();
        ins.Reset();
        if (++*rows % 100000 == 0) {
            JW_RETURN_IF_ERROR(ins.status());
            JW_RETURN_IF_ERROR(Exec(db, "COMMIT; BEGIN"));
        }
    }
    JW_RETURN_IF_ERROR(ins.status());
    return Exec(db, "COMMIT");
}

}  // namespace

Status RunSqlite(const RunPaths& paths) {
    std::filesystem::remove_all(paths.work);
    std::filesystem::create_directories(paths.work);
    const std::string file = paths.work + "/passes.sqlite";
    sqlite3* raw = nullptr;
    if (sqlite3_open(file.c_str(), &raw) != SQLITE_OK) return Status::Internal("cannot open " + file);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, &sqlite3_close);
    JW_RETURN_IF_ERROR(Exec(db.get(),
                            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-524288; "
                            "PRAGMA temp_store=MEMORY;"));
    JW_RETURN_IF_ERROR(Exec(db.get(),
                            "CREATE TABLE checkpoints(no INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT, "
                            "lon REAL, lat REAL); "
                            "CREATE TABLE passes(plate TEXT NOT NULL, plate_color INTEGER, cp INTEGER NOT NULL, "
                            "t INTEGER NOT NULL, direction INTEGER, lane INTEGER, speed INTEGER);"));
    SqliteCatalog cat;
    JW_RETURN_IF_ERROR(LoadCheckpoints(db.get(), paths.data + "/checkpoints.csv", &cat));
    uint64_t rows = 0;
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = CpuSeconds();
    JW_RETURN_IF_ERROR(LoadPasses(db.get(), paths.data + "/passes.csv", cat, &rows));
    const double insert_s = SecondsSince(t0);
    JW_RETURN_IF_ERROR(Exec(db.get(),
                            "CREATE INDEX passes_plate ON passes(plate, t, cp); "
                            "CREATE INDEX passes_cp ON passes(cp, t, plate); "
                            "CREATE INDEX passes_t ON passes(t, plate, cp); ANALYZE; "
                            "PRAGMA wal_checkpoint(TRUNCATE);"));
    const double ingest_s = SecondsSince(t0), ingest_cpu_s = CpuSeconds() - c0;
    JW_RETURN_IF_ERROR(
        RunQueries(paths.data, paths.answers, [&](const Json& q) { return SqliteQuery(db.get(), cat, q); }));
    const uint64_t bytes = std::filesystem::file_size(file);
    return WriteJson(paths.stats, {{"engine", "sqlite"},
                                   {"version", sqlite3_libversion()},
                                   {"rows", rows},
                                   {"ingest_s", ingest_s},
                                   {"ingest_cpu_s", ingest_cpu_s},
                                   {"bytes", bytes},
                                   {"bytes_detail", {{"insert_s", insert_s}, {"database_file", bytes}}}});
}

}  // namespace jw::bench
