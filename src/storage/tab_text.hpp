#pragma once
// One field of the tab-separated text formats that bulk loads are written in: PostgreSQL's COPY text format
// (bulk_load.cpp) and ClickHouse's TabSeparated (checkpoint/analysis/clickhouse). Both read the same escapes:
// backslash, tab, newline and carriage return are written as \\ \t \n \r; every other byte (UTF-8 included) as is.
// NULL is not a field value here (COPY writes it as \N itself). Thread-safe (pure).

#include <string>
#include <string_view>

namespace jw::storage {

// Appends `s` escaped to `out`.
void AppendTabEscaped(std::string& out, std::string_view s);

}  // namespace jw::storage
