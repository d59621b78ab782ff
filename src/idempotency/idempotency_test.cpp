// The Idempotency-Key mechanism (idempotency.hpp) on SQLite and PostgreSQL: a write applied once per user and
// key whatever the resends, races settled in the writing transaction, a key reused for another request refused.
#include "idempotency/idempotency.hpp"

#include <gtest/gtest.h>

#include "test_support/database_test.hpp"

namespace jw::idempotency {
namespace {

class IdempotencyTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"idempotency", &schema::EmbeddedFiles()});
        if (!OpenDatabase("idempotency", schemas)) return;
        ASSERT_TRUE(c_->Exec("CREATE TABLE idem_things (id BIGINT NOT NULL, what TEXT NOT NULL)").ok());
        alice_.user_id = 7;
        bob_.user_id = 8;
    }

    // A write route as a module has one: the handler checks, its write job inserts a row and answers its id.
    http::Handler Route() {
        return Once(*db_, "master-key-for-tests", [this](http::Request& req) -> Result<http::Reply> {
            ++handler_runs_;
            if (req.body == "refuse") return Status::Invalid("what", "refused");
            http::Reply r;
            const std::string what = req.body;
            r.write = [this, what](storage::Connection& c, audit::AuditEntry&, http::Reply& out) -> Status {
                if (fail_write_) return Status(ErrorCode::kConflict, "changed meanwhile");
                const int64_t id = ++next_id_;
                JW_RETURN_IF_ERROR(
                    c.Exec("INSERT INTO idem_things (id, what) VALUES (?, ?)", {storage::V(id), storage::V(what)}));
                out.status = 201;
                out.body = {{"id", id}, {"what", what}};
                return Status::Ok();
            };
            return r;
        });
    }

    http::Request Post(const auth::Principal& who, const std::string& key, const std::string& body) {
        http::Request req;
        req.method = "POST";
        req.path = "/api/v1/things";
        req.body = body;
        req.principal = &who;
        if (!key.empty()) req.headers[kHeader] = key;
        return req;
    }

    // Runs the reply's write job in a transaction, as the committer does.
    Status Commit(http::Reply& reply) {
        if (!reply.write) return Status::Ok();
        audit::AuditEntry e;
        return storage::InTransaction(*c_, [&](storage::Connection& tx) { return reply.write(tx, e, reply); });
    }

    // The whole request: handler, then its write. The reply's body as the client gets it.
    Result<http::Reply> Send(const http::Handler& route, http::Request req) {
        JW_ASSIGN_OR_RETURN(http::Reply reply, route(req));
        JW_RETURN_IF_ERROR(Commit(reply));
        if (!reply.raw) reply.raw = reply.body.dump();
        return reply;
    }

    auth::Principal alice_, bob_;
    int handler_runs_ = 0;
    int64_t next_id_ = 0;
    bool fail_write_ = false;
};

TEST_P(IdempotencyTest, AResendGetsTheFirstReplyWithoutASecondWrite) {
    auto route = Route();
    auto first = Send(route, Post(alice_, "key-0001-abcdef", "visit"));
    ASSERT_TRUE(first.ok()) << first.status().message();
    EXPECT_EQ(first->status, 201);
    auto again = Send(route, Post(alice_, "key-0001-abcdef", "visit"));
    ASSERT_TRUE(again.ok()) << again.status().message();
    EXPECT_EQ(again->status, 201);
    EXPECT_EQ(*again->raw, *first->raw);
    ASSERT_EQ(again->headers.size(), 1u);
    EXPECT_EQ(again->headers[0].first, "Idempotent-Replayed");
    EXPECT_EQ(handler_runs_, 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM idem_things"), 1);
    // Without a key every request is a new write, as before.
    ASSERT_TRUE(Send(route, Post(alice_, "", "visit")).ok());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM idem_things"), 2);
}

TEST_P(IdempotencyTest, TwoCopiesRacingWriteOnce) {
    auto route = Route();
    // Both pass the look-up before either is written (the phone resent while the first was still in flight).
    http::Request a = Post(alice_, "race-key-12345", "check"), b = Post(alice_, "race-key-12345", "check");
    auto ra = route(a);
    auto rb = route(b);
    ASSERT_TRUE(ra.ok() && rb.ok());
    ASSERT_TRUE(Commit(*ra).ok());
    ASSERT_TRUE(Commit(*rb).ok());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM idem_things"), 1);
    EXPECT_EQ(*rb->raw, *ra->raw);
    EXPECT_EQ(rb->status, 201);
}

TEST_P(IdempotencyTest, KeysBelongToTheirUser) {
    auto route = Route();
    ASSERT_TRUE(Send(route, Post(alice_, "shared-key-0001", "a")).ok());
    auto other = Send(route, Post(bob_, "shared-key-0001", "a"));
    ASSERT_TRUE(other.ok());
    EXPECT_TRUE(other->headers.empty());  // a write of its own, not Alice's reply
    EXPECT_EQ(Count("SELECT COUNT(*) FROM idem_things"), 2);
}

TEST_P(IdempotencyTest, AKeyReusedForAnotherRequestIsRefused) {
    auto route = Route();
    ASSERT_TRUE(Send(route, Post(alice_, "reused-key-0001", "first")).ok());
    auto second = Send(route, Post(alice_, "reused-key-0001", "second"));
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.status().code(), ErrorCode::kConflict);
    EXPECT_EQ(second.status().fields().at("idempotency_key"), "reused");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM idem_things"), 1);
}

TEST_P(IdempotencyTest, RefusalsAreNotRememberedSoAFixedResendApplies) {
    auto route = Route();
    fail_write_ = true;
    auto refused = Send(route, Post(alice_, "retry-key-0001", "late"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status().code(), ErrorCode::kConflict);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM idempotency_keys"), 0);
    fail_write_ = false;
    ASSERT_TRUE(Send(route, Post(alice_, "retry-key-0001", "late")).ok());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM idem_things"), 1);
    EXPECT_FALSE(Send(route, Post(alice_, "retry-key-0002", "refuse")).ok());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM idempotency_keys"), 1);
}

TEST_P(IdempotencyTest, MalformedKeysAreRefusedNamingTheField) {
    auto route = Route();
    for (const std::string& key :
         std::vector<std::string>{"short", std::string(65, 'a'), "has space 123", "semi;colon-123"}) {
        auto r = Send(route, Post(alice_, key, "x"));
        ASSERT_FALSE(r.ok()) << key;
        EXPECT_EQ(r.status().fields().at("idempotency_key"), "bad_format");
    }
    EXPECT_EQ(handler_runs_, 0);
}

TEST_P(IdempotencyTest, RepliesAreSealedAndPurgedAfterTheRetention) {
    auto route = Route();
    ASSERT_TRUE(Send(route, Post(alice_, "sealed-key-0001", "ZHANGSAN")).ok());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM idempotency_keys WHERE reply LIKE '%ZHANGSAN%'"), 0);
    const int64_t created = Count("SELECT created_at FROM idempotency_keys");
    auto kept = Purge(*c_, created + (kRetentionDays * 86400) - 10);
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ(*kept, 0);
    auto purged = Purge(*c_, created + (kRetentionDays * 86400) + 10);
    ASSERT_TRUE(purged.ok());
    EXPECT_EQ(*purged, 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM idempotency_keys"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, IdempotencyTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::idempotency
