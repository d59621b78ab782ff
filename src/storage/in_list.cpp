#include "storage/in_list.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <type_traits>

namespace jw::storage {
namespace {

template <typename Key>
std::vector<Key> SortedUnique(std::vector<Key> keys) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

size_t RoundUpToPowerOfTwo(size_t n) {
    size_t p = 1;
    while (p < n) p <<= 1;
    return p;
}

template <typename Key>
std::vector<InChunk> Chunk(const std::vector<Key>& unsorted) {
    const std::vector<Key> keys = SortedUnique(unsorted);
    std::vector<InChunk> chunks;
    for (size_t from = 0; from < keys.size(); from += kInChunk) {
        const size_t to = std::min(keys.size(), from + kInChunk);
        const size_t slots = RoundUpToPowerOfTwo(to - from);
        InChunk chunk;
        chunk.list.reserve(2 * slots + 1);
        chunk.list = "(";
        chunk.params.reserve(slots);
        for (size_t i = 0; i < slots; ++i) {
            chunk.list += i ? ",?" : "?";
            chunk.params.push_back(V(keys[std::min(from + i, to - 1)]));
        }
        chunk.list += ")";
        chunks.push_back(std::move(chunk));
    }
    return chunks;
}

// `sql` with its one kIdsToken replaced by `list`. A missing token is a programming error.
std::string WithList(std::string_view sql, const std::string& list) {
    const size_t at = sql.find(kIdsToken);
    if (at == std::string_view::npos || sql.find(kIdsToken, at + 1) != std::string_view::npos)
        throw std::logic_error("IN-list SQL must contain " + std::string(kIdsToken) + " exactly once");
    std::string out(sql.substr(0, at));
    out += list;
    out += sql.substr(at + kIdsToken.size());
    return out;
}

Params Joined(const Params& before, const Params& chunk, const Params& after) {
    Params all;
    all.reserve(before.size() + chunk.size() + after.size());
    all.insert(all.end(), before.begin(), before.end());
    all.insert(all.end(), chunk.begin(), chunk.end());
    all.insert(all.end(), after.begin(), after.end());
    return all;
}

template <typename Key>
Result<Rows> Query(Connection& c, std::string_view sql, const std::vector<Key>& keys, const Params& before,
                   const Params& after) {
    Rows all;
    for (const InChunk& chunk : Chunk(keys)) {
        auto rows = c.Query(WithList(sql, chunk.list), Joined(before, chunk.params, after));
        if (!rows.ok()) return rows.status();
        all.insert(all.end(), std::make_move_iterator(rows->begin()), std::make_move_iterator(rows->end()));
    }
    return all;
}

template <typename Key>
std::string Filter(Dialect dialect, std::string_view column, const std::vector<Key>& keys, Params& params,
                   bool one_param = false) {
    if (keys.empty()) return "(1 = 0)";
    const std::vector<Key> unique = SortedUnique(keys);
    if (unique.size() <= kInChunk && !one_param) {
        InChunk chunk = std::move(Chunk(unique).front());
        params.insert(params.end(), chunk.params.begin(), chunk.params.end());
        return std::string(column) + " IN " + chunk.list;
    }
    // Too many for placeholders in one statement: one JSON array parameter, expanded by the database.
    params.push_back(V(nlohmann::json(unique).dump()));
    constexpr bool kInteger = std::is_same_v<Key, int64_t>;
    if (dialect == Dialect::kSqlite) return std::string(column) + " IN (SELECT value FROM json_each(?))";
    return std::string(column) + (kInteger ? " IN (SELECT CAST(value AS BIGINT)" : " IN (SELECT value") +
           " FROM json_array_elements_text(CAST(? AS JSON)))";
}

}  // namespace

std::string InFilterOneParam(Dialect dialect, std::string_view column, const std::vector<std::string>& keys,
                             Params& params) {
    return Filter(dialect, column, keys, params, true);
}

std::vector<InChunk> InChunks(const std::vector<int64_t>& keys) { return Chunk(keys); }
std::vector<InChunk> InChunks(const std::vector<std::string>& keys) { return Chunk(keys); }

Result<Rows> QueryIn(Connection& c, std::string_view sql, const std::vector<int64_t>& keys, const Params& before,
                     const Params& after) {
    return Query(c, sql, keys, before, after);
}

Result<Rows> QueryIn(Connection& c, std::string_view sql, const std::vector<std::string>& keys, const Params& before,
                     const Params& after) {
    return Query(c, sql, keys, before, after);
}

Status ExecIn(Connection& c, std::string_view sql, const std::vector<int64_t>& keys, const Params& before,
              const Params& after) {
    for (const InChunk& chunk : Chunk(keys))
        JW_RETURN_IF_ERROR(c.Exec(WithList(sql, chunk.list), Joined(before, chunk.params, after)));
    return Status::Ok();
}

std::string InFilter(Dialect dialect, std::string_view column, const std::vector<int64_t>& keys, Params& params) {
    return Filter(dialect, column, keys, params);
}

std::string InFilter(Dialect dialect, std::string_view column, const std::vector<std::string>& keys, Params& params) {
    return Filter(dialect, column, keys, params);
}

}  // namespace jw::storage
