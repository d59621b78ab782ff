#include "community/people/people_queries.hpp"

#include <map>

#include "community/people/people_repository.hpp"
#include "community/people/person_identity.hpp"

namespace jw::community {
namespace {

using storage::V;

// LIKE pattern of a prefix, with the wildcards of the text escaped.
std::string PrefixPattern(const std::string& text) {
    std::string out;
    for (char ch : text) {
        if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "%";
}

}  // namespace

Result<std::pair<std::vector<PersonRow>, int64_t>> ListPeople(storage::Connection& c, const PeopleFilter& f) {
    std::string where = " WHERE 1 = 1";
    storage::Params params;
    if (!f.q.empty()) {
        auto id = NormaliseIdentity("resident_id", f.q, "");
        if (id.ok()) {
            where += " AND p.id_index = ?";
            params.push_back(V(IdentityIndex(*id)));
        } else {
            where += " AND p.name LIKE ? ESCAPE '\\'";
            params.push_back(V(PrefixPattern(f.q)));
        }
    }
    if (!f.address_id.empty()) {
        where += " AND (p.residence_code = ? OR p.residence_code LIKE ? ESCAPE '\\')";
        params.push_back(V(f.address_id));
        params.push_back(V(PrefixPattern(f.address_id + "-")));
    }
    if (!f.grid_id.empty()) {
        where += " AND p.residence_code IN (SELECT code FROM community_addresses WHERE grid_id = ?)";
        params.push_back(V(f.grid_id));
    }
    if (!f.category.empty()) {
        where += " AND p.category = ?";
        params.push_back(V(f.category));
    }
    if (!f.status.empty()) {
        where += " AND p.status = ?";
        params.push_back(V(f.status));
    }
    if (f.permit_expires_before) {
        where += " AND p.permit_expires IS NOT NULL AND p.permit_expires <= ?";
        params.push_back(V(*f.permit_expires_before));
    }
    JW_ASSIGN_OR_RETURN(storage::Row total, c.QueryOne("SELECT COUNT(*) FROM community_people p" + where, params));
    storage::Params page_params = params;
    page_params.push_back(V(static_cast<int64_t>(f.page_size)));
    page_params.push_back(V(static_cast<int64_t>(f.page - 1) * f.page_size));
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query(std::string(kPersonSelect) + where + " ORDER BY p.id DESC LIMIT ? OFFSET ?", page_params));
    std::vector<PersonRow> out;
    std::string codes;
    storage::Params code_params;
    for (const auto& r : rows) {
        JW_ASSIGN_OR_RETURN(Person p, PersonFromRow(r));
        if (p.residence_address_id) {
            codes += codes.empty() ? "?" : ", ?";
            code_params.push_back(V(*p.residence_address_id));
        }
        out.push_back({std::move(p), ""});
    }
    if (!codes.empty()) {
        JW_ASSIGN_OR_RETURN(
            auto names,
            c.Query("SELECT code, full_name FROM community_addresses WHERE code IN (" + codes + ")", code_params));
        std::map<std::string, std::string> by_code;
        for (const auto& n : names) by_code[n.Str(0)] = n.Str(1);
        for (auto& row : out)
            if (row.person.residence_address_id) row.residence_name = by_code[*row.person.residence_address_id];
    }
    return std::make_pair(std::move(out), total.Int(0));
}

Result<std::string> AddressName(storage::Connection& c, const std::string& code) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT full_name FROM community_addresses WHERE code = ?", {V(code)}));
    return rows.empty() ? std::string() : rows[0].Str(0);
}

}  // namespace jw::community
