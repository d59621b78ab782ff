#pragma once
// Validators for identifiers the platform reads from people and devices. Pure functions, thread-safe.
// Each Check* returns Ok or an InvalidArgument Status whose `fields` names `field` with the problem
// (a stable English key such as "bad_check_character", translated by the web UI).

#include <optional>
#include <string>
#include <string_view>

#include "common/civil_time.hpp"
#include "common/status.hpp"

namespace jw {

// GB 11643-1999 citizen ID number: 18 characters, region + birth date + sequence + ISO 7064 MOD 11-2 check.
// Accepts a lower-case 'x'. Only the province digits of the region are checked ("bad_region"): retired
// prefecture and county codes stay valid because people keep their numbers. Problems: "bad_length",
// "bad_characters", "bad_region", "bad_birth_date", "future_birth_date" (after today in China),
// "bad_check_character"; the first one found, in that order.
Status CheckIdNumber(std::string_view id, std::string_view field = "id_number");
// '0'..'9' or 'X'. Input must be 17 digits; anything else is a caller bug and throws std::invalid_argument.
char IdCheckCharacter(std::string_view first17);
std::optional<std::string> ConvertId15To18(std::string_view id15);  // nullopt unless 15 digits with a valid date
std::optional<CivilDate> IdBirthDate(std::string_view id18);        // nullopt unless 18 long with a real date
bool IdIsMale(std::string_view id18);  // sequence digit (17th character) odd; false if it is not a digit

// GA 36-2018 plate: 7-character ordinary (last may be 挂学警港澳) or 8-character new-energy (small: D|F at
// position 3; large: D|F last). Serial characters are [A-HJ-NP-Z0-9]; the office letter is A-Z but not I.
// Input is normalised first (NormalisePlate). Problems: "bad_length", "bad_province", "bad_office_letter",
// "bad_characters" (also malformed UTF-8), "bad_new_energy_format".
Status CheckPlate(std::string_view plate, std::string_view field = "plate_no");
// Upper case, full-width ASCII to half-width, spaces (ASCII, ideographic, no-break) and '·' (with its
// look-alikes • ・ ･) removed. UTF-8 in and out; malformed bytes pass through unchanged.
std::string NormalisePlate(std::string_view plate);
// Plate kind codes (号牌种类) of GA 36: 01-08, 13-16, 20, 22-24, 26, 27, 31-33, 41-43, 51, 52, 99.
bool IsPlateKindCode(std::string_view code);

// GB/T 2260 region code: 6 digits (or 12 with township + village), province 11-15, 21-23, 31-37, 41-46,
// 50-54, 61-65, 71, 81, 82; prefecture 00-70 or 90, or the fictional demo prefecture 5199 (county 519901);
// county digits other than 00 need prefecture digits other than 00. Township and village digits are not
// checked. Structure only: the table of live codes is data. Problems: "bad_length", "bad_characters",
// "bad_province", "bad_prefecture", "bad_county".
Status CheckRegionCode(std::string_view code, std::string_view field = "region_code");

// Mainland mobile number: 11 digits starting 13-19. Accepts a "+86" or "86" prefix. Problem: "bad_mobile".
Status CheckMobile(std::string_view phone, std::string_view field = "phone");

// Display masking (等保: personal data masked unless the role needs it whole). One '*' per hidden character,
// UTF-8 aware. Text too short to hide anything between the kept ends is starred whole.
std::string MaskIdNumber(std::string_view id);  // 519901********1234 (first 6, last 4)
std::string MaskPhone(std::string_view phone);  // 138****5678 (first 3, last 4; a +86 or 86 prefix is kept)
std::string MaskName(std::string_view name);    // 张*, 欧*** for 欧阳明月 (first character kept)

}  // namespace jw
