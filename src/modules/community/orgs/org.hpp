#pragma once
// Actual units (实有单位, issue 14): organisations at standard addresses, plain rows of community_orgs.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jw::community {

// enterprise | school | hospital | special_trade (特种行业) | key_unit (重点单位) | other
inline constexpr const char* kOrgKinds[] = {"enterprise", "school", "hospital", "special_trade", "key_unit", "other"};

struct Org {
    int64_t id = 0;
    std::string name;
    std::string credit_code;  // "" when the organisation has none
    std::string address_id;
    std::string kind;
    std::optional<int64_t> legal_rep_person_id, security_contact_person_id;
    std::string phone;  // in the clear in memory; sealed in the database (community_keys.hpp, ADR 0017)
    std::optional<std::string> photo_media_id;
    int64_t created_by = 0, unit_id = 0, created_at = 0, updated_at = 0;
    int64_t version = 1;
    // Read with the row: the address's full name and the two people's names (in the clear; handlers mask).
    std::string address_name, legal_rep_name, security_contact_name;
};

struct OrgFilter {
    int page = 1, page_size = 20;
    std::string q;  // part of the name, or the credit code
    std::string kind;
    std::string address_prefix;
    std::string grid_id;
    std::optional<std::vector<int64_t>> unit_scope;
};

}  // namespace jw::community
