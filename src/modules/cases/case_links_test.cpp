// Case people and places resolve through the master index (case_links.hpp, ADR 0037) on SQLite and PostgreSQL:
// a 15-digit and an 18-digit form of one ID number are one person, a party added twice links once, a party without
// an ID number stays unlinked, places link to standard addresses above the threshold only, the start-up backfill
// is idempotent and finishes after a stop midway, and the person page's cases section follows the links and scope.
#include "cases/case_links.hpp"

#include <gtest/gtest.h>

#include "cases/case_dossier.hpp"
#include "cases/case_json.hpp"
#include "cases/case_links.hpp"
#include "cases/case_repository.hpp"
#include "cases/case_service.hpp"
#include "cases/case_test_fixture.hpp"
#include "community/addresses/demo_addresses.hpp"
#include "community/dossier/community_sections.hpp"
#include "community/dossier/dossier.hpp"
#include "community/people/people_service.hpp"
#include "storage/test_databases.hpp"

namespace jw::cases {
namespace {

using testing::InTx;

constexpr int64_t kNow = 1795766400;  // 2026-11-27T08:00:00Z
// One person's resident ID in its two forms (GB 11643-1999 §5: 15 digits + "19" + check character = 18).
constexpr const char* kId18 = "519901198001011239";
constexpr const char* kId15 = "519901800101123";
constexpr const char* kOtherId = "519901197503152467";

Person Party(const std::string& role, const std::string& name, const std::string& id_type, const std::string& id) {
    Person p;
    p.role = role;
    p.name = name;
    p.id_type = id_type;
    p.id_number = id;
    return p;
}

class CaseLinksTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        db_ = testing::OpenFresh(GetParam(), "case_links");
        if (!db_) GTEST_SKIP() << "backend unavailable (JW_TEST_PG_URL unset?)";
        auto county = InTx<testing::County>(*db_, [](storage::Connection& c) { return testing::SeedCounty(c); });
        ASSERT_TRUE(county.ok()) << county.status().message();
        k_ = *county;
        officer_ = testing::Officer(k_, k_.officer_a, k_.station_a);
        matcher_ = std::make_unique<community::AddressMatcher>(community::DemoAddresses(300));
    }

    NewCase WithPeople(std::vector<Person> people, const std::string& place = "示范县城关镇人民路12号") {
        NewCase in;
        in.fields.case_type = "administrative";
        in.fields.cause = "殴打他人";
        in.fields.source = "walk_in";
        in.fields.occurred_at = kNow - 3600;
        in.fields.place_address = place;
        in.fields.facts = "报案人称被人殴打。";
        in.fields.people = std::move(people);
        return in;
    }

    Case Create(NewCase in, const auth::Principal& who) {
        auto r =
            InTx<CreateResult>(*db_, [&](storage::Connection& c) { return CreateCase(c, who, in, "519901", kNow); });
        EXPECT_TRUE(r.ok()) << r.status().message();
        return r.ok() ? r->kase : Case{};
    }

    int64_t Count(const std::string& sql) {
        auto c = db_->Acquire();
        auto r = (*c)->QueryOne(sql);
        EXPECT_TRUE(r.ok()) << r.status().message();
        return r.ok() ? r->Int(0) : -1;
    }

    std::unique_ptr<storage::Database> db_;
    testing::County k_;
    auth::Principal officer_;
    std::unique_ptr<community::AddressMatcher> matcher_;
};

TEST_P(CaseLinksTest, FifteenAndEighteenDigitFormsOfOneNumberAreOnePerson) {
    Case a = Create(WithPeople({Party("victim", "陈明", "resident_id", kId15)}), officer_);
    Case b = Create(WithPeople({Party("suspect", "陈明", "resident_id", kId18)}), officer_);
    ASSERT_EQ(a.people.size(), 1u);
    ASSERT_EQ(b.people.size(), 1u);
    ASSERT_TRUE(a.people[0].index_person_id.has_value());
    EXPECT_EQ(a.people[0].index_person_id, b.people[0].index_person_id);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people"), 1);
    // The party keeps what was written in the case (sealed as before); the index holds the 18-digit form.
    EXPECT_EQ(a.people[0].id_number, kId15);
    auto c = db_->Acquire();
    auto person = community::GetPerson(**c, *a.people[0].index_person_id);
    ASSERT_TRUE(person.ok()) << person.status().message();
    EXPECT_EQ(person->id_number, kId18);
}

TEST_P(CaseLinksTest, APartyAddedTwiceLinksOnceAndOneWithoutANumberStaysUnlinked) {
    Case k =
        Create(WithPeople({Party("reporter", "王芳", "resident_id", kOtherId), Party("witness", "某路人", "none", "")}),
               officer_);
    auto again = InTx<Case>(*db_, [&](storage::Connection& c) {
        return AddPerson(c, officer_, k.id, k.version, Party("victim", "王芳", "resident_id", kOtherId), kNow);
    });
    ASSERT_TRUE(again.ok()) << again.status().message();
    ASSERT_EQ(again->people.size(), 3u);
    EXPECT_EQ(again->people[0].index_person_id, again->people[2].index_person_id);
    EXPECT_FALSE(again->people[1].index_person_id.has_value());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM case_people WHERE linked = 0"), 0);

    // Changing the party's number moves the link with it, in the same transaction as the change.
    Person edited = again->people[1];
    edited.id_type = "resident_id";
    edited.id_number = kId18;
    auto changed = InTx<Case>(
        *db_, [&](storage::Connection& c) { return EditPerson(c, officer_, k.id, again->version, edited, kNow); });
    ASSERT_TRUE(changed.ok()) << changed.status().message();
    ASSERT_TRUE(changed->people[1].index_person_id.has_value());
    EXPECT_NE(changed->people[1].index_person_id, changed->people[0].index_person_id);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people"), 2);
}

TEST_P(CaseLinksTest, ThePlaceLinksAboveTheThresholdAndOffersCandidatesBelow) {
    const auto& known = matcher_->addresses()[120];
    Case on = Create(WithPeople({}, known.full_name), officer_);
    Case off = Create(WithPeople({}, "城外小河边"), officer_);
    ASSERT_TRUE(InTx<bool>(*db_, [&](storage::Connection& c) -> Result<bool> {
                    JW_RETURN_IF_ERROR(LinkPlace(c, on.id, matcher_.get(), on.place_address));
                    JW_RETURN_IF_ERROR(LinkPlace(c, off.id, matcher_.get(), off.place_address));
                    return true;
                }).ok());
    auto c = db_->Acquire();
    auto linked = repo::GetCase(**c, on.id);
    ASSERT_TRUE(linked.ok());
    EXPECT_EQ(linked->place_address_id, known.code);
    ASSERT_TRUE(linked->place_match_score.has_value());
    EXPECT_GE(*linked->place_match_score, community::AddressMatcher::kAccept);
    const Json shown = StandardPlaceJson(*linked, matcher_.get());
    EXPECT_EQ(shown["address_id"], known.code);
    EXPECT_EQ(shown["full_name"], known.full_name);

    auto unlinked = repo::GetCase(**c, off.id);
    ASSERT_TRUE(unlinked.ok());
    EXPECT_FALSE(unlinked->place_address_id.has_value());
    EXPECT_TRUE(StandardPlaceJson(*unlinked, matcher_.get())["address_id"].is_null());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE place_linked = 0"), 0);

    // A number that does not exist on a known road is left to the officer, with the nearest numbers as candidates.
    const std::string near = known.road + "9999号";
    Case fuzzy = Create(WithPeople({}, near), officer_);
    ASSERT_TRUE(InTx<bool>(*db_, [&](storage::Connection& tx) -> Result<bool> {
                    JW_RETURN_IF_ERROR(LinkPlace(tx, fuzzy.id, matcher_.get(), near));
                    return true;
                }).ok());
    auto f = repo::GetCase(**c, fuzzy.id);
    ASSERT_TRUE(f.ok());
    EXPECT_FALSE(f->place_address_id.has_value());
    const Json offered = StandardPlaceJson(*f, matcher_.get());
    EXPECT_TRUE(offered["address_id"].is_null());
    EXPECT_FALSE(offered["candidates"].empty());
}

TEST_P(CaseLinksTest, TheBackfillIsIdempotentAndFinishesAfterAStopMidway) {
    // Rows as an older server left them: stored without links (linked = 0, place_linked = 0).
    auto older = InTx<bool>(*db_, [&](storage::Connection& c) -> Result<bool> {
        for (int i = 0; i < 5; ++i) {
            Case k;
            k.case_no = "OLD" + std::to_string(i);
            k.case_type = "administrative";
            k.law = "2025";
            k.cause = "盗窃";
            k.source = "walk_in";
            k.occurred_at = k.accepted_at = k.last_event_at = k.created_at = k.updated_at = kNow;
            k.place_address = i == 0 ? matcher_->addresses()[42].full_name : "无名地";
            k.facts = "旧案";
            k.unit_id = k_.station_a;
            k.lead_officer_id = k.created_by = k_.officer_a;
            k.state = "accepted";
            k.people = {Party("victim", "陈明", "resident_id", i % 2 == 0 ? kId15 : kId18),
                        Party("witness", "路人", "passport", "E1234567")};
            JW_RETURN_IF_ERROR(repo::InsertCase(c, k, std::nullopt).status());
        }
        return true;
    });
    ASSERT_TRUE(older.ok()) << older.status().message();
    ASSERT_EQ(Count("SELECT COUNT(*) FROM case_people WHERE linked = 0"), 10);

    auto c = db_->Acquire();
    // A crash inside a batch: the transaction never commits, nothing of it stays.
    Status crashed = storage::InTransaction(**c, [&](storage::Connection& tx) -> Status {
        JW_ASSIGN_OR_RETURN(auto people, repo::UnlinkedPeople(tx, 3));
        for (const auto& u : people) JW_RETURN_IF_ERROR(LinkParty(tx, officer_, u.person));
        return Status::Internal("killed");
    });
    ASSERT_FALSE(crashed.ok());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people"), 0);
    // Stopped after two batches of three, then started again: the second run finishes the rest.
    auto first = LinkMasterIndex(**c, matcher_.get(), 3, 2);
    ASSERT_TRUE(first.ok()) << first.status().message();
    EXPECT_EQ(*first, 6);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM case_people WHERE linked = 0"), 4);
    auto rest = LinkMasterIndex(**c, matcher_.get(), 3);
    ASSERT_TRUE(rest.ok()) << rest.status().message();
    EXPECT_EQ(*rest, 4 + 5);  // the last people, then the five places
    auto again = LinkMasterIndex(**c, matcher_.get(), 3);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, 0);

    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people"), 1);
    EXPECT_EQ(Count("SELECT COUNT(DISTINCT person_id) FROM case_people WHERE person_id IS NOT NULL"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM case_people WHERE person_id IS NULL"), 5);  // the passports
    EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE place_address_id IS NOT NULL"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE place_linked = 0"), 0);
}

TEST_P(CaseLinksTest, ThePersonPageShowsTheCasesInScopeAndCountsTheOthers) {
    Case mine = Create(WithPeople({Party("victim", "陈明", "resident_id", kId18)}), officer_);
    const auth::Principal officer_b = testing::Officer(k_, k_.officer_b, k_.station_b);
    Create(WithPeople({Party("suspect", "陈明", "resident_id", kId15)}), officer_b);
    ASSERT_TRUE(mine.people[0].index_person_id.has_value());
    const int64_t person = *mine.people[0].index_person_id;

    community::dossier::Registry registry;
    community::dossier::AddCommunitySections(registry);
    registry.Add(MakeDossierSection());
    auto c = db_->Acquire();
    // The person was registered by station A (the first case): the leader sees everything county-wide.
    auto page = community::dossier::BuildDossier(**c, registry, person, testing::Leader(k_), kNow);
    ASSERT_TRUE(page.ok()) << page.status().message();
    EXPECT_EQ((*page)["person"]["id_number"], kId18);
    std::vector<std::string> names;
    for (const auto& s : (*page)["sections"]) names.push_back(s["name"]);
    EXPECT_EQ(names, (std::vector<std::string>{"residence", "moves", "houses", "orgs", "cases"}));
    const Json& cases = (*page)["sections"][4];
    EXPECT_EQ(cases["items"].size(), 2u);
    EXPECT_EQ(cases["hidden"], 0);

    // Station A's officer sees the person (registered by A) but not station B's case.
    auto scoped = community::dossier::BuildDossier(**c, registry, person, officer_, kNow);
    ASSERT_TRUE(scoped.ok()) << scoped.status().message();
    EXPECT_EQ((*scoped)["sections"][4]["items"].size(), 1u);
    EXPECT_EQ((*scoped)["sections"][4]["items"][0]["case_no"], mine.case_no);
    EXPECT_EQ((*scoped)["sections"][4]["hidden"], 1);
    // Station B's officer: the person lies outside B's scope; the page does not exist for them.
    auto outside = community::dossier::BuildDossier(**c, registry, person, officer_b, kNow);
    EXPECT_EQ(outside.status().code(), ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseLinksTest, ::testing::ValuesIn(storage::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jw::cases
