#include "admin/audit_words.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "audit/audit_detail.hpp"
#include "auth/auth_repository.hpp"

namespace jw::admin {

namespace {

constexpr int kMaxPeople = 200;

std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool Contains(const std::string& words, const std::string& lowered_text) {
    return Lower(words).find(lowered_text) != std::string::npos;
}

std::optional<int64_t> UserIdOf(const std::string& object) {
    if (object.rfind("user:", 0) != 0 || object.size() == 5) return std::nullopt;
    int64_t id = 0;
    for (size_t i = 5; i < object.size(); ++i) {
        if (object[i] < '0' || object[i] > '9' || id > INT64_MAX / 10 - 10) return std::nullopt;
        id = id * 10 + (object[i] - '0');
    }
    return id;
}

}  // namespace

std::string ActionName(const std::string& action, Lang lang) {
    const std::string own = "audit.action." + action;
    if (HasMessage(own, lang)) return Message(own, lang);
    const auto first = action.find('.');
    const auto last = action.rfind('.');
    if (first != std::string::npos && action.find(' ') == std::string::npos) {
        const std::string module = "audit.module." + action.substr(0, first);
        const std::string verb = "audit.verb." + action.substr(last + 1);
        if (HasMessage(module, lang) && HasMessage(verb, lang))
            return Message(MessageCode("audit.action_generic"), lang,
                           {{"module", Message(module, lang)}, {"verb", Message(verb, lang)}});
    }
    return action;
}

std::string ResultName(const std::string& result, Lang lang) {
    const std::string code = "audit.result." + result;
    return HasMessage(code, lang) ? Message(code, lang) : result;
}

Result<PeopleNames> NamesOf(storage::Connection& c, const std::vector<audit::AuditRecord>& records) {
    std::set<int64_t> ids;
    for (const auto& r : records) {
        if (r.user_id > 0) ids.insert(r.user_id);
        if (auto id = UserIdOf(r.object)) ids.insert(*id);
    }
    PeopleNames out;
    for (int64_t id : ids) {
        auto u = auth::repo::GetUser(c, id);
        if (u.ok()) {
            out[id] = u->name + "（" + u->username + "）";
        } else if (u.status().code() != ErrorCode::kNotFound) {
            return u.status();
        }
    }
    return out;
}

std::string ObjectText(const std::string& object, const PeopleNames& people, Lang lang) {
    if (auto id = UserIdOf(object)) {
        auto it = people.find(*id);
        if (it != people.end()) return Message(MessageCode("audit.object.user"), lang, {{"name", it->second}});
    }
    return object;
}

Result<audit::TextMatch> MatchFor(storage::Connection& c, const std::string& text, Lang lang) {
    audit::TextMatch m;
    m.text = text;
    const std::string needle = Lower(text);
    JW_ASSIGN_OR_RETURN(auto actions, audit::DistinctActions(c));
    for (const auto& a : actions)
        if (Contains(ActionName(a, lang), needle)) m.actions.push_back(a);
    for (const auto& code : MessageCodes(lang)) {
        const bool detail = code.rfind("error.", 0) == 0 || code.rfind("audit.detail.", 0) == 0;
        if (detail && Contains(Message(code, lang), needle)) m.detail_codes.push_back(code);
    }
    for (const auto& l : audit::LegacyDetails())
        if (Contains(Message(l.code, lang), needle)) m.legacy_details.emplace_back(l.text);
    JW_ASSIGN_OR_RETURN(m.user_ids, auth::repo::FindUserIds(c, text, kMaxPeople));
    return m;
}

}  // namespace jw::admin
