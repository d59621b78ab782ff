#include "community/community_keys.hpp"

#include <optional>
#include <stdexcept>

namespace jw::community {
namespace {
std::optional<FieldSealer>& TheSealer() {
    static std::optional<FieldSealer> sealer;
    return sealer;
}
}  // namespace

void InstallKeys(std::string_view master_key) { TheSealer().emplace(master_key, "community", "community_people"); }

const FieldSealer& Sealer() {
    const auto& s = TheSealer();
    if (!s) throw std::logic_error("community: InstallKeys was not called before personal data was used");
    return *s;
}

}  // namespace jw::community
