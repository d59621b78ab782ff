#pragma once
// A ClickHouse HTTP-interface client (https://clickhouse.com/docs/en/interfaces/http): SQL in a POST body,
// TabSeparated rows back. Speaks through the checkpoint demo part's minimal HTTP/1.1 client (no new dependency;
// docs/adr/0067-province-on-clickhouse.md). Keeps a few keep-alive connections for concurrent callers.
// Thread-safe.

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "checkpoint/demo/demo_http_client.hpp"
#include "common/status.hpp"

namespace jw::checkpoint::clickhouse {

class Client {
  public:
    // url: "http://host:port". Errors: InvalidArgument "url".
    static Result<std::unique_ptr<Client>> Open(const std::string& url, std::string user = "default",
                                                std::string password = "");

    // Runs one statement; returns the body (TabSeparated rows for a SELECT). `settings` are URL parameters
    // ("name=value&…", already encoded). Errors: Internal naming the server and its exception text.
    Result<std::string> Query(const std::string& sql, const std::string& settings = "");
    // INSERT INTO `table` FORMAT TabSeparated with `rows` as the data. Errors: as Query.
    Status Insert(const std::string& table, const std::string& rows, const std::string& settings = "");

    const std::string& url() const { return url_; }

  private:
    Client(std::string url, std::string host, int port, std::string user, std::string password);
    Result<std::string> Post(const std::string& query_param, const std::string& body, const std::string& settings);

    std::string url_, host_;
    int port_;
    std::string user_, password_;
    std::mutex mu_;
    std::vector<std::unique_ptr<demo::HttpClient>> idle_;
};

// SQL string literal of `s` ('…' with \ and ' escaped).
std::string Quote(std::string_view s);
// One TabSeparated field of a String column is written with storage::AppendTabEscaped (tab_text.hpp); this reads
// one back (ClickHouse's escapes \t \n \r \0 and \ before any other character).
std::string UnescapeTsv(std::string_view s);
// Splits a TabSeparated body into rows of fields (still escaped).
std::vector<std::vector<std::string_view>> SplitTsv(std::string_view body);

}  // namespace jw::checkpoint::clickhouse
