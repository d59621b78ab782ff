// ImportPeopleCsv (people_csv.hpp): a million people in under a minute on this 2-core machine (issue 14, ADR
// 0046). The rows are checked exactly as before (ParsePeopleCsv, residences), then sealed and blind-indexed on
// worker threads a chunk ahead of the database, loaded in file order with the backend's bulk path (COPY on
// PostgreSQL) into a temporary table and moved into the register with ON CONFLICT DO NOTHING; a row whose
// identity was registered already is resolved one by one (ResolvePerson fills its empty fields), as before.
#include <algorithm>
#include <future>
#include <set>
#include <thread>
#include <unordered_set>

#include "community/people/people_bulk.hpp"
#include "community/people/people_csv.hpp"
#include "community/people/people_service.hpp"
#include "community/people/person_identity.hpp"
#include "storage/in_list.hpp"

namespace jw::community {
namespace {

constexpr size_t kMaxErrors = 100;
// Rows per chunk: large enough that a COPY and an INSERT … SELECT carry their fixed costs lightly, small enough
// that a chunk's sealed values (~1 KiB a row) stay a few MiB.
constexpr size_t kChunk = 16384;

struct SealedChunk {
    std::vector<storage::Params> rows;
    std::vector<std::string> indexes;
};

// Seals rows [start, end) on the machine's cores; row i of the chunk is parsed row start + i (order kept).
SealedChunk SealChunk(const ParsedPeople& parsed, size_t start, size_t end, const auth::Principal& actor, int64_t now) {
    SealedChunk out;
    out.rows.resize(end - start);
    out.indexes.resize(end - start);
    auto work = [&](size_t from, size_t to) {
        for (size_t i = from; i < to; ++i) {
            const PersonInput& in = parsed.rows[i];
            out.indexes[i - start] = IdentityIndex({in.id_kind, in.nationality, in.id_number});
            out.rows[i - start] =
                PeopleLoad::SealedRow(static_cast<int64_t>(i), NewPerson(in, actor, now), out.indexes[i - start]);
        }
    };
    const size_t workers = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
    const size_t per = (end - start + workers - 1) / workers;
    std::vector<std::future<void>> parts;
    for (size_t from = start + per; from < end; from += per)
        parts.push_back(std::async(std::launch::async, work, from, std::min(end, from + per)));
    work(start, std::min(end, start + per));
    for (auto& p : parts) p.get();  // rethrows a worker's exception (no keys installed: a broken invariant)
    return out;
}

}  // namespace

Result<PeopleImportReport> ImportPeopleCsv(storage::Connection& tx, std::string_view text, const auth::Principal& actor,
                                           int64_t now) {
    ParsedPeople parsed = ParsePeopleCsv(text);
    PeopleImportReport report;
    report.errors = std::move(parsed.errors);
    // Residences: the distinct codes, looked up a chunk of codes per query.
    std::set<std::string> distinct;
    for (const auto& p : parsed.rows)
        if (p.residence_address_id) distinct.insert(*p.residence_address_id);
    JW_ASSIGN_OR_RETURN(auto found, storage::QueryIn(tx, "SELECT code FROM community_addresses WHERE code IN @IDS@",
                                                     std::vector<std::string>(distinct.begin(), distinct.end())));
    std::unordered_set<std::string> known;
    for (const auto& r : found) known.insert(r.Str(0));
    for (size_t i = 0; i < parsed.rows.size(); ++i)
        if (parsed.rows[i].residence_address_id && !known.count(*parsed.rows[i].residence_address_id) &&
            report.errors.size() < kMaxErrors)
            report.errors.push_back({parsed.lines[i], "residence_address_id", "unknown_address"});
    report.rows = static_cast<int64_t>(parsed.rows.size());
    if (!report.errors.empty()) {
        std::sort(report.errors.begin(), report.errors.end(),
                  [](const CsvProblem& a, const CsvProblem& b) { return a.line < b.line; });
        return report;
    }
    if (parsed.rows.empty()) return report;

    JW_ASSIGN_OR_RETURN(PeopleLoad load, PeopleLoad::Begin(tx));
    const size_t n = parsed.rows.size();
    // The next chunk is sealed while this one is loaded; `next` is joined before `parsed` goes out of scope.
    std::future<SealedChunk> next =
        std::async(std::launch::async, SealChunk, std::cref(parsed), 0, std::min(n, kChunk), std::cref(actor), now);
    for (size_t start = 0; start < n; start += kChunk) {
        const size_t end = std::min(n, start + kChunk);
        SealedChunk chunk = next.get();
        if (end < n)
            next = std::async(std::launch::async, SealChunk, std::cref(parsed), end, std::min(n, end + kChunk),
                              std::cref(actor), now);
        {
            JW_ASSIGN_OR_RETURN(auto loader, load.Load());
            for (const auto& row : chunk.rows) JW_RETURN_IF_ERROR(loader->Add(row));
            JW_RETURN_IF_ERROR(loader->Finish());
        }
        JW_ASSIGN_OR_RETURN(auto inserted, load.Move());
        report.created += static_cast<int64_t>(inserted.size());
        if (inserted.size() == chunk.rows.size()) continue;
        // Registered already: filled in one by one, only their empty fields (ResolvePerson).
        const std::unordered_set<std::string> fresh(inserted.begin(), inserted.end());
        for (size_t i = start; i < end; ++i) {
            if (fresh.count(chunk.indexes[i - start])) continue;
            JW_ASSIGN_OR_RETURN(ResolveResult r, ResolvePerson(tx, parsed.rows[i], actor, now));
            ++(r.created ? report.created : report.existing);
        }
    }
    JW_RETURN_IF_ERROR(load.End());
    return report;
}

}  // namespace jw::community
