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
// Accepts a lower-case 'x'. Problems: "bad_length", "bad_characters", "bad_region", "bad_birth_date",
// "future_birth_date", "bad_check_character".
Status CheckIdNumber(std::string_view id, std::string_view field = "id_number");
char IdCheckCharacter(std::string_view first17);             // '0'..'9' or 'X'; input must be 17 digits
std::optional<std::string> ConvertId15To18(std::string_view id15);  // nullopt unless 15 digits with a valid date
std::optional<CivilDate> IdBirthDate(std::string_view id18);
bool IdIsMale(std::string_view id18);                          // sequence digit odd

// GA 36-2018 plate: 7-character ordinary (last may be 挂学警港澳) or 8-character new-energy (small: D|F at
// position 3; large: D|F last). Input is normalised first (NormalisePlate). Problems: "bad_length",
// "bad_province", "bad_office_letter", "bad_characters", "bad_new_energy_format".
Status CheckPlate(std::string_view plate, std::string_view field = "plate_no");
// Upper case, full-width ASCII to half-width, spaces and '·' removed. UTF-8 in and out.
std::string NormalisePlate(std::string_view plate);
// Plate kind codes (号牌种类) of GA 36: "01".."99" from the published list.
bool IsPlateKindCode(std::string_view code);

// GB/T 2260 region code: 6 digits (or 12 with township + village), province 11..82 or the fictional 51 99xx,
// prefecture and county digits in range. Structure only: the table of live codes is data. Problems:
// "bad_length", "bad_characters", "bad_province".
Status CheckRegionCode(std::string_view code, std::string_view field = "region_code");

// Mainland mobile number: 11 digits starting 13-19. Accepts a "+86" or "86" prefix. Problem: "bad_mobile".
Status CheckMobile(std::string_view phone, std::string_view field = "phone");

// Display masking (等保: personal data masked unless the role needs it whole).
std::string MaskIdNumber(std::string_view id);   // 519901********1234 (first 6, last 4)
std::string MaskPhone(std::string_view phone);   // 138****5678
std::string MaskName(std::string_view name);     // 张*, 欧阳** (first character kept; UTF-8 aware)

}  // namespace jw
