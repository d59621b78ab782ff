// Benchmark editions on a real database (SQLite always, PostgreSQL when JW_TEST_PG_URL is set): the shipped
// sample as a published edition, the draft → review → publish workflow, immutability of published editions,
// decisions recording the edition, a catalogue of 200 items and 5,000 circumstances, and the HTTP handlers.

#include <gtest/gtest.h>

#include "auth/principal.hpp"
#include "discretion/decision_json.hpp"
#include "discretion/discretion_module.hpp"
#include "discretion/edition_repository.hpp"
#include "discretion/edition_service.hpp"
#include "storage/migrations.hpp"
#include "storage/test_databases.hpp"

namespace jw::discretion {
namespace {

constexpr int64_t kLegal = 5, kLeader = 8, kNow = 1780000000;

class EditionTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        const std::string url = storage::testing::FreshDatabaseUrl(GetParam(), "discretion_edition");
        if (url.empty()) GTEST_SKIP() << GetParam() << " not available";
        auto db = storage::Database::Open(url);
        ASSERT_TRUE(db.ok()) << db.status().message();
        db_ = std::move(db).value();
        auto c = db_->Acquire();
        ASSERT_TRUE(c.ok());
        auto applied =
            storage::ApplyMigrations(**c, storage::MigrationsFromFiles("discretion", db_->dialect(), ModuleFiles()));
        ASSERT_TRUE(applied.ok()) << applied.status().message();
        ASSERT_TRUE(Tx([](storage::Connection& tx) { return SeedSampleEdition(tx, kNow); }).ok());
    }

    Status Tx(const std::function<Status(storage::Connection&)>& fn) {
        auto c = db_->Acquire();
        if (!c.ok()) return c.status();
        return storage::InTransaction(**c, fn);
    }
    template <typename T>
    Result<T> TxResult(const std::function<Result<T>(storage::Connection&)>& fn) {
        std::optional<Result<T>> out;
        Status s = Tx([&](storage::Connection& tx) {
            out = fn(tx);
            return out->status();
        });
        if (!s.ok()) return s;
        return std::move(*out);
    }
    int64_t SampleId() {
        auto c = db_->Acquire();
        auto id = repo::CurrentPublishedId(**c);
        EXPECT_TRUE(id.ok() && id->has_value());
        return id.ok() && id->has_value() ? **id : 0;
    }
    Result<Edition> NewDraft(const std::string& title = "城关派出所裁量基准（征求意见稿）") {
        const int64_t from = SampleId();
        return TxResult<Edition>(
            [&](storage::Connection& tx) { return CreateDraft(tx, from, "CG-2026", title, kLegal, kNow); });
    }

    std::unique_ptr<storage::Database> db_;
};

TEST_P(EditionTest, SampleIsSeededOnceAsAPublishedSampleWithTheEmbeddedHash) {
    ASSERT_TRUE(Tx([](storage::Connection& tx) { return SeedEditions(tx); }).ok());  // idempotent
    auto c = db_->Acquire();
    auto editions = repo::ListEditions(**c);
    ASSERT_TRUE(editions.ok());
    ASSERT_EQ(editions->size(), 1u);
    const Edition& e = editions->front();
    EXPECT_EQ(e.code, "SAMPLE-1");
    EXPECT_EQ(e.status, "published");
    EXPECT_TRUE(e.sample);
    EXPECT_NE(e.title.find("【样本】"), std::string::npos);
    EXPECT_EQ(e.circumstance_count, static_cast<int64_t>(Catalogue::Embedded().circumstances().size()));
    // The stored content hashes to what the binary's sample hashes to: same content, whatever the storage order.
    EXPECT_EQ(e.content_hash, Catalogue::Embedded().edition().content_hash);
    auto content = repo::LoadContent(**c, e.id);
    ASSERT_TRUE(content.ok());
    EXPECT_EQ(EditionContentHash(*content), e.content_hash);
}

TEST_P(EditionTest, DraftIsEditedSubmittedAndPublishedByAnotherPerson) {
    const int64_t sample_id = SampleId();
    auto draft = NewDraft();
    ASSERT_TRUE(draft.ok()) << draft.status().message();
    EXPECT_EQ(draft->status, "draft");
    EXPECT_EQ(draft->version, 1);
    EXPECT_EQ(draft->circumstance_count, static_cast<int64_t>(Catalogue::Embedded().circumstances().size()));
    const int64_t id = draft->id;
    // 2012 §43¶2: 十日以上十五日以下拘留 — a base point of 10 days is inside the range.
    Circumstance ci{"", "2012-43-2-base-a", {"2012", 43, 2, "base", 1}, "殴打六十周岁以上的人，情节一般", 10, 500,
                    "", std::nullopt};
    ASSERT_TRUE(Tx([&](storage::Connection& tx) { return PutCircumstance(tx, id, ci); }).ok());
    ASSERT_TRUE(Tx([&](storage::Connection& tx) {
                    return PutFactorPercent(tx, id, "2012", "aggravate.recent_punishment", 30);
                }).ok());
    // A copy of the sample is still a sample until the legal office says the content is its own.
    EXPECT_TRUE(draft->sample);
    auto own_content =
        TxResult<Edition>([&](storage::Connection& tx) { return UpdateDraft(tx, id, std::nullopt, false); });
    ASSERT_TRUE(own_content.ok());
    EXPECT_FALSE(own_content->sample);
    // The author cannot publish, nor can anything be published before review.
    auto early = TxResult<Edition>([&](storage::Connection& tx) { return Publish(tx, id, kLeader, kNow); });
    EXPECT_EQ(early.status().code(), ErrorCode::kConflict);
    auto submitted = TxResult<Edition>([&](storage::Connection& tx) { return Submit(tx, id, kLegal, kNow + 10); });
    ASSERT_TRUE(submitted.ok());
    EXPECT_EQ(submitted->status, "review");
    auto own = TxResult<Edition>([&](storage::Connection& tx) { return Publish(tx, id, kLegal, kNow + 20); });
    EXPECT_EQ(own.status().code(), ErrorCode::kPermissionDenied);
    auto published = TxResult<Edition>([&](storage::Connection& tx) { return Publish(tx, id, kLeader, kNow + 30); });
    ASSERT_TRUE(published.ok()) << published.status().message();
    EXPECT_EQ(published->status, "published");
    EXPECT_EQ(published->reviewed_by, kLeader);
    EXPECT_EQ(published->content_hash.size(), 64u);
    EXPECT_NE(published->content_hash, Catalogue::Embedded().edition().content_hash);

    // Decisions now use the new edition: 10 days base + 30 % (recent punishment, 2012 §20(四)) = 13 days.
    EditionCatalogues catalogues;
    auto c = db_->Acquire();
    auto cat = catalogues.ForDecision(**c, std::nullopt);
    ASSERT_TRUE(cat.ok()) << cat.status().message();
    auto req = ParseDecisionRequest(R"({"act_end_date":"2025-11-03","decision_date":"2025-12-01",
        "offender":{"birth_date":"1990-05-01"},
        "violations":[{"circumstance":"2012-43-2-base-a","factors":["aggravate.recent_punishment"]}]})");
    ASSERT_TRUE(req.ok());
    auto d = Decide(**cat, *req);
    ASSERT_TRUE(d.ok()) << d.status().message();
    EXPECT_EQ(d->violations[0].detention_days, 13);
    EXPECT_EQ(d->violations[0].fine_yuan, 650);  // 500 × 1.3
    bool named = false;
    for (const auto& step : d->violations[0].trace) {
        named = named || step.detail == "裁量基准（CG-2026第1版）：本情形规定拘留基准点10日。";
    }
    EXPECT_TRUE(named) << "the trace names the edition and the circumstance's own base point";
    Json j = DecisionToJson(*d);
    EXPECT_EQ(j["edition"]["id"], id);
    EXPECT_EQ(j["edition"]["code"], "CG-2026");
    EXPECT_EQ(j["edition"]["version"], 1);
    EXPECT_EQ(j["edition"]["content_hash"], published->content_hash);
    EXPECT_EQ(j["edition"]["sample"], false);
    EXPECT_EQ(j["benchmark_edition"], "CG-2026");
    // The sample stays available by id and still gives the sample base point (2012 §43¶2: ⌊(10+15)/2⌋ = 12).
    auto sample = catalogues.ForDecision(**c, sample_id);
    ASSERT_TRUE(sample.ok());
    auto ds = Decide(**sample, *req);
    ASSERT_TRUE(ds.ok());
    EXPECT_NE(ds->violations[0].detention_days, 13);
    EXPECT_EQ(ds->edition.code, "SAMPLE-1");
}

TEST_P(EditionTest, PublishedEditionNeverChanges) {
    const int64_t sample = SampleId();
    auto c0 = db_->Acquire();
    const std::string before = repo::GetEdition(**c0, sample)->content_hash;
    Circumstance ci{"", "2012-43-2-base-a", {"2012", 43, 2, "base", 1}, "改动", 11, -1, "", std::nullopt};
    EXPECT_EQ(Tx([&](storage::Connection& tx) { return PutCircumstance(tx, sample, ci); }).code(),
              ErrorCode::kConflict);
    EXPECT_EQ(Tx([&](storage::Connection& tx) { return RemoveCircumstance(tx, sample, "2012-43-2-base-a"); }).code(),
              ErrorCode::kConflict);
    EXPECT_EQ(Tx([&](storage::Connection& tx) {
                  return PutFactorPercent(tx, sample, "2012", "aggravate.instigation", 5);
              }).code(),
              ErrorCode::kConflict);
    EXPECT_EQ(
        TxResult<Edition>([&](storage::Connection& tx) { return UpdateDraft(tx, sample, "x", false); }).status().code(),
        ErrorCode::kConflict);
    EXPECT_EQ(
        TxResult<Edition>([&](storage::Connection& tx) { return Submit(tx, sample, kLegal, kNow); }).status().code(),
        ErrorCode::kConflict);
    auto c = db_->Acquire();
    auto content = repo::LoadContent(**c, sample);
    ASSERT_TRUE(content.ok());
    EXPECT_EQ(EditionContentHash(*content), before);
    auto e = repo::GetEdition(**c, sample);
    EXPECT_EQ(e->status, "published");
    EXPECT_TRUE(e->sample);
}

TEST_P(EditionTest, ReturnedDraftCanBeEditedAgainAndBadContentIsNamed) {
    auto draft = NewDraft();
    ASSERT_TRUE(draft.ok());
    const int64_t id = draft->id;
    ASSERT_TRUE(TxResult<Edition>([&](storage::Connection& tx) { return Submit(tx, id, kLegal, kNow); }).ok());
    auto no_note = TxResult<Edition>([&](storage::Connection& tx) { return Return(tx, id, kLeader, "", kNow); });
    EXPECT_EQ(no_note.status().fields().at("note"), "required");
    auto returned =
        TxResult<Edition>([&](storage::Connection& tx) { return Return(tx, id, kLeader, "罚款基准偏高", kNow); });
    ASSERT_TRUE(returned.ok());
    EXPECT_EQ(returned->status, "draft");
    EXPECT_EQ(returned->review_note, "罚款基准偏高");
    // 2012 §43¶2 is 十日以上十五日以下: 16 days is outside the tier.
    Circumstance bad{"", "x-1", {"2012", 43, 2, "base", 1}, "越界", 16, -1, "", std::nullopt};
    Status s = Tx([&](storage::Connection& tx) { return PutCircumstance(tx, id, bad); });
    EXPECT_EQ(s.fields().at("base_detention"), "outside_tier_range");
    bad.base_detention = 0;
    bad.pick = "fine";  // AND tier: the law fixes both penalties, there is nothing to pick
    s = Tx([&](storage::Connection& tx) { return PutCircumstance(tx, id, bad); });
    EXPECT_EQ(s.fields().at("pick"), "not_allowed_by_tier");
    bad.pick.clear();
    bad.tier.article = 199;
    s = Tx([&](storage::Connection& tx) { return PutCircumstance(tx, id, bad); });
    EXPECT_EQ(s.fields().at("tier"), "unknown_tier");
    s = Tx([&](storage::Connection& tx) { return PutFactorPercent(tx, id, "2012", "aggravate.instigation", -5); });
    EXPECT_EQ(s.fields().at("percent"), "must_be_0_to_100");
    s = Tx([&](storage::Connection& tx) { return RemoveCircumstance(tx, id, "no-such"); });
    EXPECT_EQ(s.code(), ErrorCode::kNotFound);
    ASSERT_TRUE(Tx([&](storage::Connection& tx) { return RemoveCircumstance(tx, id, "2012-43-2-base-a"); }).ok());
    auto c = db_->Acquire();
    EXPECT_EQ(repo::GetEdition(**c, id)->circumstance_count,
              static_cast<int64_t>(Catalogue::Embedded().circumstances().size()) - 1);
}

TEST_P(EditionTest, DraftsAreNotUsedForDecisions) {
    auto draft = NewDraft();
    ASSERT_TRUE(draft.ok());
    EditionCatalogues catalogues;
    auto c = db_->Acquire();
    auto r = catalogues.ForDecision(**c, draft->id);
    EXPECT_EQ(r.status().fields().at("edition_id"), "not_published");
    auto unknown = catalogues.ForDecision(**c, 9999);
    EXPECT_EQ(unknown.status().fields().at("edition_id"), "unknown_edition");
}

TEST_P(EditionTest, PublishedEditionOfFiveThousandCircumstancesLoadsAndDecides) {
    auto draft = NewDraft("生成的大规模裁量基准");
    ASSERT_TRUE(draft.ok());
    const int64_t id = draft->id;
    // Every tier of both texts gets circumstances until there are 5,000 in all; base points stay in range.
    std::vector<Circumstance> rows;
    const auto& tiers = Catalogue::Embedded().tiers();
    for (int i = 0; rows.size() < 5000; ++i) {
        const Tier& t = tiers[static_cast<size_t>(i) % tiers.size()];
        Circumstance ci{"", "gen-" + std::to_string(i), t.key, "生成情形" + std::to_string(i), 0, -1, "", std::nullopt};
        if (t.HasDetention()) ci.base_detention = t.detention_min + i % (t.detention_max - t.detention_min + 1);
        if (t.combination == Combination::kOr || t.combination == Combination::kWarnOrFine) {
            ci.pick = t.HasFine() ? "fine" : "warning";
        }
        rows.push_back(std::move(ci));
    }
    ASSERT_TRUE(Tx([&](storage::Connection& tx) { return repo::InsertCircumstances(tx, id, rows); }).ok());
    ASSERT_TRUE(TxResult<Edition>([&](storage::Connection& tx) { return Submit(tx, id, kLegal, kNow); }).ok());
    auto published = TxResult<Edition>([&](storage::Connection& tx) { return Publish(tx, id, kLeader, kNow + 1); });
    ASSERT_TRUE(published.ok()) << published.status().message();
    EditionCatalogues catalogues;
    auto c = db_->Acquire();
    auto cat = catalogues.ForDecision(**c, id);
    ASSERT_TRUE(cat.ok()) << cat.status().message();
    EXPECT_GE((*cat)->circumstances().size(), 5000u + Catalogue::Embedded().circumstances().size());
    const Circumstance* last = (*cat)->FindCircumstance("gen-4999");
    ASSERT_NE(last, nullptr);
    DecisionRequest req;
    req.act_end_date = {2025, 11, 3};
    req.decision_date = {2025, 12, 1};
    req.offender.birth_date = {1990, 5, 1};
    ViolationRequest v;
    v.circumstance = "gen-4999";
    req.violations.push_back(v);
    auto d = Decide(**cat, req);
    ASSERT_TRUE(d.ok()) << d.status().message();
    EXPECT_EQ(d->violations[0].circumstance, "gen-4999");
    EXPECT_EQ(d->edition.id, id);
}

TEST_P(EditionTest, HandlersDecideWithTheCurrentEditionAndGuardTheWorkflow) {
    http::Router router;
    RegisterRoutes(router, Deps{*db_});
    auto find = [&](const std::string& method, const std::string& path) -> const http::Route* {
        std::map<std::string, std::string> params;
        bool mismatch = false;
        return router.Match(method, path, &params, &mismatch);
    };
    const http::Route* decide = find("POST", "/api/v1/discretion/decide");
    ASSERT_NE(decide, nullptr);
    EXPECT_EQ(decide->permission, "discretion.decide");
    http::Request req;
    req.body = R"({"act_end_date":"2025-11-03","decision_date":"2025-12-01","offender":{"birth_date":"1990-05-01"},
        "violations":[{"tier":{"law":"2012","article":43,"paragraph":2,"kind":"base"}}]})";
    auto reply = decide->handler(req);
    ASSERT_TRUE(reply.ok()) << reply.status().message();
    // 2012 §43¶2 with no factors: 12 days + 750 yuan (DISCRETION.md worked example), under the stored sample.
    EXPECT_EQ(reply->body["combined"]["executed_detention_days"], 12);
    EXPECT_EQ(reply->body["combined"]["fine_yuan"], 750);
    EXPECT_EQ(reply->body["edition"]["code"], "SAMPLE-1");
    EXPECT_EQ(reply->body["edition"]["id"], SampleId());
    req.body = "{}";
    EXPECT_EQ(decide->handler(req).status().code(), ErrorCode::kInvalidArgument);

    EXPECT_EQ(find("POST", "/api/v1/discretion/editions")->permission, "discretion.edition.draft");
    EXPECT_EQ(find("POST", "/api/v1/discretion/editions/1/publish")->permission, "discretion.edition.publish");
    EXPECT_EQ(find("POST", "/api/v1/discretion/editions/1/return")->permission, "discretion.edition.publish");
    EXPECT_EQ(find("GET", "/api/v1/discretion/editions/1/circumstances")->permission, "discretion.edition.read");
    EXPECT_EQ(find("GET", "/api/v1/discretion/public/edition")->permission, "public");
    // Legal office drafts, leaders publish, administrators hold none of these (permissions.csv).
    const std::string_view csv = PermissionsCsv();
    EXPECT_NE(csv.find("discretion.edition.draft,discretion,,,,,x,,,,"), std::string_view::npos);
    EXPECT_NE(csv.find("discretion.edition.publish,discretion,,,,,,,,x,"), std::string_view::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, EditionTest, ::testing::ValuesIn(storage::testing::Backends()));

// The catalogue format itself scales: 200 items (articles) with 3 tiers each and 5,000 circumstances load from
// CSV with no change of code.
TEST(DiscretionCatalogueScale, TwoHundredItemsAndFiveThousandCircumstances) {
    std::string tiers =
        "law,article,paragraph,kind,seq,combination,detention_min,detention_max,fine_min,fine_max,"
        "gains_multiple_min,gains_multiple_max,warning,other,clause\n";
    for (int a = 1; a <= 200; ++a) {
        const std::string art = std::to_string(a);
        tiers += "2012," + art + ",1,light,1,WARN_OR_FINE,0,0,0,500,0,0,1,,处警告或者五百元以下罚款\n";
        tiers +=
            "2012," + art + ",1,base,1,AND,5,10,200,500,0,0,0,,处五日以上十日以下拘留，并处二百元以上五百元以下罚款\n";
        tiers +=
            "2012," + art + ",1,heavy,1,MAY,10,15,0,1000,0,0,0,,处十日以上十五日以下拘留，可以并处一千元以下罚款\n";
    }
    std::string bench =
        "edition,id,law,article,paragraph,kind,seq,description,base_detention,base_fine,pick,add_fine\n";
    for (int i = 0; i < 5000; ++i) {
        const int a = i % 200 + 1;
        static const char* kKinds[] = {"light", "base", "heavy"};
        const std::string kind = kKinds[(i / 200) % 3];
        const std::string pick = kind == "light" ? "fine" : "";
        const std::string det = kind == "base" ? "7" : kind == "heavy" ? "12" : "0";
        bench += "GEN-1,g" + std::to_string(i) + ",2012," + std::to_string(a) + ",1," + kind + ",1,生成情形," + det +
                 ",-1," + pick + ",\n";
    }
    auto c = Catalogue::FromCsv(tiers, "", "article_2012,paragraph_2012,article_2025,paragraph_2025,similarity\n",
                                "law,code,effect,source,article,paragraph,item,mandatory,percent,name\n", bench);
    ASSERT_TRUE(c.ok()) << c.status().message();
    EXPECT_EQ(c->tiers().size(), 600u);
    EXPECT_EQ(c->circumstances().size(), 5000u);
    EXPECT_EQ(c->edition().code, "GEN-1");
    DecisionRequest req;
    req.law = "2012";
    req.act_end_date = {2025, 11, 3};
    req.decision_date = {2025, 12, 1};
    req.offender.birth_date = {1990, 5, 1};
    ViolationRequest v;
    v.circumstance = "g4999";  // article 200, kind (4999/200)%3 = 0 → light, pick fine
    req.violations.push_back(v);
    auto d = Decide(*c, req);
    ASSERT_TRUE(d.ok()) << d.status().message();
    EXPECT_EQ(d->violations[0].tier.article, 200);
    EXPECT_EQ(d->violations[0].fine_yuan, 250);  // base point of 0–500 yuan, no factors
}

}  // namespace
}  // namespace jw::discretion
