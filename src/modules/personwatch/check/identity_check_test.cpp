// The identity check (identity_check.hpp) and the offline list on SQLite and PostgreSQL: hit, miss, expired,
// withdrawn and pending entries; exactly one alert per event carrying the source and the position, for the entry's
// units and the named station; the courier's neutral instruction; name + birth date; the master index's person.
#include "personwatch/check/identity_check.hpp"

#include <gtest/gtest.h>

#include "alerts/alerts_service.hpp"
#include "alerts/sightings.hpp"
#include "community/people/people_service.hpp"
#include "personwatch/catalogue.hpp"
#include "personwatch/check/offline_list.hpp"
#include "personwatch/personwatch_keys.hpp"
#include "personwatch/personwatch_service.hpp"
#include "personwatch/personwatch_test_fixture.hpp"

namespace jw::personwatch {
namespace {

using testing::Id18;

class IdentityCheckTest : public testing::PersonWatchTest {
  protected:
    Result<CheckAnswer> Check(const CheckSubject& who, const CheckContext& ctx, int64_t at = 0) {
        Result<CheckAnswer> out = Status::Internal("not run");
        Status s = Tx([&](storage::Connection& tx) -> Status {
            out = CheckIdentity(tx, officer_p_, who, ctx, at ? at : now_);
            return out.ok() ? Status::Ok() : out.status();
        });
        return out;
    }
    static CheckSubject Number(const std::string& n) {
        CheckSubject s;
        s.id_number = n;
        return s;
    }
    static CheckContext Phone(const std::string& ref) {
        CheckContext ctx;
        ctx.source = "mobile_check";
        ctx.event_ref = ref;
        ctx.latitude = 30.61;
        ctx.longitude = 104.07;
        return ctx;
    }
    const std::string wanted_ = Id18("51990119850315123");
};

TEST_P(IdentityCheckTest, HitRaisesOneAlertPerEventWithSourceAndPosition) {
    if (!c_) return;
    const int64_t entry = Listed(Input("wanted", wanted_));
    CheckContext ctx = Phone("phone-1");
    ctx.station_unit_id = other_station_;
    auto a = Check(Number(wanted_), ctx);
    ASSERT_TRUE(a.ok()) << a.status().message();
    ASSERT_TRUE(a->hit);
    ASSERT_EQ(a->hits.size(), 1u);
    EXPECT_EQ(a->hits[0].entry_id, entry);
    EXPECT_EQ(a->hits[0].instruction, "立即控制并带回审查");
    EXPECT_EQ(a->hits[0].masked_name, "韦**");
    EXPECT_TRUE(a->reveal);
    ASSERT_GT(a->hits[0].alert_id, 0);
    auto alert = alerts::Get(*c_, a->hits[0].alert_id);
    ASSERT_TRUE(alert.ok());
    EXPECT_EQ(alert->source, "personwatch");
    EXPECT_EQ(alert->colour, "red");
    EXPECT_EQ(alert->payload.value("check_source", ""), "mobile_check");
    EXPECT_DOUBLE_EQ(alert->payload.value("latitude", 0.0), 30.61);
    EXPECT_DOUBLE_EQ(alert->payload.value("longitude", 0.0), 104.07);
    EXPECT_EQ(alert->subject.find("19850315"), std::string::npos);  // masked
    std::set<int64_t> targets;
    for (const auto& t : alert->targets) targets.insert(t.unit_id);
    EXPECT_EQ(targets, (std::set<int64_t>{centre_, other_station_}));  // notify units + the named station
    auto sightings = alerts::ListSightings(*c_, alert->id);
    ASSERT_TRUE(sightings.ok());
    ASSERT_EQ(sightings->size(), 1u);
    EXPECT_NEAR(sightings->front().latitude.value_or(0), 30.61, 1e-6);
    // The duty desks of both units were told (in-app, pushed over the WebSocket by the outbox).
    EXPECT_GE(Count("SELECT COUNT(*) FROM notifications WHERE code = 'personwatch.hit'"), 2);

    // The same event again (a retried post): the same answer, nothing new.
    auto again = Check(Number(wanted_), ctx);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->hits.at(0).alert_id, a->hits[0].alert_id);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM personwatch_hits"), 1);
    // Another event: another alert.
    auto other = Check(Number(wanted_), Phone("phone-2"));
    ASSERT_TRUE(other.ok());
    EXPECT_NE(other->hits.at(0).alert_id, a->hits[0].alert_id);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts"), 2);
}

TEST_P(IdentityCheckTest, MissWritesNothing) {
    if (!c_) return;
    Listed(Input("wanted", wanted_));
    auto a = Check(Number(Id18("51990119900101456")), Phone("p"));
    ASSERT_TRUE(a.ok()) << a.status().message();
    EXPECT_FALSE(a->hit);
    EXPECT_TRUE(a->hits.empty());
    EXPECT_EQ(a->public_instruction_zh, "");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM personwatch_hits"), 0);
}

TEST_P(IdentityCheckTest, ExpiredWithdrawnAndPendingEntriesDoNotHit) {
    if (!c_) return;
    const int64_t expiring = Listed(Input("wanted", wanted_));
    ASSERT_TRUE(Tx([&](storage::Connection& tx) { return ExpireDue(tx, now_ + 1000).status(); }).ok());
    EXPECT_FALSE(Check(Number(wanted_), Phone("a"), now_ + 1000)->hit);
    // Past valid_to even before the minute job ran: no hit either.
    const std::string second = Id18("51990119900101456");
    Listed(Input("poi", second));
    EXPECT_FALSE(Check(Number(second), Phone("b"), now_ + 1000)->hit);
    const std::string third = Id18("51990119910202789");
    const int64_t withdrawn = Listed(Input("wanted", third));
    ASSERT_TRUE(Tx([&](storage::Connection& tx) {
                    return WithdrawEntry(tx, withdrawn, officer_, "已抓获", std::nullopt, now_);
                }).ok());
    EXPECT_FALSE(Check(Number(third), Phone("c"))->hit);
    const std::string fourth = Id18("51990119920303012");
    ASSERT_TRUE(Tx([&](storage::Connection& tx) {
                    return ApplyEntry(tx, alerts::Policy::Default(), Input("wanted", fourth), officer_, now_).status();
                }).ok());
    EXPECT_FALSE(Check(Number(fourth), Phone("d"))->hit);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts"), 0);
    (void)expiring;
}

TEST_P(IdentityCheckTest, CourierGetsTheNeutralInstructionAndTheStationIsAlerted) {
    if (!c_) return;
    Listed(Input("wanted", wanted_));
    CheckContext ctx;
    ctx.source = "courier";
    ctx.event_ref = "waybill:SF123";
    ctx.station_unit_id = station_;
    ctx.place = "城关快递网点";
    auto a = Check(Number(wanted_), ctx);
    ASSERT_TRUE(a.ok()) << a.status().message();
    EXPECT_TRUE(a->hit);
    EXPECT_FALSE(a->reveal);  // data/check_sources.csv: the clerk must not learn it was a hit
    EXPECT_EQ(a->public_instruction_zh, FindCheckSource("courier")->neutral_zh);
    EXPECT_FALSE(a->public_instruction_zh.empty());
    auto alert = alerts::Get(*c_, a->hits.at(0).alert_id);
    ASSERT_TRUE(alert.ok());
    EXPECT_EQ(alert->payload.value("check_source", ""), "courier");
    EXPECT_EQ(alert->payload.value("place", ""), "城关快递网点");
    bool station = false;
    for (const auto& t : alert->targets) station = station || t.unit_id == station_;
    EXPECT_TRUE(station);
}

TEST_P(IdentityCheckTest, FifteenDigitNumberAndNameWithBirthDateFindTheEntry) {
    if (!c_) return;
    Listed(Input("wanted", wanted_, "韦志强"));
    EXPECT_TRUE(Check(Number("519901850315123"), Phone("15"))->hit);
    CheckSubject by_name;
    by_name.name = "韦志强";
    by_name.birth_date = "1985-03-15";
    EXPECT_TRUE(Check(by_name, Phone("nb"))->hit);
    by_name.birth_date = "1985-03-16";
    EXPECT_FALSE(Check(by_name, Phone("nb2"))->hit);
}

TEST_P(IdentityCheckTest, AnswerNamesTheMasterIndexPerson) {
    if (!c_) return;
    community::PersonInput p;
    p.id_number = wanted_;
    p.name = "韦志强";
    int64_t person = 0;
    ASSERT_TRUE(Tx([&](storage::Connection& tx) -> Status {
                    JW_ASSIGN_OR_RETURN(auto r, community::ResolvePerson(tx, p, officer_p_, now_));
                    person = r.person_id;
                    return Status::Ok();
                }).ok());
    Listed(Input("wanted", wanted_, "韦志强"));
    auto a = Check(Number(wanted_), Phone("mi"));
    ASSERT_TRUE(a.ok());
    EXPECT_TRUE(a->hit);
    EXPECT_EQ(a->person_id, person);
    EXPECT_EQ(a->person_masked_name, "韦**");
}

TEST_P(IdentityCheckTest, BadContextIsRefusedByField) {
    if (!c_) return;
    CheckContext ctx = Phone("x");
    ctx.source = "hotel";
    EXPECT_EQ(Check(Number(wanted_), ctx).status().fields().count("source"), 1u);
    ctx = Phone("x");
    ctx.longitude.reset();
    EXPECT_EQ(Check(Number(wanted_), ctx).status().fields().count("longitude"), 1u);
    ctx = Phone("x");
    ctx.latitude = 91;
    EXPECT_EQ(Check(Number(wanted_), ctx).status().fields().count("latitude"), 1u);
    ctx = Phone("x");
    ctx.station_unit_id = 999999;
    EXPECT_EQ(Check(Number(wanted_), ctx).status().fields().count("station_unit_id"), 1u);
    EXPECT_EQ(Check(CheckSubject{}, Phone("x")).status().fields().count("name"), 1u);
    EXPECT_EQ(Check(Number("519901198503151239"), Phone("x")).status().fields().count("id_number"), 1u);
}

TEST_P(IdentityCheckTest, OfflineListHoldsKeyedHashesOfTheWantedOnly) {
    if (!c_) return;
    Listed(Input("wanted", wanted_));
    const std::string poi = Id18("51990119900101456");
    Listed(Input("poi", poi));
    auto list = BuildOfflineList(*c_, now_);
    ASSERT_TRUE(list.ok()) << list.status().message();
    const std::string key = OfflineKey(OfflineIssue(now_));
    ASSERT_EQ(list->hashes.size(), 1u);  // data/kinds.csv: only wanted persons go offline
    EXPECT_EQ(list->hashes[0], OfflineHash(key, "resident_id", "CHN", wanted_));
    EXPECT_EQ(list->hashes[0].find(wanted_), std::string::npos);
    // The key rotates with the issue; the version follows the list.
    auto tomorrow = BuildOfflineList(*c_, now_ + kOfflineIssueSeconds);
    ASSERT_TRUE(tomorrow.ok());
    EXPECT_NE(tomorrow->key_hex, list->key_hex);
    EXPECT_NE(tomorrow->version, list->version);
    auto same = BuildOfflineList(*c_, now_ + 1);
    EXPECT_EQ(same->version, list->version);
}

INSTANTIATE_TEST_SUITE_P(Backends, IdentityCheckTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::personwatch
