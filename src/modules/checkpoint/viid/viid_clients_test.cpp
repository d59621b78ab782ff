#include "checkpoint/viid/viid_clients.hpp"

#include <gtest/gtest.h>

#include "checkpoint/checkpoint_test_fixture.hpp"

namespace jw::checkpoint {
namespace {

using storage::V;

const std::string kKey = "0123456789abcdef";
const std::string kId = "51990100002000000001";

class ViidClientsTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override { OpenDatabase("viid_clients", testing::CheckpointSchemas(), /*seed_roles=*/false); }
};

TEST_P(ViidClientsTest, BadInputNamesEveryFieldAndWritesNothing) {
    Status s = AddViidClient(*c_, kKey, "1234", "short", std::string(101, 'x'), 100);
    ASSERT_EQ(s.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.fields().at("id"), "bad_format");
    EXPECT_EQ(s.fields().at("password"), "length_12_to_64");
    EXPECT_EQ(s.fields().at("name"), "too_long");
    EXPECT_TRUE(ListViidClients(*c_)->empty());
}

TEST(ViidSecretPolicy, LengthClassesCommonWordsAndTheIdAreChecked) {
    EXPECT_TRUE(CheckViidSecret(kId, "Viid#Secret2026").ok());
    EXPECT_EQ(CheckViidSecret(kId, "12345678").fields().at("password"), "length_12_to_64");
    EXPECT_EQ(CheckViidSecret(kId, std::string(65, 'a') + "A1#").fields().at("password"), "length_12_to_64");
    EXPECT_EQ(CheckViidSecret(kId, "abcdefghijklmnop").fields().at("password"), "weak_password");  // one class
    EXPECT_EQ(CheckViidSecret(kId, "Password#2026").fields().at("password"), "weak_password");     // common word
    EXPECT_EQ(CheckViidSecret(kId, "Qx#123456789z").fields().at("password"), "weak_password");     // 123456
    EXPECT_EQ(CheckViidSecret(kId, "A#" + kId).fields().at("password"), "weak_password");          // the ID
    EXPECT_EQ(CheckViidSecret(kId, "aaaaaaaaaaA1#").fields().at("password"), "weak_password");     // 4 distinct
}

TEST_P(ViidClientsTest, WeakSecretsAndUnknownUnitsAreRefusedAndWriteNothing) {
    Status s = AddViidClient(*c_, kKey, kId, "12345678", "", 100);
    EXPECT_EQ(s.fields().at("password"), "length_12_to_64");
    s = AddViidClient(*c_, kKey, kId, "Secret#2026ok", "", 100, 999999);
    EXPECT_EQ(s.fields().at("unit_id"), "not_found");
    EXPECT_TRUE(ListViidClients(*c_)->empty());
    const int64_t unit = Unit("519901010200", "指挥中心", std::nullopt, "office");
    ASSERT_TRUE(AddViidClient(*c_, kKey, kId, "Secret#2026ok", "", 100, unit).ok());
    ASSERT_TRUE(AddViidClient(*c_, kKey, kId, "Secret#2027ok", "", 200).ok());  // a new secret keeps the unit
    EXPECT_EQ((*ListViidClients(*c_))[0].unit_id, unit);
    EXPECT_EQ(ViidClientCredentials(*c_, kKey, kId)->unit_id, unit);
}

TEST_P(ViidClientsTest, SecretIsStoredEncryptedAndReadBack) {
    ASSERT_TRUE(AddViidClient(*c_, kKey, kId, "Secret#2026ok", "上级平台", 100).ok());
    auto row = c_->QueryOne("SELECT secret_enc FROM viid_clients WHERE id = ?", {V(kId)});
    ASSERT_TRUE(row.ok());
    EXPECT_EQ(row->Str(0).find("Secret"), std::string::npos);
    EXPECT_EQ(*ViidClientSecret(*c_, kKey, kId), "Secret#2026ok");
    EXPECT_EQ(ViidClientSecret(*c_, "fedcba9876543210", kId).status().code(), ErrorCode::kInternal);
    EXPECT_EQ(ViidClientSecret(*c_, kKey, "51990100002000000009").status().code(), ErrorCode::kNotFound);
    auto list = ListViidClients(*c_);
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ((*list)[0].name, "上级平台");
    EXPECT_TRUE((*list)[0].enabled);
    EXPECT_FALSE((*list)[0].registered_at);
}

TEST_P(ViidClientsTest, RegistrationStateDisableAndReplace) {
    ASSERT_TRUE(AddViidClient(*c_, kKey, kId, "Secret#2026ok", "", 100).ok());
    ASSERT_TRUE(MarkViidRegistered(*c_, kId, "127.0.0.1", 200, "hash1").ok());
    ASSERT_TRUE(MarkViidSeen(*c_, kId, 260).ok());
    EXPECT_EQ(c_->QueryOne("SELECT session_hash FROM viid_clients")->Str(0), "hash1");
    auto v = (*ListViidClients(*c_))[0];
    EXPECT_EQ(v.registered_at, 200);
    EXPECT_EQ(v.last_seen, 260);
    EXPECT_EQ(v.last_address, "127.0.0.1");

    ASSERT_TRUE(SetViidClientEnabled(*c_, kId, false, 300).ok());
    v = (*ListViidClients(*c_))[0];
    EXPECT_FALSE(v.enabled);
    EXPECT_FALSE(v.registered_at);
    EXPECT_TRUE(c_->QueryOne("SELECT session_hash FROM viid_clients")->IsNull(0));  // disabling ends the session
    EXPECT_EQ(ViidClientSecret(*c_, kKey, kId).status().code(), ErrorCode::kNotFound);

    // Replacing the secret enables the client again; it must register anew.
    ASSERT_TRUE(MarkViidRegistered(*c_, kId, "127.0.0.1", 310).ok());
    ASSERT_TRUE(AddViidClient(*c_, kKey, kId, "NewSecret#1x", "平台", 400).ok());
    v = (*ListViidClients(*c_))[0];
    EXPECT_TRUE(v.enabled);
    EXPECT_FALSE(v.registered_at);
    EXPECT_EQ(v.created_at, 100);
    EXPECT_EQ(v.updated_at, 400);
    EXPECT_EQ(*ViidClientSecret(*c_, kKey, kId), "NewSecret#1x");

    ASSERT_TRUE(MarkViidUnregistered(*c_, kId, 500).ok());
    EXPECT_EQ(SetViidClientEnabled(*c_, "51990100002000000009", false, 1).code(), ErrorCode::kNotFound);
    EXPECT_EQ(MarkViidRegistered(*c_, "51990100002000000009", "", 1).code(), ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, ViidClientsTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::checkpoint
