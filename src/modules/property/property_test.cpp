// The property module on SQLite and PostgreSQL: the rules from data files (review dates, photos), the custody chain
// (every movement, the refusals, tamper detection by VerifyChains), scope (another unit's scan, an unknown QR),
// disposal with approval, reminders exactly once, the overdue-return alert, the entry rate from a known data set,
// the stocktake. Articles: 公安机关办理行政案件程序规定 (程序规定) 第一百一十二条, 第一百八十九条 to 第一百九十七条.
#include <gtest/gtest.h>

#include "cases/case_test_fixture.hpp"
#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "media/media_store.hpp"
#include "property/custody/custody_chain.hpp"
#include "property/disposal/property_reminders.hpp"
#include "property/items/property_service.hpp"
#include "property/keys.hpp"
#include "property/labels/labels.hpp"
#include "storage/migrations.hpp"
#include "test_support/database_test.hpp"

namespace jw::alerts::data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace jw::property {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

using storage::V;

// 2026-03-02 10:00 China time (a Monday).
constexpr int64_t kNow = 1772416800;

class PropertyTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        db_ = cases::testing::OpenFresh(GetParam(), "property");
        if (!db_) GTEST_SKIP() << GetParam() << " not available";
        auto lease = db_->Acquire();
        ASSERT_TRUE(lease.ok());
        lease_ = std::make_unique<storage::Database::Lease>(std::move(lease).value());
        c_ = &**lease_;
        for (const auto& [module, files] :
             std::vector<std::pair<std::string, const std::vector<std::pair<std::string_view, std::string_view>>*>>{
                 {"media", &media::schema::EmbeddedFiles()},
                 {"alerts", &alerts::data::EmbeddedFiles()},
                 {"property", &data::EmbeddedFiles()}}) {
            auto applied = storage::ApplyMigrations(*c_, storage::MigrationsFromFiles(module, c_->dialect(), *files));
            ASSERT_TRUE(applied.ok()) << module << ": " << applied.status().message();
        }
        InstallKeys(std::string(16, 'k'));
        auto county = cases::testing::SeedCounty(*c_);
        ASSERT_TRUE(county.ok());
        k_ = *county;
        officer_a_ = cases::testing::Officer(k_, k_.officer_a, k_.station_a);
        officer_b_ = cases::testing::Officer(k_, k_.officer_b, k_.station_b);
        custodian_ = officer_a_;
        custodian_.permissions = {"property.custody", "property.dispose.request", "property.read"};
        leader_ = cases::testing::Leader(k_);
        leader_.permissions = {"property.dispose.approve"};
        store_a_ = *repo::InsertStore(*c_, Store{0, k_.station_a, "", "城关派出所保管室", "station"}, kNow);
        store_b_ = *repo::InsertStore(*c_, Store{0, k_.station_b, "", "东城派出所保管室", "station"}, kNow);
        room_a_ = *repo::InsertPlace(*c_, Place{0, store_a_, std::nullopt, "room", "S", "保管室", 0});
        pos_a1_ = *repo::InsertPlace(*c_, Place{0, store_a_, room_a_, "position", "S-01", "1号位", 0});
        pos_a2_ = *repo::InsertPlace(*c_, Place{0, store_a_, room_a_, "position", "S-02", "2号位", 1});
        pos_b1_ = *repo::InsertPlace(*c_, Place{0, store_b_, std::nullopt, "room", "T", "保管室", 0});
    }

    // A case of `unit` with one seizure ("seized" event) at `at`; returns {case id, event id}.
    std::pair<int64_t, int64_t> CaseWithSeizure(int64_t unit, int64_t officer, const std::string& type, int64_t at) {
        const std::string no = "CASE" + std::to_string(++cases_);
        auto row = c_->QueryOne(
            "INSERT INTO cases (case_no, case_type, law, cause, source, occurred_at, place_address, facts, unit_id, "
            "lead_officer_id, state, accepted_at, last_event_at, created_by, created_at, updated_at) VALUES (?, ?, "
            "'2025', '盗窃', 'patrol', ?, '城关镇一号', '事实', ?, ?, 'accepted', ?, ?, ?, ?, ?) RETURNING id",
            {V(no), V(type), V(at), V(unit), V(officer), V(at), V(at), V(officer), V(at), V(at)});
        EXPECT_TRUE(row.ok()) << row.status().message();
        const int64_t case_id = row->Int(0);
        auto ev = c_->QueryOne(
            "INSERT INTO case_events (case_id, seq, kind, action, from_state, to_state, at, recorded_at, actor_id, "
            "actor_unit_id, data, case_version) VALUES (?, 1, 'fact', 'seized', 'accepted', 'accepted', ?, ?, ?, ?, "
            "'{\"item\":\"手机\"}', 1) RETURNING id",
            {V(case_id), V(at), V(at), V(officer), V(unit)});
        EXPECT_TRUE(ev.ok()) << ev.status().message();
        return {case_id, ev->Int(0)};
    }

    IntakeInput Input(std::pair<int64_t, int64_t> seizure, const std::string& category = "electronics") {
        IntakeInput in;
        in.case_id = seizure.first;
        in.seizure_event_id = seizure.second;
        in.category = category;
        in.description = "黑色手机一部";
        in.quantity = 1;
        in.quantity_unit = "部";
        in.owner_name = "张三";
        in.seized_by = "王志强";
        in.seized_at = kNow - 3600;
        in.seized_place = "城关镇一号";
        in.legal_basis = "程序规定第一百零七条";
        in.document_no = "示公（扣）字〔2026〕1号";
        return in;
    }

    Item Registered() {
        auto item = Intake(*c_, officer_a_,
                           Input(CaseWithSeizure(k_.station_a, k_.officer_a, "administrative", kNow - 3600)), kNow);
        EXPECT_TRUE(item.ok()) << item.status().message();
        return *item;
    }

    CheckOutInput Out(int64_t back_at) {
        CheckOutInput o;
        o.purpose = "appraisal";
        o.holder = "物证鉴定室";
        o.expected_return_at = back_at;
        o.movement.approved_by = "孙国栋";
        return o;
    }

    int64_t Count(const std::string& sql, const storage::Params& p = {}) {
        auto r = c_->QueryOne(sql, p);
        EXPECT_TRUE(r.ok()) << r.status().message();
        return r.ok() ? r->Int(0) : -1;
    }

    std::unique_ptr<storage::Database> db_;
    std::unique_ptr<storage::Database::Lease> lease_;
    storage::Connection* c_ = nullptr;
    cases::testing::County k_;
    auth::Principal officer_a_, officer_b_, custodian_, leader_;
    int64_t store_a_ = 0, store_b_ = 0, room_a_ = 0, pos_a1_ = 0, pos_a2_ = 0, pos_b1_ = 0;
    int cases_ = 0;
};

// 程序规定第一百一十二条: 30 days, the day of seizure not counted (the deadline engine); 2026-01-05 → 2026-02-04.
// 第一百九十一条: perishables are reviewed at once. Criminal cases: the bureau's 90 days (categories.csv).
TEST(PropertyRules, ReviewDatesFromTheDataFiles) {
    const int64_t jan5 = ChinaMidnightOf(CivilDate{2026, 1, 5}) + 36000;
    auto admin = ComputeReviewDate("electronics", "administrative", jan5);
    ASSERT_TRUE(admin.ok()) << admin.status().message();
    EXPECT_EQ(admin->due, "2026-02-04");
    EXPECT_NE(admin->basis.find("第一百一十二条"), std::string::npos);
    EXPECT_EQ(ComputeReviewDate("perishables", "administrative", jan5)->due, "2026-01-05");
    EXPECT_EQ(ComputeReviewDate("cash", "criminal", jan5)->due, "2026-04-05");
    EXPECT_FALSE(ComputeReviewDate("spaceship", "administrative", jan5).ok());
    // 2026-01-24 + 30 = 2026-02-23 (a working day after the Spring Festival holiday of the shipped calendar).
    auto festival = ComputeReviewDate("other", "administrative", ChinaMidnightOf(CivilDate{2026, 1, 24}) + 36000);
    ASSERT_TRUE(festival.ok());
    EXPECT_GE(festival->due, "2026-02-23");
}

TEST(PropertyRules, LabelCodesAreOpaqueAndScansAreChecked) {
    const std::string code = NewLabelCode("JWP");
    EXPECT_EQ(code.size(), 19u);
    EXPECT_EQ(CodeFromScan("  " + code + "\n"), code);
    EXPECT_EQ(CodeFromScan("https://jingwu.example/p/" + code), code);
    EXPECT_FALSE(CodeFromScan("JWP123").has_value());
    EXPECT_FALSE(CodeFromScan("XYZ" + code.substr(3)).has_value());
    EXPECT_NE(NewLabelCode("JWP"), NewLabelCode("JWP"));
    // A reprint says so on the label.
    auto doc = LabelDocument("标签", {{code, {"CASE1"}, 3}});
    ASSERT_EQ(doc.blocks.size(), 1u);
    EXPECT_EQ(doc.blocks[0].text, code);
    EXPECT_NE(doc.blocks[0].caption.find("补打第2次"), std::string::npos);
}

TEST_P(PropertyTest, IntakeNeedsTheCaseSeizureAndPhotosWhereRequired) {
    auto seizure = CaseWithSeizure(k_.station_a, k_.officer_a, "administrative", kNow - 3600);
    // 第一百九十二条: valuables are photographed at registration (categories.csv photos_required).
    auto no_photo = Intake(*c_, officer_a_, Input(seizure, "valuables"), kNow);
    ASSERT_FALSE(no_photo.ok());
    EXPECT_EQ(no_photo.status().fields().at("photos"), "required");
    // The seizure must be of that case; an item cannot exist without a case.
    auto other = CaseWithSeizure(k_.station_a, k_.officer_a, "administrative", kNow - 3600);
    IntakeInput mixed = Input(seizure);
    mixed.seizure_event_id = other.second;
    EXPECT_EQ(Intake(*c_, officer_a_, mixed, kNow).status().fields().at("seizure_event_id"), "not_of_case");
    IntakeInput no_case = Input(seizure);
    no_case.case_id = 999999;
    EXPECT_EQ(Intake(*c_, officer_a_, no_case, kNow).status().fields().at("case_id"), "not_found");
    // Another station's officer cannot register against this case.
    EXPECT_EQ(Intake(*c_, officer_b_, Input(seizure), kNow).status().fields().at("case_id"), "not_found");
    auto item = Intake(*c_, officer_a_, Input(seizure), kNow);
    ASSERT_TRUE(item.ok()) << item.status().message();
    EXPECT_EQ(item->state, "registered");
    EXPECT_EQ(item->owner_name, "张三");
    EXPECT_EQ(item->review_due, "2026-04-01");  // 2026-03-02 + 30 days (第一百一十二条)
    // The owner's name is sealed at rest.
    auto stored = c_->QueryOne("SELECT owner_name FROM property_items WHERE id = ?", {V(item->id)});
    EXPECT_EQ(stored->Str(0).rfind("sm4:", 0), 0u);
}

TEST_P(PropertyTest, EveryMovementIsChainedAndRefusalsGiveTheReason) {
    Item item = Registered();
    ASSERT_TRUE(CheckIn(*c_, custodian_, item.id, pos_a1_, {}, kNow + 10).ok());
    EXPECT_EQ(CheckIn(*c_, custodian_, item.id, pos_a1_, {}, kNow + 20).status().fields().at("state"), "already_in");
    ASSERT_TRUE(Move(*c_, custodian_, item.id, pos_a2_, {}, kNow + 30).ok());
    auto out = CheckOut(*c_, custodian_, item.id, Out(kNow + 86400), kNow + 40);
    ASSERT_TRUE(out.ok()) << out.status().message();
    EXPECT_EQ(out->state, "out");
    // Out twice: refused.
    EXPECT_EQ(CheckOut(*c_, custodian_, item.id, Out(kNow + 86400), kNow + 50).status().fields().at("state"),
              "already_out");
    // Back into another store: refused (the custodian of that store sees both places here).
    auth::Principal county = custodian_;
    county.all_units = true;
    EXPECT_EQ(CheckIn(*c_, county, item.id, pos_b1_, {}, kNow + 60).status().fields().at("place"), "wrong_store");
    // 第一百九十条第五款 调用: the approval is required.
    CheckOutInput unapproved = Out(kNow + 86400);
    unapproved.movement.approved_by.clear();
    auto back = CheckIn(*c_, custodian_, item.id, pos_a1_, {}, kNow + 70);
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(CheckOut(*c_, custodian_, item.id, unapproved, kNow + 80).status().fields().at("approved_by"),
              "required");
    auto events = ListEvents(*c_, item.id);
    ASSERT_TRUE(events.ok());
    std::vector<std::string> kinds;
    for (const auto& e : *events) kinds.push_back(e.kind);
    EXPECT_EQ(kinds, (std::vector<std::string>{"register", "check_in", "move", "check_out", "return_in"}));
    EXPECT_EQ((*events)[1].prev_hash, (*events)[0].hash);
    auto report = VerifyChains(*c_, ChainKey());
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->ok);
    EXPECT_EQ(report->events, 5);
}

TEST_P(PropertyTest, VerifyNamesTheFirstBrokenLink) {
    Item first = Registered();
    Item item = Registered();
    ASSERT_TRUE(CheckIn(*c_, custodian_, item.id, pos_a1_, {}, kNow + 10).ok());
    ASSERT_TRUE(CheckOut(*c_, custodian_, item.id, Out(kNow + 86400), kNow + 20).ok());
    ASSERT_TRUE(VerifyChains(*c_, ChainKey())->ok);
    // Someone with database access rewrites where the item went: the row's hash no longer matches.
    ASSERT_TRUE(
        c_->Exec("UPDATE property_events SET to_place = '家中' WHERE item_id = ? AND seq = 3", {V(item.id)}).ok());
    auto r = VerifyChains(*c_, ChainKey());
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->ok);
    EXPECT_EQ(*r->item_id, item.id);
    EXPECT_EQ(*r->seq, 3);
    EXPECT_EQ(r->problem, "hash_mismatch");
    // Recomputed with plain SM3 (no key): still refused.
    auto row = c_->QueryOne("SELECT prev_hash FROM property_events WHERE item_id = ? AND seq = 3", {V(item.id)});
    ASSERT_TRUE(c_->Exec("UPDATE property_events SET hash = ? WHERE item_id = ? AND seq = 3",
                         {V(Sm3Hex("forged" + row->Str(0))), V(item.id)})
                    .ok());
    EXPECT_EQ(VerifyChains(*c_, ChainKey())->problem, "hash_mismatch");
    // Removing a link of an earlier item: that item's chain is named first.
    ASSERT_TRUE(CheckIn(*c_, custodian_, first.id, pos_a1_, {}, kNow + 30).ok());
    ASSERT_TRUE(c_->Exec("DELETE FROM property_events WHERE item_id = ? AND seq = 1", {V(first.id)}).ok());
    r = VerifyChains(*c_, ChainKey());
    EXPECT_EQ(*r->item_id, first.id);
    EXPECT_EQ(*r->seq, 1);
    EXPECT_EQ(r->problem, "seq_gap");
    // A state changed behind the chain's back.
    Item third = Registered();
    ASSERT_TRUE(c_->Exec("UPDATE property_items SET state = 'disposed' WHERE id = ?", {V(third.id)}).ok());
    auto one = VerifyChains(*c_, ChainKey(), third.id);
    EXPECT_FALSE(one->ok);
    EXPECT_EQ(one->problem, "state_mismatch");
}

TEST_P(PropertyTest, ScansRevealNothingOutsideTheScope) {
    Item item = Registered();
    auto mine = Scan(*c_, custodian_, item.code);
    ASSERT_TRUE(mine.ok());
    EXPECT_EQ(mine->item->id, item.id);
    EXPECT_EQ(mine->actions, (std::vector<std::string>{"check_in", "request_disposal"}));
    // Another unit's item and an unknown code: the same answer.
    EXPECT_EQ(Scan(*c_, officer_b_, item.code).status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(Scan(*c_, officer_b_, NewLabelCode("JWP")).status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(Scan(*c_, officer_b_, "not a code").status().code(), ErrorCode::kNotFound);
    // Once in station B's store, B's custodian sees it too (the store's unit).
    auth::Principal b_custodian = officer_b_;
    auth::Principal county = custodian_;
    county.all_units = true;
    ASSERT_TRUE(CheckIn(*c_, county, item.id, pos_b1_, {}, kNow + 10).ok());
    EXPECT_TRUE(Scan(*c_, b_custodian, item.code).ok());
}

TEST_P(PropertyTest, BatchCheckInIsAllOrNothing) {
    auto seizure = CaseWithSeizure(k_.station_a, k_.officer_a, "administrative", kNow - 3600);
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(Intake(*c_, officer_a_, Input(seizure), kNow).ok());
    // Position 2 holds one item only: the second is refused, and nothing of the batch stays.
    Status s = storage::InTransaction(*c_, [&](storage::Connection& tx) {
        return BatchCheckIn(tx, custodian_, BatchTarget{seizure.first, std::nullopt}, pos_a2_, {}, kNow).status();
    });
    EXPECT_EQ(s.code(), ErrorCode::kConflict);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM property_items WHERE state = 'in_store'"), 0);
    auto all = BatchCheckIn(*c_, custodian_, BatchTarget{seizure.first, std::nullopt}, pos_a1_, {}, kNow);
    ASSERT_TRUE(all.ok()) << all.status().message();
    EXPECT_EQ(all->size(), 3u);
    EXPECT_EQ(Count("SELECT COUNT(DISTINCT batch) FROM property_events WHERE kind = 'check_in'"), 1);
}

// 第一百九十六条: disposal 经原决定机关负责人批准.
TEST_P(PropertyTest, DisposalNeedsTheApproverAndEndsTheItem) {
    Item item = Registered();
    ASSERT_TRUE(CheckIn(*c_, custodian_, item.id, pos_a1_, {}, kNow).ok());
    EXPECT_EQ(RequestDisposal(*c_, custodian_, item.id, "burn", "x", "", kNow).status().fields().at("kind"),
              "bad_value");
    EXPECT_EQ(
        RequestDisposal(*c_, custodian_, item.id, "return_owner", "发还", "", kNow).status().fields().at("recipient"),
        "required");
    ASSERT_TRUE(
        RequestDisposal(*c_, custodian_, item.id, "return_owner", "权属明确（第一百九十二条）", "张三", kNow).ok());
    EXPECT_EQ(CompleteDisposal(*c_, custodian_, item.id, {}, kNow).status().fields().at("disposal"), "not_approved");
    EXPECT_EQ(DecideDisposal(*c_, custodian_, item.id, true, "", kNow).status().code(), ErrorCode::kPermissionDenied);
    ASSERT_TRUE(DecideDisposal(*c_, leader_, item.id, true, "同意", kNow).ok());
    auto done = CompleteDisposal(*c_, custodian_, item.id, {}, kNow + 10);
    ASSERT_TRUE(done.ok()) << done.status().message();
    EXPECT_EQ(done->state, "disposed");
    EXPECT_EQ(CheckOut(*c_, custodian_, item.id, Out(kNow + 86400), kNow + 20).status().fields().at("state"),
              "not_in_store");
    EXPECT_TRUE(VerifyChains(*c_, ChainKey())->ok);
}

// data/reminders.csv: due_soon 3 days before, overdue the day after, escalate_unit_head 7 days after — each once.
TEST_P(PropertyTest, RemindersGoOutOncePerStage) {
    ASSERT_TRUE(c_->Exec("INSERT INTO roles (code, kind, scope) VALUES ('custodian', 'business', 'unit')").ok());
    ASSERT_TRUE(c_->Exec("INSERT INTO roles (code, kind, scope) VALUES ('unit_head', 'business', 'unit')").ok());
    auto cust = test_support::InsertUser(*c_, {"cust", k_.station_a, "custodian"});
    auto boss = test_support::InsertUser(*c_, {"head", k_.station_a, "unit_head"});
    ASSERT_TRUE(cust.ok() && boss.ok()) << cust.status().message() << boss.status().message();
    const int64_t custodian_user = *cust, head = *boss;
    Item item = Registered();  // review due 2026-04-01
    ASSERT_TRUE(CheckIn(*c_, custodian_, item.id, pos_a1_, {}, kNow).ok());
    const int64_t day = 86400;
    const int64_t mar28 = ChinaMidnightOf(CivilDate{2026, 3, 28}) + 3600;
    EXPECT_EQ(*SendDisposalReminders(*c_, mar28), 0);
    EXPECT_EQ(*SendDisposalReminders(*c_, mar28 + day), 1);      // 03-29: three days before
    EXPECT_EQ(*SendDisposalReminders(*c_, mar28 + day), 0);      // exactly once
    EXPECT_EQ(*SendDisposalReminders(*c_, mar28 + 5 * day), 1);  // 04-02: overdue
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE user_id = ?", {V(head)}), 0);
    EXPECT_EQ(*SendDisposalReminders(*c_, mar28 + 11 * day), 1);  // 04-08: the unit head too
    EXPECT_EQ(*SendDisposalReminders(*c_, mar28 + 12 * day), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND channel = 'inapp'", {V(custodian_user)}),
              3);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND channel = 'inapp'", {V(head)}), 1);
    // A hold with a new date starts the stages afresh.
    ASSERT_TRUE(Hold(*c_, custodian_, item.id, "待被侵害人领取", "2026-05-01", mar28 + 12 * day).ok());
    EXPECT_EQ(*SendDisposalReminders(*c_, mar28 + 12 * day), 0);
}

TEST_P(PropertyTest, AnItemOutPastItsReturnRaisesOneAlert) {
    Item item = Registered();
    ASSERT_TRUE(CheckIn(*c_, custodian_, item.id, pos_a1_, {}, kNow).ok());
    ASSERT_TRUE(CheckOut(*c_, custodian_, item.id, Out(kNow + 3600), kNow + 10).ok());
    EXPECT_EQ(*RaiseOverdueReturns(*c_, kNow + 1800), 0);
    EXPECT_EQ(*RaiseOverdueReturns(*c_, kNow + 7200), 1);
    EXPECT_EQ(*RaiseOverdueReturns(*c_, kNow + 9000), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts WHERE source = 'property'"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alert_targets WHERE unit_id = ?", {V(k_.station_a)}), 1);
}

// 第一百八十九条 逐一编号登记: three seizures in March (two at A, one at B), two with items → 2/3; one listed missing.
TEST_P(PropertyTest, EntryRateFromAKnownDataSet) {
    auto s1 = CaseWithSeizure(k_.station_a, k_.officer_a, "administrative", kNow - 3600);
    auto s2 = CaseWithSeizure(k_.station_a, k_.officer_a, "administrative", kNow - 7200);
    auto s3 = CaseWithSeizure(k_.station_b, k_.officer_b, "administrative", kNow - 3600);
    ASSERT_TRUE(Intake(*c_, officer_a_, Input(s1), kNow).ok());
    ASSERT_TRUE(Intake(*c_, officer_a_, Input(s1), kNow).ok());
    IntakeInput b = Input(s3);
    ASSERT_TRUE(Intake(*c_, officer_b_, b, kNow).ok());
    auto rate = ComputeEntryRate(*c_, leader_, kNow - 30 * 86400, kNow + 86400);
    ASSERT_TRUE(rate.ok()) << rate.status().message();
    EXPECT_EQ(rate->seizures, 3);
    EXPECT_EQ(rate->with_items, 2);
    ASSERT_EQ(rate->missing.size(), 1u);
    EXPECT_EQ(rate->missing[0].event_id, s2.second);
    ASSERT_EQ(rate->rows.size(), 2u);
    for (const auto& row : rate->rows) {
        EXPECT_EQ(row.month, "2026-03");
        if (row.unit_id == k_.station_a) EXPECT_EQ(row.with_items, 1);
    }
    // A station sees its own seizures only.
    EXPECT_EQ(ComputeEntryRate(*c_, officer_b_, kNow - 30 * 86400, kNow + 86400)->seizures, 1);
}

TEST_P(PropertyTest, StocktakeReportsMissingUnexpectedAndUnknown) {
    Item here = Registered(), gone = Registered(), elsewhere = Registered();
    ASSERT_TRUE(CheckIn(*c_, custodian_, here.id, pos_a1_, {}, kNow).ok());
    ASSERT_TRUE(CheckIn(*c_, custodian_, gone.id, pos_a1_, {}, kNow).ok());
    auth::Principal county = custodian_;
    county.all_units = true;
    ASSERT_TRUE(CheckIn(*c_, county, elsewhere.id, pos_b1_, {}, kNow).ok());
    auto s = TakeStock(*c_, custodian_, room_a_, {here.code, elsewhere.code, "JWP" + std::string(16, 'A'), "junk"});
    ASSERT_TRUE(s.ok()) << s.status().message();
    EXPECT_EQ(s->expected, 2);
    EXPECT_EQ(s->found, 1);
    ASSERT_EQ(s->expected_missing.size(), 1u);
    EXPECT_EQ(s->expected_missing[0].id, gone.id);
    ASSERT_EQ(s->unexpected.size(), 1u);  // visible to this custodian through the case's unit
    EXPECT_EQ(s->unexpected[0].id, elsewhere.id);
    EXPECT_EQ(s->unknown.size(), 2u);
    // Another unit's room: not found.
    EXPECT_EQ(TakeStock(*c_, officer_b_, room_a_, {}).status().code(), ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, PropertyTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::property
