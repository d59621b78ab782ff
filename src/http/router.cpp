#include "http/router.hpp"

#include "common/text.hpp"
#include "http/params.hpp"

namespace jw::http {

std::vector<std::string> SplitPath(const std::string& path) { return SplitNonEmpty(path, '/'); }

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
            if (!pattern[k].empty() && pattern[k][0] == ':')
                found[pattern[k].substr(1)] = parts[k];
            else
                ok = pattern[k] == parts[k];
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

// Both kept for the handlers that use them; the rules and the problem keys are those of http/params.hpp.
Status Request::Paging(int* page, int* page_size) const {
    JW_ASSIGN_OR_RETURN(Page p, QueryPage(*this));
    *page = p.page;
    *page_size = p.page_size;
    return Status::Ok();
}

Result<int64_t> Request::IdParam(const std::string& name) const { return PathId(*this, name); }

}  // namespace jw::http
