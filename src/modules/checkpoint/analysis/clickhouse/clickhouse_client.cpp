#include "checkpoint/analysis/clickhouse/clickhouse_client.hpp"

#include <cstdio>

namespace jw::checkpoint::clickhouse {
namespace {

std::string UrlEncode(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace

Client::Client(std::string url, std::string host, int port, std::string user, std::string password)
    : url_(std::move(url)),
      host_(std::move(host)),
      port_(port),
      user_(std::move(user)),
      password_(std::move(password)) {}

Result<std::unique_ptr<Client>> Client::Open(const std::string& url, std::string user, std::string password) {
    std::string host;
    int port = 0;
    JW_RETURN_IF_ERROR(demo::ParseHttpUrl(url, &host, &port));
    return std::unique_ptr<Client>(new Client(url, host, port, std::move(user), std::move(password)));
}

Result<std::string> Client::Post(const std::string& query_param, const std::string& body, const std::string& settings) {
    std::unique_ptr<demo::HttpClient> http;
    {
        std::lock_guard lock(mu_);
        if (!idle_.empty()) {
            http = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (!http) http = std::make_unique<demo::HttpClient>(host_, port_);
    std::string path = "/?database=default";
    if (!query_param.empty()) path += "&query=" + UrlEncode(query_param);
    if (!settings.empty()) path += "&" + settings;
    // Credentials in headers, never in the URL (server logs keep URLs).
    std::map<std::string, std::string> headers = {{"X-ClickHouse-User", user_}};
    if (!password_.empty()) headers["X-ClickHouse-Key"] = password_;
    auto r = http->Send("POST", path, headers, body);
    if (!r.ok()) return Status::Internal("clickhouse " + url_ + ": " + r.status().message());
    if (r->status != 200) {
        std::string msg = r->body.substr(0, 600);
        while (!msg.empty() && (msg.back() == '\n' || msg.back() == '\r')) msg.pop_back();
        return Status::Internal("clickhouse " + url_ + ": HTTP " + std::to_string(r->status) + ": " + msg);
    }
    std::lock_guard lock(mu_);
    if (idle_.size() < 8) idle_.push_back(std::move(http));
    return std::move(r->body);
}

Result<std::string> Client::Query(const std::string& sql, const std::string& settings) {
    return Post("", sql, settings);
}

Status Client::Insert(const std::string& table, const std::string& rows, const std::string& settings) {
    if (rows.empty()) return Status::Ok();
    auto r = Post("INSERT INTO " + table + " FORMAT TabSeparated", rows, settings);
    return r.ok() ? Status::Ok() : r.status();
}

std::string Quote(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string UnescapeTsv(std::string_view s) {
    if (s.find('\\') == std::string_view::npos) return std::string(s);
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        const char n = s[++i];
        out += n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n == '0' ? '\0' : n;
    }
    return out;
}

std::vector<std::vector<std::string_view>> SplitTsv(std::string_view body) {
    std::vector<std::vector<std::string_view>> rows;
    size_t pos = 0;
    while (pos < body.size()) {
        size_t eol = body.find('\n', pos);
        if (eol == std::string_view::npos) eol = body.size();
        std::string_view line = body.substr(pos, eol - pos);
        pos = eol + 1;
        auto& row = rows.emplace_back();
        for (size_t f = 0;;) {
            const size_t tab = line.find('\t', f);
            row.push_back(line.substr(f, tab == std::string_view::npos ? std::string_view::npos : tab - f));
            if (tab == std::string_view::npos) break;
            f = tab + 1;
        }
    }
    return rows;
}

}  // namespace jw::checkpoint::clickhouse
