#include "property/keys.hpp"

#include <cstdlib>
#include <memory>
#include <mutex>

#include "common/crypto.hpp"

namespace jw::property {
namespace {
std::mutex mu;
std::shared_ptr<const std::string> chain_key;
std::shared_ptr<const FieldSealer> sealer;
}  // namespace

void InstallKeys(std::string_view master) {
    std::lock_guard<std::mutex> lock(mu);
    chain_key = std::make_shared<const std::string>(DeriveKey(master, "property.chain"));
    sealer = std::make_shared<const FieldSealer>(master, "property", "property_items");
}

const std::string& ChainKey() {
    std::lock_guard<std::mutex> lock(mu);
    if (!chain_key) std::abort();
    return *chain_key;
}

const FieldSealer& Sealer() {
    std::lock_guard<std::mutex> lock(mu);
    if (!sealer) std::abort();
    return *sealer;
}

}  // namespace jw::property
