#include "community/work/work_secrets.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "common/sealed_fields.hpp"

namespace jw::community {
namespace {

// The one sealing mechanism (common/sealed_fields.hpp) with the purpose "community.work": keys
// DeriveKey(master, "community.work.fields") and "community.work.blind_index".
std::unique_ptr<FieldSealer>& TheSealer() {
    static std::unique_ptr<FieldSealer> sealer;
    return sealer;
}

const FieldSealer& Installed() {
    const auto& s = TheSealer();
    if (!s) throw std::logic_error("community work: InstallWorkKeys was not called before personal data");
    return *s;
}

std::string Unblanked(std::string_view s) {
    std::string out;
    for (char ch : s)
        if (ch != ' ' && ch != '\t') out += ch;
    return out;
}

}  // namespace

void InstallWorkKeys(std::string_view master_key) {
    TheSealer() = std::make_unique<FieldSealer>(master_key, "community.work", "community work");
}

std::string SealWorkText(std::string_view plain) { return Installed().Seal(plain); }

Result<std::string> OpenWorkText(std::string_view stored) { return Installed().Open(stored); }

std::string PartiesIndex(const std::vector<Party>& parties) {
    std::vector<std::string> keys;
    for (const auto& p : parties)
        keys.push_back(p.person_id ? "p:" + std::to_string(*p.person_id) : "n:" + Unblanked(p.name));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::string joined;
    for (const auto& s : keys) joined += s + "\n";
    return Installed().BlindIndex("parties", joined);
}

}  // namespace jw::community
