#include "community/work/work_secrets.hpp"

#include <algorithm>
#include <stdexcept>

#include "common/crypto.hpp"
#include "common/sealed_field.hpp"

namespace jw::community {
namespace {

struct Keys {
    std::string fields, blind_index;
    bool installed = false;
};

Keys& TheKeys() {
    static Keys keys;
    return keys;
}

const Keys& Installed() {
    const Keys& k = TheKeys();
    if (!k.installed) throw std::logic_error("community work: InstallWorkKeys was not called before personal data");
    return k;
}

std::string Unblanked(std::string_view s) {
    std::string out;
    for (char ch : s)
        if (ch != ' ' && ch != '\t') out += ch;
    return out;
}

}  // namespace

void InstallWorkKeys(std::string_view master_key) {
    Keys& k = TheKeys();
    k.fields = DeriveKey(master_key, "community.work.fields");
    k.blind_index = DeriveKey(master_key, "community.work.blind_index");
    k.installed = true;
}

std::string SealWorkText(std::string_view plain) { return SealWithKey(Installed().fields, plain); }

Result<std::string> OpenWorkText(std::string_view stored) {
    return OpenWithKey(Installed().fields, stored, "community work");
}

std::string PartiesIndex(const std::vector<Party>& parties) {
    const Keys& k = Installed();
    std::vector<std::string> keys;
    for (const auto& p : parties)
        keys.push_back(p.person_id ? "p:" + std::to_string(*p.person_id) : "n:" + Unblanked(p.name));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::string joined;
    for (const auto& s : keys) joined += s + "\n";
    return HmacSm3Hex(k.blind_index, joined);
}

}  // namespace jw::community
