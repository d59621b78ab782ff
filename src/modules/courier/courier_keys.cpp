#include "courier/courier_keys.hpp"

#include <memory>
#include <stdexcept>

namespace jw::courier {
namespace {
std::unique_ptr<FieldSealer> g_sealer, g_api;
}

void InstallKeys(std::string_view master_key) {
    g_sealer = std::make_unique<FieldSealer>(master_key, "courier", "courier_records");
    g_api = std::make_unique<FieldSealer>(master_key, "courier.api", "courier_companies");
}

const FieldSealer& Sealer() {
    if (!g_sealer) throw std::logic_error("courier: keys not installed");
    return *g_sealer;
}

const FieldSealer& ApiKeySealer() {
    if (!g_api) throw std::logic_error("courier: keys not installed");
    return *g_api;
}

}  // namespace jw::courier
