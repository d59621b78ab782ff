// Photos at rest (media_store.hpp) on SQLite and PostgreSQL: sealed, attached once, read by the uploader until
// attached and afterwards only through the owner module's access check.
#include "media/media_store.hpp"

#include <gtest/gtest.h>

#include "test_support/database_test.hpp"

namespace jw::media {
namespace {

class MediaStoreTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"media", &schema::EmbeddedFiles()});
        if (!OpenDatabase("media_store", schemas)) return;
    }
    MediaObject Upload(int64_t by, const std::string& bytes) {
        MediaObject m;
        m.media_id = NewMediaId();
        m.content_type = "image/jpeg";
        m.bytes = int64_t(bytes.size());
        m.width = 1, m.height = 1;
        m.sealed = vault_.Seal(bytes);
        m.uploaded_by = by;
        m.unit_id = 1;
        m.created_at = 1000;
        EXPECT_TRUE(InsertMedia(*c_, m).ok());
        return m;
    }
    MediaVault vault_{"master-key-for-tests"};
};

TEST_P(MediaStoreTest, SealedAtRestAndOpenedWithTheKeyOnly) {
    const MediaObject m = Upload(7, "JPEG-BYTES-PLAIN");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM media_objects WHERE sealed LIKE '%JPEG%'"), 0);
    auto loaded = LoadMedia(*c_, m.media_id);
    ASSERT_TRUE(loaded.ok());
    auto plain = vault_.Open(loaded->sealed);
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(*plain, "JPEG-BYTES-PLAIN");
    EXPECT_FALSE(MediaVault("another-key").Open(loaded->sealed).ok());
    EXPECT_EQ(LoadMedia(*c_, NewMediaId()).status().code(), ErrorCode::kNotFound);
}

TEST_P(MediaStoreTest, UploaderOnlyUntilAttachedThenTheOwnersCheck) {
    const MediaObject m = Upload(7, "x");
    auth::Principal uploader, other;
    uploader.user_id = 7;
    other.user_id = 8;
    EXPECT_TRUE(*MayRead(*c_, uploader, *LoadMedia(*c_, m.media_id)));
    EXPECT_FALSE(*MayRead(*c_, other, *LoadMedia(*c_, m.media_id)));

    // Someone else cannot attach it (the same answer as an unknown id); its uploader can, once.
    EXPECT_EQ(Attach(*c_, m.media_id, "test.thing", 5, 8).fields().at("photo_media_id"), "not_found");
    EXPECT_EQ(Attach(*c_, NewMediaId(), "test.thing", 5, 7).fields().at("photo_media_id"), "not_found");
    ASSERT_TRUE(Attach(*c_, m.media_id, "test.thing", 5, 7).ok());
    EXPECT_TRUE(Attach(*c_, m.media_id, "test.thing", 5, 7).ok());  // idempotent
    EXPECT_EQ(Attach(*c_, m.media_id, "test.thing", 6, 7, "photo").fields().at("photo"), "attached_elsewhere");

    // Attached to a kind nobody registered: nobody reads it, not even the uploader.
    EXPECT_FALSE(*MayRead(*c_, uploader, *LoadMedia(*c_, m.media_id)));
    RegisterAccessCheck("test.thing", [](storage::Connection&, const auth::Principal& p, int64_t id) -> Result<bool> {
        return p.user_id == 8 && id == 5;
    });
    EXPECT_TRUE(*MayRead(*c_, other, *LoadMedia(*c_, m.media_id)));
    EXPECT_FALSE(*MayRead(*c_, uploader, *LoadMedia(*c_, m.media_id)));
}

TEST_P(MediaStoreTest, PurgeTakesOnlyOldUnattached) {
    const MediaObject keep = Upload(7, "a"), gone = Upload(7, "b");
    ASSERT_TRUE(Attach(*c_, keep.media_id, "test.thing", 1, 7).ok());
    auto n = PurgeUnattached(*c_, 2000);
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(*n, 1);
    EXPECT_TRUE(LoadMedia(*c_, keep.media_id).ok());
    EXPECT_FALSE(LoadMedia(*c_, gone.media_id).ok());
}

TEST(MediaId, FormAndRandomness) {
    const std::string a = NewMediaId(), b = NewMediaId();
    EXPECT_NE(a, b);
    EXPECT_TRUE(IsMediaId(a));
    EXPECT_FALSE(IsMediaId("../../etc/passwd"));
    EXPECT_FALSE(IsMediaId(a.substr(0, 32)));
    EXPECT_FALSE(IsMediaId("M" + a.substr(1)));
}

INSTANTIATE_TEST_SUITE_P(Backends, MediaStoreTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::media
