// Shared set-up of the person watch list's tests (personwatch_test_fixture.hpp).
#include "personwatch/personwatch_test_fixture.hpp"

#include "alerts/alert.hpp"
#include "alerts/alerts_module.hpp"
#include "common/validators.hpp"
#include "community/community_keys.hpp"
#include "media/media_store.hpp"
#include "personwatch/personwatch_keys.hpp"
#include "personwatch/personwatch_module.hpp"
#include "personwatch/personwatch_service.hpp"

namespace jw::community::data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace jw::personwatch::testing {

std::string Id18(const std::string& first17) { return first17 + IdCheckCharacter(first17); }

void PersonWatchTest::SetUp() {
    const std::string key(32, 'k');
    community::InstallKeys(key);
    InstallKeys(key);
    auto schemas = test_support::PlatformSchemas();
    schemas.push_back({"media", &media::schema::EmbeddedFiles()});
    schemas.push_back({"community", &community::data::EmbeddedFiles()});
    schemas.push_back({"alerts", &alerts::ModuleFiles()});
    schemas.push_back({"personwatch", &ModuleFiles()});
    if (!OpenDatabase("personwatch", schemas)) return;
    centre_ = Unit("519901000100", "指挥中心", std::nullopt, "office");
    station_ = Unit("519901030100", "城关派出所", std::nullopt);
    other_station_ = Unit("519901030200", "东城派出所", std::nullopt);
    officer_ = Actor{User("officer_a", station_, "officer"), station_};
    leader_ = Actor{User("leader_a", station_, "leader"), station_};
    User("duty_a", centre_, "duty_desk");
    User("duty_b", other_station_, "duty_desk");
    officer_p_.user_id = officer_.user_id;
    officer_p_.unit_id = station_;
    officer_p_.name = "officer_a";
}

EntryInput PersonWatchTest::Input(const std::string& kind, const std::string& id_number,
                                  const std::string& name) const {
    EntryInput in;
    in.kind = kind;
    in.id_number = id_number;
    in.name = name;
    in.case_no = "示公刑立字〔2026〕101号";
    in.reason = "涉嫌抢劫罪，在逃";
    in.instruction = "立即控制并带回审查";
    in.valid_from = now_ - 10;
    in.valid_to = now_ + 1000;
    in.unit_ids = {centre_};
    return in;
}

Status PersonWatchTest::Tx(const std::function<Status(storage::Connection&)>& fn) {
    return storage::InTransaction(*c_, fn);
}

int64_t PersonWatchTest::Listed(const EntryInput& in) {
    int64_t id = 0;
    Status s = Tx([&](storage::Connection& tx) -> Status {
        JW_ASSIGN_OR_RETURN(id, ApplyEntry(tx, alerts::Policy::Default(), in, officer_, now_));
        return ApproveEntry(tx, id, leader_, std::nullopt, now_);
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return s.ok() ? id : 0;
}

}  // namespace jw::personwatch::testing
