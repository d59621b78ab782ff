#include "notify/todo.hpp"

#include <algorithm>

#include "common/civil_time.hpp"

namespace jw::notify::todo {

void Registry::Add(std::unique_ptr<Source> source) {
    std::lock_guard lock(mu_);
    std::erase_if(sources_, [&](const auto& s) { return s->Kind() == source->Kind(); });
    sources_.push_back(std::move(source));
}

std::vector<const Source*> Registry::List() const {
    std::lock_guard lock(mu_);
    std::vector<const Source*> out;
    for (const auto& s : sources_) out.push_back(s.get());
    std::sort(out.begin(), out.end(), [](const Source* a, const Source* b) {
        return a->Order() != b->Order() ? a->Order() < b->Order() : a->Kind() < b->Kind();
    });
    return out;
}

Registry& ServingRegistry() {
    static Registry registry;
    return registry;
}

Result<Json> Summary(storage::Connection& c, const Registry& registry, const auth::Principal& reader, int64_t now,
                     bool with_entries, std::string_view only_kind, int limit) {
    Json items = Json::array();
    int64_t total = 0;
    for (const Source* s : registry.List()) {
        if (!s->Applies(reader)) continue;
        if (!only_kind.empty() && s->Kind() != only_kind) continue;
        JW_ASSIGN_OR_RETURN(const int64_t count, s->Count(c, reader, now));
        Json item = {{"kind", std::string(s->Kind())}, {"count", count}, {"link", std::string(s->Link())}};
        if (with_entries) {
            Json entries = Json::array();
            if (count > 0) {
                JW_ASSIGN_OR_RETURN(auto list, s->List(c, reader, now, limit));
                for (const auto& e : list)
                    entries.push_back({{"id", e.id},
                                       {"title", e.title},
                                       {"detail", e.detail},
                                       {"since", e.since ? Json(FormatUtcIso(e.since)) : Json(nullptr)},
                                       {"due", e.due.empty() ? Json(nullptr) : Json(e.due)},
                                       {"link", e.link}});
            }
            item["entries"] = entries;
        }
        total += count;
        items.push_back(item);
    }
    return Json{{"items", items}, {"total", total}};
}

}  // namespace jw::notify::todo
