#include "checkpoint/checkpoint_test_fixture.hpp"

#include <gtest/gtest.h>

#include "alerts/alerts_module.hpp"
#include "checkpoint/checkpoint_module.hpp"

namespace jw::checkpoint::testing {

std::vector<test_support::Schema> CheckpointSchemas(bool with_audit) {
    auto schemas = test_support::PlatformSchemas(with_audit);
    schemas.push_back({"alerts", &alerts::ModuleFiles()});
    schemas.push_back({"checkpoint", &ModuleFiles()});
    return schemas;
}

Device Gate(const std::string& id, const std::string& name) {
    Device d;
    d.id = id;
    d.kind = "tollgate";
    d.name = name;
    d.longitude = 104.1;
    d.latitude = 30.6;
    d.place_code = "519901";
    d.category = "40";
    return d;
}

TempHub::TempHub() {
    HubOptions options;
    options.dir = dir_.path();
    options.sync = false;
    options.retention_days = 0;
    auto hub = PassHub::Open(options);
    if (hub.ok())
        hub_ = std::move(hub).value();
    else
        ADD_FAILURE() << "opening the pass hub: " << hub.status().message();
}

}  // namespace jw::checkpoint::testing
