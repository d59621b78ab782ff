#include "community/orgs/credit_code.hpp"

#include <cctype>

namespace jw::community {
namespace {

constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

}  // namespace

std::string NormaliseCreditCode(std::string_view text) {
    std::string out;
    for (char ch : text) {
        if (ch == ' ' || ch == '\t') continue;
        out.push_back(char(std::toupper(uint8_t(ch))));
    }
    return out;
}

char CreditCodeCheckCharacter(std::string_view first17) {
    if (first17.size() < 17) return '\0';
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const size_t v = kCharset.find(first17[i]);
        if (v == std::string_view::npos) return '\0';
        sum += int(v) * kWeights[i];
    }
    const int c = 31 - sum % 31;
    return kCharset[c == 31 ? 0 : c];
}

Status CheckCreditCode(std::string_view code, std::string_view field) {
    auto bad = [field](const char* problem) {
        return Status(ErrorCode::kInvalidArgument, "not a unified social credit code", {{std::string(field), problem}});
    };
    if (code.size() != 18) return bad("bad_length");
    for (char ch : code)
        if (kCharset.find(ch) == std::string_view::npos) return bad("bad_charset");
    for (size_t i = 2; i < 8; ++i)
        if (!std::isdigit(uint8_t(code[i]))) return bad("bad_region");
    if (CreditCodeCheckCharacter(code) != code[17]) return bad("bad_check_character");
    return Status::Ok();
}

}  // namespace jw::community
