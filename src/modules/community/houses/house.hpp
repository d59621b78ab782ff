#pragma once
// Actual houses (实有房屋, issue 14): plain rows of community_houses, their tenants and rental checks, and what a
// list or a form asks for. Masking and JSON are the handlers'; rules are in houses_service.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jw::community {

inline constexpr const char* kHouseUses[] = {"own", "rented", "commercial", "vacant"};  // 自住 出租 商用 空置
inline constexpr const char* kCheckResults[] = {"ok", "problems"};

struct House {
    int64_t id = 0;
    std::string address_id;  // community_addresses.code
    std::optional<int64_t> owner_person_id;
    std::string use;
    std::optional<double> area_m2;
    std::optional<std::string> photo_media_id;
    std::string notes;
    std::optional<int64_t> checked_at;  // the last rental check
    int64_t created_by = 0, unit_id = 0, created_at = 0, updated_at = 0;
    int64_t version = 1;
    // Read with the row:
    std::string address_name;  // the address's full name ("" when the code is not (yet) a standard address)
    std::string owner_name;    // in the clear: handlers mask it
    int64_t tenants_current = 0, tenants_unreported = 0;
};

// A tenancy of a rented house. reported_at: when the landlord reported the tenant (治安管理处罚法 2025 art. 68
// para. 1: the landlord registers the tenant's name and ID); NULL = not reported.
struct Tenant {
    int64_t id = 0, house_id = 0, person_id = 0;
    std::string from_date;  // YYYY-MM-DD, China dates
    std::optional<std::string> to_date;
    std::optional<int64_t> reported_at;
    int64_t recorded_by = 0, at = 0;
    std::string name;  // in the clear: handlers mask it
};

struct HouseCheck {
    int64_t id = 0, house_id = 0;
    std::string result;  // ok | problems
    std::string notes;
    int64_t checked_by = 0, at = 0;
};

struct HouseFilter {
    int page = 1, page_size = 20;
    std::string q;                                   // part of the address's full name
    std::string address_prefix;                      // an address code and everything under it
    std::string use;                                 // "" = any
    std::string grid_id;                             // the address's grid
    bool unreported = false;                         // only houses with a current tenant not reported
    std::optional<std::vector<int64_t>> unit_scope;  // nullopt = county-wide
    std::string today;                               // YYYY-MM-DD: what "current tenant" means
};

}  // namespace jw::community
