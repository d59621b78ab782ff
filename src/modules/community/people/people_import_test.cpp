// The bulk import (people_import.cpp, ADR 0046) against the import it replaced, on SQLite and PostgreSQL: the same
// file goes through ImportPeopleCsv into one database and through the previous algorithm (kept below as the
// reference: batches of InsertPeopleBulk, then ResolvePerson for identities registered already) into another
// database that holds the same people beforehand. Both must end with the same register (every field in the
// clear, ids, versions, collectors, times), the same report (rows, created, existing, errors by line), and an
// erroneous file must write nothing on either. 20,000 rows: more than one chunk of the pipeline, with people
// registered beforehand in both chunks and awkward text (tabs, newlines, backslashes, quotes) for COPY.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "common/csv.hpp"
#include "common/validators.hpp"
#include "community/addresses/address_repository.hpp"
#include "community/addresses/demo_addresses.hpp"
#include "community/community_keys.hpp"
#include "community/people/demo_people.hpp"
#include "community/people/people_csv.hpp"
#include "community/people/people_repository.hpp"
#include "community/people/people_service.hpp"
#include "community/people/person_identity.hpp"
#include "test_support/database_test.hpp"

namespace jw::community {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

using storage::V;
constexpr int64_t kNow = 1790000000;

std::string Id18(const std::string& first17) { return first17 + IdCheckCharacter(first17); }

// The import as it was before ADR 0046 (people_csv.cpp until then), the reference the bulk path must equal.
Result<PeopleImportReport> ReferenceImport(storage::Connection& tx, std::string_view text, const auth::Principal& actor,
                                           int64_t now) {
    ParsedPeople parsed = ParsePeopleCsv(text);
    PeopleImportReport report;
    report.errors = std::move(parsed.errors);
    std::set<std::string> codes, known;
    for (const auto& p : parsed.rows)
        if (p.residence_address_id) codes.insert(*p.residence_address_id);
    for (const auto& code : codes) {
        JW_ASSIGN_OR_RETURN(bool ok, AddressExists(tx, code));
        if (ok) known.insert(code);
    }
    for (size_t i = 0; i < parsed.rows.size(); ++i)
        if (parsed.rows[i].residence_address_id && !known.count(*parsed.rows[i].residence_address_id) &&
            report.errors.size() < 100)
            report.errors.push_back({parsed.lines[i], "residence_address_id", "unknown_address"});
    report.rows = static_cast<int64_t>(parsed.rows.size());
    if (!report.errors.empty()) {
        std::sort(report.errors.begin(), report.errors.end(),
                  [](const CsvProblem& a, const CsvProblem& b) { return a.line < b.line; });
        return report;
    }
    for (size_t start = 0; start < parsed.rows.size(); start += 2000) {
        const size_t end = std::min(parsed.rows.size(), start + 2000);
        std::vector<Person> people;
        std::vector<std::string> indexes;
        for (size_t i = start; i < end; ++i) {
            people.push_back(NewPerson(parsed.rows[i], actor, now));
            indexes.push_back(
                IdentityIndex({parsed.rows[i].id_kind, parsed.rows[i].nationality, parsed.rows[i].id_number}));
        }
        JW_ASSIGN_OR_RETURN(auto inserted, InsertPeopleBulk(tx, people, indexes, true));
        const std::set<std::string> fresh(inserted.begin(), inserted.end());
        report.created += static_cast<int64_t>(fresh.size());
        for (size_t i = start; i < end; ++i) {
            if (fresh.count(indexes[i - start])) continue;
            JW_ASSIGN_OR_RETURN(ResolveResult r, ResolvePerson(tx, parsed.rows[i], actor, now));
            ++(r.created ? report.created : report.existing);
        }
    }
    return report;
}

class PeopleImportTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        InstallKeys(std::string(16, 'k'));
        schemas_ = test_support::PlatformSchemas();
        schemas_.push_back({"community", &data::EmbeddedFiles()});
        if (!OpenDatabase("community_import", schemas_)) return;
        auto other = test_support::OpenMigrated(GetParam(), "community_import_ref", schemas_, true);
        ASSERT_TRUE(other.ok()) << other.status().message();
        ref_db_ = std::move(*other);
        auto lease = ref_db_->Acquire();
        ASSERT_TRUE(lease.ok());
        ref_lease_ = std::make_unique<storage::Database::Lease>(std::move(*lease));
        for (storage::Connection* c : {c_, &**ref_lease_}) {
            const int64_t station = test_support::InsertUnit(*c, "519901030100", "城关派出所", std::nullopt).value();
            officer_.user_id = test_support::InsertUser(*c, {"officer_a", station, "officer"}).value();
            officer_.unit_id = station;
            for (const auto& a : DemoAddresses(60)) ASSERT_TRUE(UpsertAddress(*c, a, 1).ok());
        }
        for (const auto& a : DemoAddresses(60)) addresses_.push_back(a.code);
    }
    storage::Connection& ref() { return **ref_lease_; }

    // Registers some people beforehand (one field of theirs left empty, so the import fills it) on both sides.
    void RegisterBefore(const std::vector<Person>& people, const std::vector<size_t>& which) {
        for (storage::Connection* c : {c_, &ref()}) {
            ASSERT_TRUE(storage::InTransaction(*c, [&](storage::Connection& tx) -> Status {
                            for (size_t i : which) {
                                PersonInput in;
                                in.id_kind = people[i].id_kind;
                                in.id_number = people[i].id_number;
                                in.nationality = people[i].nationality;
                                in.name = people[i].name + "甲";
                                if (i % 2) in.ethnicity = "回族";
                                JW_RETURN_IF_ERROR(ResolvePerson(tx, in, officer_, kNow - 86400).status());
                            }
                            return Status::Ok();
                        }).ok());
        }
    }
    std::string Csv(const std::vector<Person>& people) {
        std::string csv =
            "id_kind,id_number,nationality,name,sex,birth_date,ethnicity,hukou_address,residence_address_id,"
            "category,phones,permit_no,permit_expires\n";
        for (size_t i = 0; i < people.size(); ++i) {
            const Person& p = people[i];
            std::string hukou = p.hukou_address;
            if (i % 97 == 0) hukou += "\t东区\\3栋 \"老楼\",\n二层\r";  // what COPY's text format must escape
            std::string phones;
            for (const auto& ph : p.phones) phones += (phones.empty() ? "" : ";") + ph;
            csv += p.id_kind + "," + p.id_number + "," + p.nationality + "," + CsvField(p.name) + "," + p.sex + "," +
                   p.birth_date + "," + CsvField(p.ethnicity) + "," + CsvField(hukou) + "," +
                   p.residence_address_id.value_or("") + "," + p.category + "," + CsvField(phones) + "," + p.permit_no +
                   "," + p.permit_expires.value_or("") + "\n";
        }
        return csv;
    }
    // The whole register in the clear plus what the export leaves out, in id order, ids replaced by their rank:
    // an identity registered already still draws a number from the id sequence on its way to ON CONFLICT, so
    // the gaps fall where the chunks end (2,000 rows before, 16,384 now), but the order is the file's either way.
    std::string Register(storage::Connection& c) {
        std::string out;
        EXPECT_TRUE(ExportPeopleCsv(c, false, false, [&](const std::string& s) { out += s; }).ok());
        auto rows = c.Query(
            "SELECT id, id_index, version, collected_by, unit_id, created_at, updated_at FROM community_people "
            "ORDER BY id");
        EXPECT_TRUE(rows.ok());
        std::map<std::string, std::string> rank;
        for (const auto& r : *rows) rank[r.Str(0)] = "#" + std::to_string(rank.size() + 1);
        std::string ranked;
        size_t line = 0;
        for (size_t at = 0; at < out.size();) {
            size_t end = out.find('\n', at);
            if (end == std::string::npos) end = out.size();
            std::string l = out.substr(at, end - at);
            const size_t comma = l.find(',');
            // Export lines start with the id (a quoted line break inside a field continues the previous line).
            if (line++ > 0 && comma != std::string::npos && rank.count(l.substr(0, comma)))
                l = rank[l.substr(0, comma)] + l.substr(comma);
            ranked += l + "\n";
            at = end + 1;
        }
        for (const auto& r : *rows) {
            ranked += rank[r.Str(0)];
            for (size_t i = 1; i < r.size(); ++i) ranked += "," + r.Str(i);
            ranked += "\n";
        }
        return ranked;
    }
    Result<PeopleImportReport> Run(storage::Connection& c, const std::string& csv, bool reference) {
        Result<PeopleImportReport> out = Status::Internal("not run");
        Status s = storage::InTransaction(c, [&](storage::Connection& tx) -> Status {
            out = reference ? ReferenceImport(tx, csv, officer_, kNow) : ImportPeopleCsv(tx, csv, officer_, kNow);
            if (!out.ok()) return out.status();
            return out->errors.empty() ? Status::Ok() : Status::Invalid("file", "errors_by_line");
        });
        if (!s.ok() && s.fields().count("file") == 0) return s;
        return out;
    }

    std::vector<test_support::Schema> schemas_;
    std::unique_ptr<storage::Database> ref_db_;
    std::unique_ptr<storage::Database::Lease> ref_lease_;
    auth::Principal officer_;
    std::vector<std::string> addresses_;
};

TEST_P(PeopleImportTest, TheSameRegisterAndReportAsTheRowByRowImport) {
    const auto people = DemoPeople(20000, addresses_, {{officer_.user_id, officer_.unit_id}}, kNow);
    RegisterBefore(people, {0, 1, 7, 5000, 16383, 16384, 16385, 19999});
    const std::string csv = Csv(people);
    auto bulk = Run(*c_, csv, false);
    auto reference = Run(ref(), csv, true);
    ASSERT_TRUE(bulk.ok()) << bulk.status().message();
    ASSERT_TRUE(reference.ok()) << reference.status().message();
    EXPECT_EQ(ReportJson(*bulk).dump(), ReportJson(*reference).dump());
    EXPECT_EQ(bulk->rows, 20000);
    EXPECT_EQ(bulk->created, 20000 - 8);
    EXPECT_EQ(bulk->existing, 8);
    const std::string a = Register(*c_), b = Register(ref());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people"), 20000);
    EXPECT_EQ(a.size(), b.size());
    if (a != b) {
        size_t i = 0;
        while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
        const size_t from = a.rfind('\n', i) == std::string::npos ? 0 : a.rfind('\n', i) + 1;
        ADD_FAILURE() << "the registers differ from\n" << a.substr(from, 300) << "\n---\n" << b.substr(from, 300);
    }
    // The awkward text came through whole, and a person registered before got only the empty fields filled.
    EXPECT_NE(a.find("二层"), std::string::npos);
    auto early = FindPersonByIdNumber(*c_, people[1].id_kind, people[1].id_number, people[1].nationality);
    ASSERT_TRUE(early.ok() && early->has_value());
    EXPECT_EQ((*early)->name, people[1].name + "甲");
    EXPECT_EQ((*early)->ethnicity, "回族");
    EXPECT_EQ((*early)->phones, people[1].phones);
    EXPECT_EQ((*early)->version, people[1].phones.empty() && people[1].hukou_address.empty() ? 1 : 2);
    // Nothing personal in the clear, and the load table is gone.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people WHERE id_number NOT LIKE 'sm4:%'"), 0);
    EXPECT_FALSE(c_->Query("SELECT COUNT(*) FROM jw_people_load").ok());
}

TEST_P(PeopleImportTest, ErrorsByLineAreTheSameAndNothingIsWritten) {
    auto people = DemoPeople(3000, addresses_, {{officer_.user_id, officer_.unit_id}}, kNow);
    std::string csv = Csv(people);
    // Bad rows at known places: a wrong check character, an unknown address, a duplicate identity, a bad date,
    // a row with too many fields.
    csv += people[10].id_kind + "," + people[10].id_number + "," + people[10].nationality + ",重复,,,,,,,,,\n";
    const std::string good = Id18("51990119850505124");
    csv += "resident_id," + good.substr(0, 17) + (good[17] == '1' ? "2" : "1") + ",,坏号,,,,,,,,,\n";
    csv += "resident_id," + Id18("51990119850505125") + ",,无址,,,,,519901-nowhere,,,,\n";
    csv += "passport,E7654321,USA,Smith,male,1990-02-30,,,,,,,\n";
    csv += "resident_id,1,2,3,4,5,6,7,8,9,10,11,12,13,14\n";
    const int64_t before = Count("SELECT COUNT(*) FROM community_people");
    auto bulk = Run(*c_, csv, false);
    auto reference = Run(ref(), csv, true);
    ASSERT_TRUE(bulk.ok()) << bulk.status().message();
    ASSERT_TRUE(reference.ok()) << reference.status().message();
    EXPECT_EQ(ReportJson(*bulk).dump(), ReportJson(*reference).dump());
    ASSERT_GE(bulk->errors.size(), 4u);
    EXPECT_EQ(bulk->errors[0].field, "id_number");  // the line number counts the quoted line breaks above
    EXPECT_EQ(bulk->errors[0].problem, "duplicate");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people"), before);
}

TEST_P(PeopleImportTest, AFailureAfterTheImportRollsEverythingBack) {
    const auto people = DemoPeople(2000, addresses_, {{officer_.user_id, officer_.unit_id}}, kNow);
    Status s = storage::InTransaction(*c_, [&](storage::Connection& tx) -> Status {
        JW_ASSIGN_OR_RETURN(auto r, ImportPeopleCsv(tx, Csv(people), officer_, kNow));
        if (r.created != 2000) return Status::Internal("not imported");
        return Status::Invalid("test", "audit_failed");  // e.g. the audit record of the import cannot be written
    });
    EXPECT_EQ(s.fields().at("test"), "audit_failed");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people"), 0);
    // The connection goes on: the same file imports afterwards.
    ASSERT_TRUE(Run(*c_, Csv(people), false).ok());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people"), 2000);
}

INSTANTIATE_TEST_SUITE_P(Backends, PeopleImportTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::community
