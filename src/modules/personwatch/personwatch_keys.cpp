// The person watch list's keys (personwatch_keys.hpp).
#include "personwatch/personwatch_keys.hpp"

#include <optional>
#include <stdexcept>

#include "common/crypto.hpp"

namespace jw::personwatch {
namespace {

struct Keys {
    FieldSealer sealer;
    std::string offline_root;
};

std::optional<Keys>& TheKeys() {
    static std::optional<Keys> keys;
    return keys;
}

const Keys& Installed() {
    const auto& k = TheKeys();
    if (!k) throw std::logic_error("personwatch: InstallKeys was not called before personal data was used");
    return *k;
}

}  // namespace

void InstallKeys(std::string_view master_key) {
    TheKeys().emplace(Keys{FieldSealer(master_key, "personwatch", "personwatch_entries"),
                           DeriveKey(master_key, "personwatch.offline")});
}

const FieldSealer& Sealer() { return Installed().sealer; }

std::string IdIndex(std::string_view id_kind, std::string_view nationality, std::string_view number) {
    std::string v;
    v.append(id_kind).append("|").append(nationality).append("|").append(number);
    return Sealer().BlindIndex("id", v);
}

std::string NameBirthIndex(std::string_view name, std::string_view birth_date) {
    std::string n;
    for (char ch : name)
        if (ch != ' ' && ch != '\t') n.push_back(ch);
    if (n.empty() || birth_date.empty()) return "";
    return Sealer().BlindIndex("name_birth", n + "|" + std::string(birth_date));
}

int64_t OfflineIssue(int64_t now) { return now / kOfflineIssueSeconds; }

std::string OfflineKey(int64_t issue) { return HmacSm3(Installed().offline_root, "issue:" + std::to_string(issue)); }

}  // namespace jw::personwatch
