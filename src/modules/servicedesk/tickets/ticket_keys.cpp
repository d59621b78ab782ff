// The centre's keys (ticket_keys.hpp).
#include "servicedesk/tickets/ticket_keys.hpp"

#include <optional>
#include <stdexcept>

#include "common/crypto.hpp"

namespace jw::servicedesk {
namespace {

struct Keys {
    FieldSealer sealer;
    std::string query_code;
};

std::optional<Keys>& TheKeys() {
    static std::optional<Keys> keys;
    return keys;
}

const Keys& Installed() {
    if (!TheKeys()) throw std::logic_error("servicedesk: InstallKeys was not called before personal data was used");
    return *TheKeys();
}

}  // namespace

void InstallKeys(std::string_view master_key) {
    TheKeys().emplace(Keys{FieldSealer(master_key, "servicedesk", "servicedesk_tickets"),
                           DeriveKey(master_key, "servicedesk.query_code")});
}

const FieldSealer& Sealer() { return Installed().sealer; }

std::string PhoneIndex(std::string_view phone) { return Sealer().BlindIndex("phone", NormalisePhone(phone)); }

std::string IdIndex(std::string_view id_number) { return Sealer().BlindIndex("id", NormaliseIdNumber(id_number)); }

std::string QueryCodeHash(std::string_view ticket_no, std::string_view code) {
    std::string v(ticket_no);
    v.append("|").append(code);
    return HmacSm3Hex(Installed().query_code, v);
}

std::string NewQueryCode() {
    static constexpr char kAlphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";  // no 0/O, 1/I/L
    const std::string bytes = RandomBytes(8);
    std::string out;
    for (unsigned char b : bytes) out.push_back(kAlphabet[b % (sizeof kAlphabet - 1)]);
    return out;
}

}  // namespace jw::servicedesk
