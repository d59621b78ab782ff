#include "http/router.hpp"

#include <charconv>

namespace jw::http {

std::vector<std::string> SplitPath(const std::string& path) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        if (end > start) out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

void Router::Add(Route route) {
    segments_.push_back(SplitPath(route.pattern));
    routes_.push_back(std::move(route));
}

const Route* Router::Match(const std::string& method, const std::string& path,
                           std::map<std::string, std::string>* params, bool* method_mismatch) const {
    const auto parts = SplitPath(path);
    *method_mismatch = false;
    for (size_t i = 0; i < routes_.size(); ++i) {
        const auto& pattern = segments_[i];
        if (pattern.size() != parts.size()) continue;
        std::map<std::string, std::string> found;
        bool ok = true;
        for (size_t k = 0; k < parts.size() && ok; ++k) {
            if (!pattern[k].empty() && pattern[k][0] == ':') found[pattern[k].substr(1)] = parts[k];
            else ok = pattern[k] == parts[k];
        }
        if (!ok) continue;
        if (routes_[i].method != method) {
            *method_mismatch = true;
            continue;
        }
        *params = std::move(found);
        return &routes_[i];
    }
    return nullptr;
}

std::string Request::Query(const std::string& name, const std::string& fallback) const {
    auto it = query.find(name);
    return it == query.end() ? fallback : it->second;
}

namespace {
std::optional<int64_t> ToInt(const std::string& s) {
    int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}
}  // namespace

Status Request::Paging(int* page, int* page_size) const {
    *page = 1;
    *page_size = 20;
    if (auto it = query.find("page"); it != query.end()) {
        auto v = ToInt(it->second);
        if (!v || *v < 1 || *v > 1000000) return Status::Invalid("page", "out_of_range");
        *page = static_cast<int>(*v);
    }
    if (auto it = query.find("page_size"); it != query.end()) {
        auto v = ToInt(it->second);
        if (!v || *v < 1 || *v > 200) return Status::Invalid("page_size", "out_of_range");
        *page_size = static_cast<int>(*v);
    }
    return Status::Ok();
}

Result<int64_t> Request::IdParam(const std::string& name) const {
    auto it = params.find(name);
    auto v = it == params.end() ? std::nullopt : ToInt(it->second);
    if (!v || *v < 1) return Status::Invalid(name, "bad_format");
    return *v;
}

}  // namespace jw::http
