// Person register benchmark (issue 14, ADR 0032, ADR 0046): on one database (SQLite file or PostgreSQL URL), N
// people (default 1,000,000; the demo generator) written to a CSV file, then imported the way
// `jingwu community import --kind people FILE` does it (the file read, ImportPeopleCsv in one transaction: checks,
// SM4 sealing and HMAC-SM3 blind indexes on worker threads, the backend's bulk load, dedupe by identity), then L
// lookups by ID number (FindPersonByIdNumber) with p50/p99. Side by side, the same file loaded the way someone
// would without Jingwu: `sqlite3 DB .import` or `psql \copy` into a plain table of text columns with the ID number
// in the clear and an index on it, looked up with the same queries. Prints wall and CPU seconds (this process
// and its children; on a local PostgreSQL also the server's — every server process, from /proc — and our own
// backend's alone) and the ratios. Lookups: wall p50/p99 and, because the machine is shared and wall time then
// measures the neighbours, the CPU time of each lookup on this thread (p50/p99; on SQLite that is the whole
// lookup) and the mean CPU per lookup of this process plus, on PostgreSQL, of our backend.
// Not a test: figures depend on the machine. Usage: jw_people_bench DB_URL [people] [lookups]
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "common/crypto.hpp"
#include "common/csv.hpp"
#include "community/community_keys.hpp"
#include "community/people/demo_people.hpp"
#include "community/people/people_csv.hpp"
#include "community/people/people_service.hpp"
#include "storage/migrations.hpp"

namespace jw::community::data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

using Clock = std::chrono::steady_clock;
using jw::storage::V;

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// CPU seconds of this process so far (user + system): on a shared machine the wall clock says more about the
// neighbours than about the code, so both are printed. PostgreSQL's own CPU is not included.
double CpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// CPU seconds of the child processes waited for (the sqlite3 / psql tools).
double ChildCpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// CPU seconds of a local PostgreSQL server so far: its postmaster (the parent of our backend) with the children
// it reaped, plus the children alive now (backends, WAL writer, checkpointer). -1 when /proc does not show it
// (a remote server).
double ProcCpu(const std::string& pid, bool with_reaped) {
    std::ifstream f("/proc/" + pid + "/stat");
    std::string line;
    if (!std::getline(f, line)) return -1;
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    std::vector<std::string> v;
    for (std::string x; rest >> x;) v.push_back(x);
    if (v.size() < 15) return -1;
    // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    double ticks = std::stod(v[11]) + std::stod(v[12]) + (with_reaped ? std::stod(v[13]) + std::stod(v[14]) : 0);
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}
std::string ParentOf(const std::string& pid) {
    std::ifstream f("/proc/" + pid + "/stat");
    std::string line;
    if (!std::getline(f, line)) return "";
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    std::string state, ppid;
    rest >> state >> ppid;
    return ppid;
}
double ServerCpuSeconds(const std::string& postmaster) {
    if (postmaster.empty()) return -1;
    double total = ProcCpu(postmaster, true);
    if (total < 0) return -1;
    for (const auto& e : std::filesystem::directory_iterator("/proc")) {
        const std::string pid = e.path().filename().string();
        if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
        if (ParentOf(pid) == postmaster) total += std::max(0.0, ProcCpu(pid, false));
    }
    return total;
}

// CPU seconds of one process (our PostgreSQL backend), -1 when /proc does not show it.
double BackendCpuSeconds(const std::string& backend) { return backend.empty() ? -1 : ProcCpu(backend, false); }

// CPU seconds this thread has used: the part of one lookup done in this process, not disturbed by waiting for the
// CPU as the wall clock is.
double ThreadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

std::string ShellQuote(const std::string& s) {
    std::string out = "'";
    for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return out + "'";
}

struct Percentiles {
    double p50 = 0, p99 = 0;
};
Percentiles Of(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]};
}

int Die(const jw::Status& s, const char* what) {
    std::fprintf(stderr, "%s: %s\n", what, s.message().c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DB_URL [people] [lookups]\n", argv[0]);
        return 2;
    }
    const std::string url = argv[1];
    const int n = argc > 2 ? std::atoi(argv[2]) : 1000000;
    const int lookups = argc > 3 ? std::atoi(argv[3]) : 10000;
    auto db = jw::storage::Database::Open(url);
    if (!db.ok()) return Die(db.status(), "open");
    const bool sqlite = (*db)->dialect() == jw::storage::Dialect::kSqlite;
    auto lease = (*db)->Acquire();
    if (!lease.ok()) return Die(lease.status(), "connect");
    jw::storage::Connection& c = **lease;
    auto applied = jw::storage::ApplyMigrations(
        c, jw::storage::MigrationsFromFiles("community", (*db)->dialect(), jw::community::data::EmbeddedFiles()));
    if (!applied.ok()) return Die(applied.status(), "migrate");
    jw::community::InstallKeys(jw::RandomBytes(16));
    std::string postmaster, backend;
    if (!sqlite) {
        auto pid = c.QueryOne("SELECT pg_backend_pid()");
        if (pid.ok()) {
            backend = pid->Str(0);
            postmaster = ParentOf(backend);
        }
    }

    // The input file, as an officer's export would give it (no residences: addresses are not what is measured).
    const int64_t now = 1790000000;
    const auto people = jw::community::DemoPeople(n, {}, {{1, 1}}, now);
    const std::string columns =
        "id_kind,id_number,nationality,name,sex,birth_date,category,phones,permit_no,permit_expires";
    {
        std::string csv = columns + "\n";
        for (const auto& p : people) {
            csv += p.id_kind + "," + p.id_number + "," + p.nationality + "," + jw::CsvField(p.name) + "," + p.sex +
                   "," + p.birth_date + "," + p.category + "," + (p.phones.empty() ? "" : p.phones[0]) + "," +
                   p.permit_no + "," + p.permit_expires.value_or("") + "\n";
        }
        std::ofstream(std::filesystem::temp_directory_path() / "jw_people_bench.csv", std::ios::binary) << csv;
    }
    const std::string file = (std::filesystem::temp_directory_path() / "jw_people_bench.csv").string();
    jw::auth::Principal actor;
    actor.user_id = 1;
    actor.unit_id = 1;

    // Jingwu: what the CLI does (read the file, one transaction), minus the one audit record.
    const double cpu0 = CpuSeconds(), srv0 = ServerCpuSeconds(postmaster), be0 = BackendCpuSeconds(backend);
    const auto t0 = Clock::now();
    jw::community::PeopleImportReport report;
    std::string text;
    {
        std::ifstream in(file, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    jw::Status s = jw::storage::InTransaction(c, [&](jw::storage::Connection& tx) -> jw::Status {
        JW_ASSIGN_OR_RETURN(report, jw::community::ImportPeopleCsv(tx, text, actor, now));
        return report.errors.empty() ? jw::Status::Ok() : jw::Status::Invalid("file", report.errors[0].problem);
    });
    const auto t1 = Clock::now();
    const double import_cpu = CpuSeconds() - cpu0, import_srv = ServerCpuSeconds(postmaster) - srv0;
    const double import_be = BackendCpuSeconds(backend) - be0;
    if (!s.ok()) return Die(s, "import");
    text.clear();
    text.shrink_to_fit();

    // What a user would pick instead: the database's own CSV loader into a plain table, ID number in the clear
    // and indexed, in one transaction, durable as Jingwu's (SQLite: WAL, synchronous=FULL).
    std::string plain_columns;
    for (size_t at = 0; at < columns.size();) {
        size_t end = columns.find(',', at);
        if (end == std::string::npos) end = columns.size();
        plain_columns += (plain_columns.empty() ? "" : ", ") + columns.substr(at, end - at) + " TEXT";
        at = end + 1;
    }
    const std::string create = "DROP TABLE IF EXISTS bench_plain_people; CREATE TABLE bench_plain_people (" +
                               plain_columns +
                               "); CREATE INDEX bench_plain_people_id ON bench_plain_people (id_number);";
    std::string command;
    if (sqlite) {
        const std::string path = url.substr(std::string("sqlite:").size());
        command = "printf '%s\\n' " + ShellQuote("PRAGMA journal_mode=WAL;") + " " +
                  ShellQuote("PRAGMA synchronous=FULL;") + " " + ShellQuote(create) + " " + ShellQuote(".mode csv") +
                  " " + ShellQuote(".import --skip 1 " + file + " bench_plain_people") + " | sqlite3 " +
                  ShellQuote(path) + " >/dev/null";
    } else {
        command = "PGOPTIONS='-c client_min_messages=warning' psql -q -v ON_ERROR_STOP=1 " + ShellQuote(url) + " -c " +
                  ShellQuote(create) + " -c " +
                  ShellQuote("\\copy bench_plain_people FROM " + ShellQuote(file) + " WITH (FORMAT csv, HEADER true)") +
                  " >/dev/null";
    }
    const double child0 = ChildCpuSeconds(), srv2 = ServerCpuSeconds(postmaster);
    const auto t2 = Clock::now();
    const int rc = std::system(command.c_str());
    const auto t3 = Clock::now();
    const double plain_cpu = ChildCpuSeconds() - child0, plain_srv = ServerCpuSeconds(postmaster) - srv2;
    std::filesystem::remove(file);
    if (rc != 0) {
        std::fprintf(stderr, "plain load failed (%d): %s\n", rc, command.c_str());
        return 1;
    }
    auto plain_rows = c.QueryOne("SELECT COUNT(*) FROM bench_plain_people");
    if (!plain_rows.ok()) return Die(plain_rows.status(), "plain count");

    // The same people looked up both ways, each way in its own loop so that its CPU (ours and our backend's) can
    // be told apart.
    std::mt19937 rnd(14);
    std::vector<size_t> picks(lookups);
    for (auto& k : picks) k = rnd() % people.size();
    std::vector<double> sealed_ms, plain_ms, sealed_cpu_ms, plain_cpu_ms;
    int found = 0;
    const double lc0 = CpuSeconds(), lb0 = BackendCpuSeconds(backend);
    for (size_t k : picks) {
        const auto& p = people[k];
        // Resident IDs looked up as officers type them: lower-case x.
        std::string typed = p.id_number;
        if (!typed.empty() && typed.back() == 'X') typed.back() = 'x';
        const double c0 = ThreadCpuSeconds();
        auto a = Clock::now();
        auto r = jw::community::FindPersonByIdNumber(c, p.id_kind, typed, p.nationality);
        auto b = Clock::now();
        sealed_cpu_ms.push_back((ThreadCpuSeconds() - c0) * 1000);
        if (r.ok() && r->has_value()) ++found;
        sealed_ms.push_back(Seconds(a, b) * 1000);
    }
    const double lc1 = CpuSeconds(), lb1 = BackendCpuSeconds(backend);
    for (size_t k : picks) {
        const auto& p = people[k];
        const double c0 = ThreadCpuSeconds();
        auto a = Clock::now();
        auto q = c.Query("SELECT * FROM bench_plain_people WHERE id_number = ?", {V(p.id_number)});
        auto b = Clock::now();
        plain_cpu_ms.push_back((ThreadCpuSeconds() - c0) * 1000);
        plain_ms.push_back(Seconds(a, b) * 1000);
        if (!q.ok()) return Die(q.status(), "plain lookup");
    }
    const double lc2 = CpuSeconds(), lb2 = BackendCpuSeconds(backend);
    const double per = 1e6 / std::max(1, lookups);  // seconds for all lookups -> microseconds per lookup
    const Percentiles ps = Of(sealed_ms), pp = Of(plain_ms), cs = Of(sealed_cpu_ms), cp = Of(plain_cpu_ms);
    const double import_s = Seconds(t0, t1), plain_s = Seconds(t2, t3);
    double load[3] = {0, 0, 0};
    (void)getloadavg(load, 3);
    std::printf(
        "backend %s, %d people (%lld new, %lld rows in the plain table), %d lookups (%d found); load "
        "average %.1f on %ld CPUs\n",
        sqlite ? "sqlite" : "postgres", n, static_cast<long long>(report.created),
        static_cast<long long>(plain_rows->Int(0)), lookups, found, load[0], sysconf(_SC_NPROCESSORS_ONLN));
    const char* alt = sqlite ? "sqlite3 .import (clear, indexed)" : "psql \\copy (clear, indexed)";
    auto srv = [&](double v) {
        return v < 0 ? std::string("-") : std::to_string(v).substr(0, std::to_string(v).find('.') + 2);
    };
    std::printf("%-36s %9s %9s %9s %9s %11s %11s\n", "", "wall s", "cpu s", "server s", "backend s", "lookup p50",
                "lookup p99");
    std::printf("%-36s %9.1f %9.1f %9s %9s %9.3fms %9.3fms\n", "Jingwu import (sealed, blind index)", import_s,
                import_cpu, sqlite ? "-" : srv(import_srv).c_str(), sqlite ? "-" : srv(import_be).c_str(), ps.p50,
                ps.p99);
    std::printf("%-36s %9.1f %9.1f %9s %9s %9.3fms %9.3fms\n", alt, plain_s, plain_cpu,
                sqlite ? "-" : srv(plain_srv).c_str(), "-", pp.p50, pp.p99);
    std::printf("%-36s %8.1fx %8.1fx %8s %10.1fx %10.1fx\n", "ratio Jingwu / plain", import_s / plain_s,
                import_cpu / plain_cpu,
                sqlite || import_srv < 0 || plain_srv <= 0 ? "-" : (srv(import_srv / plain_srv) + "x").c_str(),
                ps.p50 / pp.p50, ps.p99 / pp.p99);
    std::printf("lookup CPU: this thread p50 / p99 per lookup; mean per lookup of this process (+ our backend)\n");
    std::printf("%-36s %7.3fms %7.3fms %7.0fus%s\n", "Jingwu FindPersonByIdNumber", cs.p50, cs.p99, (lc1 - lc0) * per,
                sqlite || lb0 < 0 ? "" : (" + " + std::to_string(static_cast<int>((lb1 - lb0) * per)) + "us").c_str());
    std::printf("%-36s %7.3fms %7.3fms %7.0fus%s\n", "plain SELECT by id_number", cp.p50, cp.p99, (lc2 - lc1) * per,
                sqlite || lb0 < 0 ? "" : (" + " + std::to_string(static_cast<int>((lb2 - lb1) * per)) + "us").c_str());
    // Targets on CPU as well as wall: on a machine shared with others the wall clock includes waiting for a core.
    const double import_cpu_total = import_cpu + (sqlite || import_srv < 0 ? 0 : import_srv);
    if (n >= 1000000)
        std::printf(
            "targets: import < 60 s: wall %s, CPU (ours + server) %.1f s %s; lookup p99 < 5 ms: wall %s, "
            "thread CPU %s\n",
            import_s < 60 ? "met" : "NOT met", import_cpu_total, import_cpu_total < 60 ? "met" : "NOT met",
            ps.p99 < 5 ? "met" : "NOT met", cs.p99 < 5 ? "met" : "NOT met");
    else
        std::printf("targets are for 1,000,000 people; this run had %d\n", n);
    (void)c.ExecScript("DROP TABLE bench_plain_people");  // a leftover table is harmless: the next run drops it
    return 0;
}
