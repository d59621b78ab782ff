// The scheduled purge of abandoned photos (media_purge.hpp) on SQLite and PostgreSQL: photos never attached go
// after the set hours, attached and recent ones stay, and every run is audited with the count.
#include "media/media_purge.hpp"

#include <gtest/gtest.h>

#include "media/media_store.hpp"
#include "storage/committer.hpp"
#include "test_support/database_test.hpp"

namespace jw::media {
namespace {

constexpr int64_t kNow = 1790000000;

class MediaPurgeTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        auto schemas = test_support::PlatformSchemas(/*with_audit=*/true);
        schemas.push_back({"media", &schema::EmbeddedFiles()});
        if (!OpenDatabase("media_purge", schemas)) return;
        audit_ = std::move(audit::AuditLog::Open(*db_)).value();
        committer_ = std::move(storage::Committer::Start(*db_, audit_->CommitterHooks())).value();
        audit_->Attach(committer_.get());
    }
    void TearDown() override { committer_.reset(); }
    std::string Upload(int64_t at) {
        MediaObject m;
        m.media_id = NewMediaId();
        m.content_type = "image/jpeg";
        m.bytes = 3;
        m.width = 1, m.height = 1;
        m.sealed = vault_.Seal("jpg");
        m.uploaded_by = 7;
        m.unit_id = 1;
        m.created_at = at;
        EXPECT_TRUE(InsertMedia(*c_, m).ok());
        return m.media_id;
    }
    MediaVault vault_{"master-key-for-tests"};
    std::unique_ptr<audit::AuditLog> audit_;
    std::unique_ptr<storage::Committer> committer_;
};

TEST_P(MediaPurgeTest, AbandonedPhotosGoAfterTheSetHoursAndEachRunIsAudited) {
    const std::string old_loose = Upload(kNow - 25 * 3600);
    const std::string old_attached = Upload(kNow - 48 * 3600);
    const std::string young_loose = Upload(kNow - 23 * 3600);
    ASSERT_TRUE(Attach(*c_, old_attached, "test.thing", 1, 7).ok());

    auto gone = PurgeAbandoned(*audit_, 24, kNow);
    ASSERT_TRUE(gone.ok()) << gone.status().message();
    EXPECT_EQ(*gone, 1);
    EXPECT_FALSE(LoadMedia(*c_, old_loose).ok());
    EXPECT_TRUE(LoadMedia(*c_, old_attached).ok());
    EXPECT_TRUE(LoadMedia(*c_, young_loose).ok());

    // A shorter setting takes the younger one too; a run with nothing to do is recorded all the same.
    EXPECT_EQ(*PurgeAbandoned(*audit_, 12, kNow), 1);
    EXPECT_FALSE(LoadMedia(*c_, young_loose).ok());
    EXPECT_EQ(*PurgeAbandoned(*audit_, 12, kNow), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'media.purge' AND result = 'ok'"), 3);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'media.purge' AND detail = "
                    "'1 photos unattached for more than 24 hours'"),
              1);
    EXPECT_EQ(PurgeAbandoned(*audit_, 0, kNow).status().code(), ErrorCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, MediaPurgeTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::media
