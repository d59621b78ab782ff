#pragma once
// A person of the actual population (实有人口, issue 14): one row of community_people, with its personal fields
// in the clear (they are sealed only at rest, by the repository). JSON names are the schema's, except
// residence_address_id = residence_code (the standard address code, community_addresses.code).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jw::community {

// Identity documents. resident_id = 居民身份证 (GB 11643, 18 characters; 15-digit numbers are converted);
// hk_macao_permit = 港澳居民来往内地通行证, taiwan_permit = 台湾居民来往大陆通行证 (both nationality CHN);
// passport and foreign_permanent (外国人永久居留身份证) with the holder's nationality (ISO 3166 alpha-3).
inline constexpr const char* kIdKinds[] = {"resident_id", "passport", "hk_macao_permit", "taiwan_permit",
                                           "foreign_permanent"};
// 户籍 / 流动 / 境外.
inline constexpr const char* kCategories[] = {"household", "floating", "overseas"};
// present = lives here; moved_out after a move out; deceased is set by an edit.
inline constexpr const char* kStatuses[] = {"present", "moved_out", "deceased"};

// What a caller gives to register (or find) a person. Empty strings and nullopt mean "not given".
struct PersonInput {
    std::string id_kind = "resident_id";
    std::string id_number;
    std::string nationality;  // "" = CHN for the Chinese documents; required for passport / foreign_permanent
    std::string name;
    std::string sex;         // male | female; derived from a resident ID when empty, checked against it otherwise
    std::string birth_date;  // YYYY-MM-DD; likewise
    std::string ethnicity;
    std::string hukou_address;
    std::optional<std::string> residence_address_id;
    std::string category;  // household | floating | overseas; "" = household (resident ID) or overseas (others)
    std::vector<std::string> phones;
    std::optional<std::string> photo_media_id;
    std::string permit_no;                      // 居住证 number
    std::optional<std::string> permit_expires;  // YYYY-MM-DD
};

struct Person {
    int64_t id = 0;
    std::string id_kind, id_number, nationality;  // id_number normalised (18 characters for resident IDs)
    std::string name, sex, birth_date, ethnicity, hukou_address;
    std::optional<std::string> residence_address_id;
    std::string category;
    std::vector<std::string> phones;
    std::optional<std::string> photo_media_id;
    std::string permit_no;
    std::optional<std::string> permit_expires;
    std::string status = "present";
    int64_t collected_by = 0, unit_id = 0;
    int64_t created_at = 0, updated_at = 0;
    int version = 1;
};

struct ResolveResult {
    int64_t person_id = 0;
    bool created = false;
    int version = 1;
};

}  // namespace jw::community
