// Courier records on SQLite and PostgreSQL (issue 17): the rules of 快递暂行条例 art. 22 and 反恐怖主义法 art. 20
// (record_service.hpp), sealing, the watch-list hold, idempotency, outlet isolation, the bulk API's signature and
// replay checks, the supervision figures and 碰撞比对.
#include "courier/records/record_service.hpp"

#include <gtest/gtest.h>

#include "common/civil_time.hpp"
#include "common/sealed_fields.hpp"
#include "common/validators.hpp"
#include "courier/bulk/bulk_signature.hpp"
#include "courier/courier_keys.hpp"
#include "courier/demo.hpp"
#include "courier/records/record_repository.hpp"
#include "courier/registry/registry_repository.hpp"
#include "courier/supervision/area_scope.hpp"
#include "courier/supervision/statistics.hpp"
#include "courier/supervision/supervision.hpp"
#include "storage/migrations.hpp"
#include "storage/test_databases.hpp"

namespace jw::courier {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

constexpr int64_t kNow = 1796601600;  // 2026-12-07 08:00 China

RecordInput Valid(const std::string& waybill = "SF1234567890") {
    RecordInput in;
    in.waybill_no = waybill;
    in.sender_name = "张三";
    in.sender_id = DemoIdNumber(7);
    in.sender_phone = "13800138000";
    in.receiver_name = "李四";
    in.receiver_phone = "0752-8123456";
    in.receiver_address = "广东省广州市天河区示例路1号";
    in.category = "clothing";
    in.declared_content = "衣服";
    in.declared_value_cents = 5000;
    in.inspected = true;
    in.photos = {{"m1", "opened"}};
    return in;
}

class CourierRecordTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        const std::string url = storage::testing::FreshDatabaseUrl(GetParam(), "courier_records");
        if (url.empty()) GTEST_SKIP() << GetParam() << " not available";
        auto db = storage::Database::Open(url);
        ASSERT_TRUE(db.ok()) << db.status().message();
        db_ = std::move(db).value();
        auto c = db_->Acquire();
        ASSERT_TRUE(c.ok());
        auto applied = storage::ApplyMigrations(
            **c, storage::MigrationsFromFiles("courier", db_->dialect(), data::EmbeddedFiles()));
        ASSERT_TRUE(applied.ok()) << applied.status().message();
        InstallKeys(std::string(32, 'k'));
        Company co{0, "TEST", "测试快递", "L1", std::nullopt};
        co.id = InsertCompany(**c, co, "secret", kNow).value();
        for (int i = 0; i < 2; ++i) {
            Outlet o;
            o.company_id = co.id;
            o.code = "T-" + std::to_string(i);
            o.name = "网点" + std::to_string(i);
            o.licence_no = "B" + std::to_string(i);
            o.manager_name = "经理";
            o.station_unit_id = 100 + i;
            o.id = InsertOutlet(**c, o, kNow).value();
            outlets_.push_back(o);
        }
    }
    // Intake at the bulk channel (no media to attach) on a fresh transaction.
    Result<IntakeOutcome> Take(const RecordInput& in, const WatchCheck& watch = {}, int outlet = 0) {
        auto c = db_->Acquire();
        if (!c.ok()) return c.status();
        IntakeOutcome out;
        Status s = storage::InTransaction(**c, [&](storage::Connection& tx) -> Status {
            JW_ASSIGN_OR_RETURN(out, Intake(tx, outlets_[outlet], in, Channel::kBulk, std::nullopt, watch, kNow));
            return Status::Ok();
        });
        if (!s.ok()) return s;
        return out;
    }
    std::unique_ptr<storage::Database> db_;
    std::vector<Outlet> outlets_;
};

TEST_P(CourierRecordTest, AcceptedRecordIsSealedAndFoundMasked) {
    auto out = Take(Valid());
    ASSERT_TRUE(out.ok()) << out.status().message();
    EXPECT_EQ(out->status, "accepted");
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    auto raw = (*c)->QueryOne("SELECT sender_id_sealed, sender_name_sealed, id_verified FROM courier_records");
    ASSERT_TRUE(raw.ok());
    EXPECT_EQ(raw->Str(0).find(DemoIdNumber(7)), std::string::npos);  // ADR 0017: never in the clear
    EXPECT_TRUE(FieldSealer::IsSealed(raw->Str(1)));
    EXPECT_TRUE(raw->Bool(2));  // a resident ID that passed GB 11643
    RecordQuery q;
    q.sender_id = DemoIdNumber(7);
    auto masked = SearchRecords(**c, q, false);
    ASSERT_TRUE(masked.ok());
    ASSERT_EQ(masked->total, 1);
    EXPECT_EQ(masked->items[0].sender_id, MaskIdNumber(DemoIdNumber(7)));
    EXPECT_EQ(masked->items[0].sender_name, "张*");
    auto full = SearchRecords(**c, q, true);
    ASSERT_TRUE(full.ok());
    EXPECT_EQ(full->items[0].sender_id, DemoIdNumber(7));
    EXPECT_EQ(full->items[0].receiver_phone, "0752-8123456");
}

TEST_P(CourierRecordTest, ProhibitedItemIsRefusedWithReason) {
    // 反恐怖主义法 art. 20 and 禁止寄递物品指导目录 一(四): controlled knives are not accepted.
    RecordInput in = Valid();
    in.category = "control_knife";
    int calls = 0;
    auto out = Take(in, [&](storage::Connection&, const WatchSubject&, int64_t) -> Result<WatchVerdict> {
        ++calls;
        return WatchVerdict{};
    });
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out->status, "refused");
    EXPECT_NE(out->reason.find("管制"), std::string::npos);
    EXPECT_NE(out->reason.find("一(四)"), std::string::npos);
    EXPECT_EQ(calls, 0);
}

TEST_P(CourierRecordTest, WatchHitHoldsOnceAndDuplicatesChangeNothing) {
    int calls = 0;
    WatchSubject seen;
    WatchCheck watch = [&](storage::Connection&, const WatchSubject& who, int64_t) -> Result<WatchVerdict> {
        ++calls;
        seen = who;
        return WatchVerdict{true, "请稍候，系统核验中"};
    };
    auto out = Take(Valid(), watch, 1);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out->status, "held");
    EXPECT_EQ(out->instruction, "请稍候，系统核验中");
    EXPECT_EQ(seen.station_unit_id, 101);  // the outlet's local station is told
    EXPECT_EQ(seen.id_number, DemoIdNumber(7));
    // The same company + waybill again (a retried upload): the first record's id, no second check, no second row.
    auto again = Take(Valid(), watch, 1);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->status, "duplicate");
    EXPECT_EQ(again->record_id, out->record_id);
    EXPECT_EQ(calls, 1);
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    EXPECT_EQ((*c)->QueryOne("SELECT COUNT(*) FROM courier_records")->Int(0), 1);
}

TEST_P(CourierRecordTest, OutletScopeSeesOnlyItsOwn) {
    ASSERT_TRUE(Take(Valid("A00000001"), {}, 0).ok());
    ASSERT_TRUE(Take(Valid("B00000001"), {}, 1).ok());
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    RecordQuery q;
    q.outlet_ids = {outlets_[1].id};
    auto page = SearchRecords(**c, q, false);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->total, 1);
    EXPECT_EQ(page->items[0].waybill_no, "B00000001");
}

TEST_P(CourierRecordTest, RatesAndCollisions) {
    // One sender, twelve receivers (the pattern 碰撞比对 looks for), and one unverified document.
    for (int i = 0; i < 12; ++i) {
        RecordInput in = Valid("P" + std::to_string(10000000 + i));
        in.receiver_phone = "1390000" + std::to_string(1000 + i);
        ASSERT_TRUE(Take(in).ok());
    }
    RecordInput other = Valid("Q10000000");
    other.sender_doc_type = "passport";
    other.sender_id = "E12345678";
    ASSERT_TRUE(Take(other).ok());
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    const std::string day = ChinaDate(kNow);
    auto days = OutletDays(**c, day, day);
    ASSERT_TRUE(days.ok()) << days.status().message();
    ASSERT_EQ(days->size(), 1u);
    EXPECT_EQ((*days)[0].total, 13);
    EXPECT_EQ((*days)[0].verified, 12);
    auto within = CollideWithin(**c, day, day, 10);
    ASSERT_TRUE(within.ok()) << within.status().message();
    ASSERT_GE(within->size(), 1u);
    EXPECT_EQ((*within)[0].kind, "one_sender_many_receivers");
    EXPECT_EQ((*within)[0].count, 12);
    auto listed = CollideWithList(**c, day, day, {DemoIdNumber(7), "13900001003", DemoIdNumber(8)});
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 2u);  // the ID (12 records) and one receiver's phone; the third is unknown
    EXPECT_EQ((*listed)[0].count, 12);
    EXPECT_EQ((*listed)[1].count, 1);
}

// The bulk API's batch (ADR 0062) gives each record the outcome Intake gives it one by one: a waybill stored
// before and one repeated within the batch are duplicates with the first's id, a prohibited item is refused, and
// the watch check runs only where the prefilter names the sender — held there, with the neutral words.
TEST_P(CourierRecordTest, BatchGivesEachRecordItsOwnOutcome) {
    ASSERT_TRUE(Take(Valid("OLD0000001")).ok());
    std::vector<BatchItem> items;
    auto add = [&](RecordInput in, int outlet) {
        BatchItem b;
        b.outlet = &outlets_[static_cast<size_t>(outlet)];
        b.sealed = SealFields(in);
        b.in = std::move(in);
        items.push_back(std::move(b));
    };
    add(Valid("NEW0000001"), 0);
    add(Valid("OLD0000001"), 0);  // stored before
    RecordInput bad = Valid("NEW0000002");
    bad.category = "explosive";
    add(bad, 1);
    RecordInput listed = Valid("NEW0000003");
    listed.sender_id = DemoIdNumber(9);
    add(listed, 1);
    add(Valid("NEW0000001"), 1);  // repeated within the batch
    int calls = 0;
    WatchCheck watch = [&](storage::Connection&, const WatchSubject& who, int64_t) -> Result<WatchVerdict> {
        ++calls;
        return WatchVerdict{who.id_number == DemoIdNumber(9), "请稍候"};
    };
    WatchPrefilter prefilter = [](storage::Connection&, const std::vector<WatchSubject>& who,
                                  int64_t) -> Result<std::vector<bool>> {
        std::vector<bool> out;
        for (const auto& w : who) out.push_back(w.id_number == DemoIdNumber(9));
        return out;
    };
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    std::vector<IntakeOutcome> out;
    ASSERT_TRUE(storage::InTransaction(**c, [&](storage::Connection& tx) -> Status {
                    JW_ASSIGN_OR_RETURN(out, IntakeBatch(tx, outlets_[0].company_id, items, Channel::kBulk,
                                                         std::nullopt, watch, prefilter, kNow));
                    return Status::Ok();
                }).ok());
    ASSERT_EQ(out.size(), 5u);
    EXPECT_EQ(out[0].status, "accepted");
    EXPECT_EQ(out[1].status, "duplicate");
    EXPECT_EQ(out[2].status, "refused");
    EXPECT_NE(out[2].reason.find("（"), std::string::npos);
    EXPECT_EQ(out[3].status, "held");
    EXPECT_EQ(out[3].instruction, "请稍候");
    EXPECT_EQ(out[4].status, "duplicate");
    EXPECT_EQ(out[4].record_id, out[0].record_id);
    EXPECT_EQ(calls, 1);  // only the sender the prefilter named
    auto old = FindRecordByWaybill(**c, outlets_[0].company_id, "OLD0000001");
    ASSERT_TRUE(old.ok() && old->has_value());
    EXPECT_EQ(out[1].record_id, **old);
    EXPECT_EQ((*c)->QueryOne("SELECT COUNT(*) FROM courier_records")->Int(0), 4);
    auto held =
        (*c)->QueryOne("SELECT status, outlet_id FROM courier_records WHERE id = ?", {storage::V(out[3].record_id)});
    ASSERT_TRUE(held.ok());
    EXPECT_EQ(held->Str(0), "held");
    EXPECT_EQ(held->Int(1), outlets_[1].id);
}

// A police user sees the outlets whose local station is in their unit scope; a county-wide role sees all.
TEST_P(CourierRecordTest, PoliceAreaIsTheStationsOutlets) {
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    auth::Principal station;
    station.unit_scope = {101, 555};
    auto area = PoliceOutletScope(**c, station);
    ASSERT_TRUE(area.ok());
    ASSERT_TRUE(area->has_value());
    EXPECT_EQ(**area, std::vector<int64_t>{outlets_[1].id});
    EXPECT_FALSE(InScope(*area, outlets_[0].id));
    auth::Principal elsewhere;
    elsewhere.unit_scope = {999};
    auto none = PoliceOutletScope(**c, elsewhere);
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(**none, std::vector<int64_t>{-1});
    auth::Principal county;
    county.all_units = true;
    auto all = PoliceOutletScope(**c, county);
    ASSERT_TRUE(all.ok());
    EXPECT_FALSE(all->has_value());
    // Rates and collisions of the area only.
    ASSERT_TRUE(Take(Valid("A00000001"), {}, 0).ok());
    ASSERT_TRUE(Take(Valid("B00000001"), {}, 1).ok());
    const std::string day = ChinaDate(kNow);
    auto days = OutletDays(**c, day, day, *area);
    ASSERT_TRUE(days.ok()) << days.status().message();
    ASSERT_EQ(days->size(), 1u);
    EXPECT_EQ((*days)[0].outlet_id, outlets_[1].id);
    auto listed = CollideWithList(**c, day, day, {DemoIdNumber(7)}, *area);
    ASSERT_TRUE(listed.ok()) << listed.status().message();
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().count, 1);
    auto within = CollideWithin(**c, day, day, 2, *none);
    ASSERT_TRUE(within.ok()) << within.status().message();
    EXPECT_TRUE(within->empty());
}

// The real-name rate grid (ADR 0068): every outlet of the area on every day; a day without records is a missing
// upload; the daily series sums the filter's outlets. Statistics group the same per-outlet figures.
TEST_P(CourierRecordTest, RateGridMarksMissingDaysAndStatisticsGroup) {
    ASSERT_TRUE(Take(Valid("G00000001"), {}, 0).ok());
    RecordInput passport = Valid("G00000002");
    passport.sender_doc_type = "passport";
    passport.sender_id = "E12345678";
    ASSERT_TRUE(Take(passport, {}, 0).ok());
    RecordInput knife = Valid("G00000003");
    knife.category = "control_knife";
    ASSERT_TRUE(Take(knife, {}, 1).ok());
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    const std::string today = ChinaDate(kNow), yesterday = ChinaDate(kNow - 86400);
    auto grid = LoadRateGrid(**c, yesterday, today, std::nullopt, {});
    ASSERT_TRUE(grid.ok()) << grid.status().message();
    ASSERT_EQ(grid->rows.size(), 4u);         // two outlets × two days
    EXPECT_EQ(grid->rows[0].day.day, today);  // newest first
    for (const auto& r : grid->rows) EXPECT_EQ(r.missing, r.day.day == yesterday) << r.day.day;
    ASSERT_EQ(grid->daily.size(), 2u);
    EXPECT_EQ(grid->daily[0].missing_outlets, 2);
    EXPECT_EQ(grid->daily[1].total, 3);
    EXPECT_EQ(grid->daily[1].verified, 2);  // the passport is not a checked resident ID
    // The filter and the area narrow the outlets; an outlet outside the area is not there even when asked for.
    OutletFilter only1;
    only1.outlet_id = outlets_[1].id;
    auto one = LoadRateGrid(**c, today, today, std::nullopt, only1);
    ASSERT_TRUE(one.ok());
    ASSERT_EQ(one->rows.size(), 1u);
    EXPECT_EQ(one->rows[0].day.refused, 1);
    auto outside = LoadRateGrid(**c, today, today, std::vector<int64_t>{outlets_[0].id}, only1);
    ASSERT_TRUE(outside.ok());
    EXPECT_TRUE(outside->rows.empty());
    EXPECT_FALSE(LoadRateGrid(**c, "2026-01-01", "2026-06-01", std::nullopt, {}).ok());  // longer than 92 days
    auto by_outlet = LoadStatistics(**c, "outlet", today, today, std::nullopt, {});
    ASSERT_TRUE(by_outlet.ok()) << by_outlet.status().message();
    ASSERT_EQ(by_outlet->size(), 2u);
    EXPECT_EQ((*by_outlet)[0].records, 2);
    EXPECT_EQ((*by_outlet)[0].verified, 2 - 1);
    EXPECT_EQ((*by_outlet)[1].refused, 1);
    auto by_company = LoadStatistics(**c, "company", today, today, std::nullopt, {});
    ASSERT_TRUE(by_company.ok());
    ASSERT_EQ(by_company->size(), 1u);
    EXPECT_EQ((*by_company)[0].outlets, 2);
    EXPECT_EQ((*by_company)[0].records, 3);
    EXPECT_EQ((*by_company)[0].name, "测试快递");
    EXPECT_FALSE(LoadStatistics(**c, "unit", today, today, std::nullopt, {}).ok());
}

TEST_P(CourierRecordTest, NonceIsAcceptedOnce) {
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    EXPECT_TRUE(RememberNonce(**c, 1, "nonce-0000000001", kNow, kNow - 600).ok());
    EXPECT_EQ(RememberNonce(**c, 1, "nonce-0000000001", kNow + 1, kNow - 599).code(), ErrorCode::kConflict);
    EXPECT_TRUE(RememberNonce(**c, 2, "nonce-0000000001", kNow, kNow - 600).ok());  // per company
}

TEST(CourierValidation, EveryFieldNamed) {
    // 快递暂行条例 art. 22 (identity, receiver, item) and 反恐怖主义法 art. 20 (inspection, 开封验视 photo).
    struct Case {
        std::function<void(RecordInput&)> change;
        std::string field, problem;
    };
    const std::vector<Case> cases = {
        {[](RecordInput& r) { r.waybill_no = ""; }, "waybill_no", "required"},
        {[](RecordInput& r) { r.waybill_no = "单号123456"; }, "waybill_no", "bad_format"},
        {[](RecordInput& r) { r.sender_doc_type = "library_card"; }, "sender_doc_type", "invalid_enum"},
        {[](RecordInput& r) { r.sender_name = ""; }, "sender_name", "required"},
        {[](RecordInput& r) { r.sender_id = ""; }, "sender_id", "required"},
        {[](RecordInput& r) { r.sender_id[17] = r.sender_id[17] == '0' ? '1' : '0'; }, "sender_id",
         "bad_check_character"},
        {[](RecordInput& r) { r.sender_doc_type = "passport", r.sender_id = "E1"; }, "sender_id", "bad_format"},
        {[](RecordInput& r) { r.sender_phone = "12345"; }, "sender_phone", "bad_mobile"},
        {[](RecordInput& r) { r.receiver_name = ""; }, "receiver_name", "required"},
        {[](RecordInput& r) { r.receiver_phone = ""; }, "receiver_phone", "required"},
        {[](RecordInput& r) { r.receiver_address = std::string(201, 'a'); }, "receiver_address", "too_long"},
        {[](RecordInput& r) { r.category = "moon_rock"; }, "category", "invalid_enum"},
        {[](RecordInput& r) { r.declared_content = ""; }, "declared_content", "required"},
        {[](RecordInput& r) { r.declared_value_cents = -1; }, "declared_value_cents", "out_of_range"},
        {[](RecordInput& r) { r.inspected = false; }, "inspected", "required"},
        {[](RecordInput& r) {
             r.photos = {{"m1", "parcel"}};
         },
         "photos", "opened_photo_required"},
        {[](RecordInput& r) {
             r.photos = {{"m1", "selfie"}};
         },
         "photos", "invalid_enum"},
        {[](RecordInput& r) { r.accepted_at = kNow + 3600; }, "accepted_at", "out_of_range"},
        {[](RecordInput& r) { r.ocr_corrected = {"shoe_size"}; }, "ocr_corrected", "invalid_enum"},
    };
    EXPECT_TRUE(ValidateRecord(Valid(), Channel::kCounter, kNow).ok());
    for (const auto& c : cases) {
        RecordInput in = Valid();
        c.change(in);
        Status s = ValidateRecord(in, Channel::kCounter, kNow);
        ASSERT_FALSE(s.ok()) << c.field;
        ASSERT_EQ(s.fields().count(c.field), 1u) << c.field << ": " << s.message();
        EXPECT_EQ(s.fields().at(c.field), c.problem) << c.field;
    }
    // Companies' systems keep their own photos: no opened-parcel photo is required on the bulk channel.
    RecordInput bulk = Valid();
    bulk.photos.clear();
    EXPECT_TRUE(ValidateRecord(bulk, Channel::kBulk, kNow).ok());
}

TEST(CourierBulkSignature, FreshSignedOnce) {
    const std::string base = SignatureBase("POST", "/api/v1/courier/bulk", "1796601600", "abcdefghijklmnop", "{}");
    const std::string sig = Sign("key", base);
    EXPECT_EQ(sig.size(), 64u);
    EXPECT_TRUE(VerifySignature("key", base, sig));
    EXPECT_FALSE(VerifySignature("other", base, sig));
    EXPECT_FALSE(VerifySignature("key",
                                 SignatureBase("POST", "/api/v1/courier/bulk", "1796601600", "abcdefghijklmnop", "{ }"),
                                 sig));  // body changed
    EXPECT_TRUE(CheckFreshness("1796601600", "abcdefghijklmnop", kNow).ok());
    EXPECT_EQ(CheckFreshness("1796601000", "abcdefghijklmnop", kNow).fields().at("x_timestamp"), "stale");
    EXPECT_EQ(CheckFreshness("1796601600", "short", kNow).fields().at("x_nonce"), "bad_format");
}

// The demo's numbers go in through the bulk loader, past the counter's checks: they must be valid GB 11643
// numbers themselves, or a list collision (which tells ID numbers from phones by the check) misses them.
TEST(CourierDemo, NumbersAreValidIdNumbers) {
    EXPECT_TRUE(CheckIdNumber(kDemoPatternSender).ok());
    for (int64_t n : {0, 7, 100000, 203000}) EXPECT_TRUE(CheckIdNumber(DemoIdNumber(n)).ok()) << DemoIdNumber(n);
}

INSTANTIATE_TEST_SUITE_P(Backends, CourierRecordTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace jw::courier
