#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <sstream>

#include "common/civil_time.hpp"
#include "notify/outbox.hpp"
#include "notify/scheduler.hpp"
#include "notify/signals.hpp"
#include "storage/migrations.hpp"
#include "storage/test_databases.hpp"

namespace jw::notify {
namespace {

class RecordingSms final : public SmsGateway {
  public:
    Status Send(int64_t, const std::string& text) override {
        sent.push_back(text);
        return Status::Ok();
    }
    Status SendToPhone(const std::string& phone, const std::string& text) override {
        if (!gateway_up) return Status(ErrorCode::kUnavailable, "gateway down");
        to_phone.emplace_back(phone, text);
        return Status::Ok();
    }
    std::vector<std::string> sent;
    std::vector<std::pair<std::string, std::string>> to_phone;
    bool gateway_up = true;
};

class NotifyTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        const std::string url = storage::testing::FreshDatabaseUrl(GetParam(), "notify");
        if (url.empty()) GTEST_SKIP() << "JW_TEST_PG_URL is not set";
        db_ = std::move(storage::Database::Open(url)).value();
        auto c = db_->Acquire();
        ASSERT_TRUE((*c)->ExecScript("DROP TABLE IF EXISTS notifications; DROP TABLE IF EXISTS scheduled_jobs; "
                                     "DROP TABLE IF EXISTS schema_migrations")
                        .ok());
        ASSERT_TRUE(storage::ApplyMigrations(
                        **c, storage::MigrationsFromFiles("notify", db_->dialect(), schema::EmbeddedFiles()))
                        .ok());
        committer_ = std::move(storage::Committer::Start(*db_)).value();
    }
    std::unique_ptr<storage::Database> db_;
    std::unique_ptr<storage::Committer> committer_;
};

// 250 older messages for a user with no open page (more than one delivery pass takes) must not hold up a fresh
// message for a user whose page is open.
TEST_P(NotifyTest, MessagesToOfflineUsersDoNotHoldUpFreshOnes) {
    Outbox outbox(*db_, std::make_unique<RecordingSms>());
    ASSERT_TRUE(committer_
                    ->Run([](storage::Connection& c) -> Status {
                        for (int i = 0; i < 250; ++i)
                            JW_RETURN_IF_ERROR(
                                Outbox::Enqueue(c, {0, 7, "alert", "红色预警", "offline " + std::to_string(i), "inapp"})
                                    .status());
                        return Status::Ok();
                    })
                    .ok());
    std::vector<std::string> pushed;
    outbox.Start(
        committer_.get(),
        [&](int64_t user, const Outbox::PushText& text) -> size_t {
            if (user != 8) return 0;  // only user 8 has an open page
            pushed.push_back(text(Lang::kZhCN));
            return 1;
        },
        0);
    EXPECT_EQ(outbox.DeliverPending(), 0u);  // the first 200 of user 7 fail once
    ASSERT_TRUE(committer_
                    ->Run([](storage::Connection& c) -> Status {
                        return Outbox::Enqueue(c, {0, 8, "alert", "红色预警", "for the duty desk", "inapp"}).status();
                    })
                    .ok());
    EXPECT_EQ(outbox.DeliverPending(), 1u);
    ASSERT_EQ(pushed.size(), 1u);
    EXPECT_NE(pushed[0].find("for the duty desk"), std::string::npos);
    outbox.Stop();
}

TEST_P(NotifyTest, UndeliveredMessagesAreRetriedUntilTheUserIsOnline) {
    auto sms = std::make_unique<RecordingSms>();
    RecordingSms* sms_ptr = sms.get();
    Outbox outbox(*db_, std::move(sms));
    ASSERT_TRUE(committer_
                    ->Run([](storage::Connection& c) -> Status {
                        JW_RETURN_IF_ERROR(
                            Outbox::Enqueue(c, {0, 7, "reminder", "案件即将超期", "A1 还有 2 天", "inapp"}).status());
                        return Outbox::Enqueue(c, {0, 7, "reminder", "案件即将超期", "A1 还有 2 天", "sms"}).status();
                    })
                    .ok());
    bool online = false;
    std::vector<std::string> pushed;
    outbox.Start(
        committer_.get(),
        [&](int64_t user, const Outbox::PushText& text) -> size_t {
            if (!online || user != 7) return 0;
            pushed.push_back(text(Lang::kZhCN));
            return 1;
        },
        0);
    EXPECT_EQ(outbox.DeliverPending(), 1u);  // the SMS; the user has no open page yet
    EXPECT_EQ(sms_ptr->sent.size(), 1u);
    online = true;
    EXPECT_EQ(outbox.DeliverPending(), 1u);
    ASSERT_EQ(pushed.size(), 1u);
    EXPECT_NE(pushed[0].find("案件即将超期"), std::string::npos);
    EXPECT_EQ(outbox.DeliverPending(), 0u);  // delivered once, not again
    outbox.Stop();
    auto c = db_->Acquire();
    auto list = outbox.List(**c, 7, true, 1, 20);
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list->second, 1);  // the in-app message stays in the inbox until read
    EXPECT_EQ(outbox.MarkRead(**c, 8, list->first[0].id, 1).code(), ErrorCode::kNotFound);  // not another user's
}

TEST_P(NotifyTest, SmsToAPhoneIsRetriedThenSentOnceAndItsTextBlankedAndNumberMasked) {
    auto sms = std::make_unique<RecordingSms>();
    RecordingSms* sms_ptr = sms.get();
    sms_ptr->gateway_up = false;
    Outbox outbox(*db_, std::move(sms));
    ASSERT_TRUE(committer_
                    ->Run([](storage::Connection& c) -> Status {
                        return Outbox::EnqueueSms(c, "13800001234", "case_query_code", "查询码 12345678").status();
                    })
                    .ok());
    outbox.Start(committer_.get(), {}, 0);
    EXPECT_EQ(outbox.DeliverPending(), 0u);  // gateway down: stays pending
    sms_ptr->gateway_up = true;
    EXPECT_EQ(outbox.DeliverPending(), 1u);
    EXPECT_EQ(outbox.DeliverPending(), 0u);
    outbox.Stop();
    ASSERT_EQ(sms_ptr->to_phone.size(), 1u);
    EXPECT_EQ(sms_ptr->to_phone[0].first, "13800001234");
    EXPECT_EQ(sms_ptr->to_phone[0].second, "查询码 12345678");
    auto c = db_->Acquire();
    auto row = (*c)->QueryOne("SELECT body, user_id, phone FROM notifications WHERE channel = 'sms'");
    ASSERT_TRUE(row.ok());
    EXPECT_EQ(row->Str(0), "");                               // the code is not kept once sent
    EXPECT_EQ(row->Str(2), "138****1234");                    // nor the whole number
    EXPECT_EQ(outbox.List(**c, 0, false, 1, 20)->second, 0);  // never in anyone's inbox
}

// Issue 12: a notification travels as a code and parameters; its words are made when shown or sent.
TEST_P(NotifyTest, CodedNotificationIsWordedWhenSentAndShownAndKeepsItsCodes) {
    auto sms = std::make_unique<RecordingSms>();
    RecordingSms* sms_ptr = sms.get();
    Outbox outbox(*db_, std::move(sms));
    Notification n;
    n.user_id = 7;
    n.kind = "alert";
    n.code = "alerts.raised";
    n.params = {{"colour", "red"},       {"title", "套牌车"}, {"subject", "川A12345"},
                {"units", "城关派出所"}, {"minutes", "5"},    {"alert_id", "42"}};
    ASSERT_TRUE(committer_
                    ->Run([&](storage::Connection& c) -> Status {
                        n.channel = "inapp";
                        JW_RETURN_IF_ERROR(Outbox::Enqueue(c, n).status());
                        n.channel = "sms";
                        return Outbox::Enqueue(c, n).status();
                    })
                    .ok());
    std::vector<std::string> pushed;
    outbox.Start(
        committer_.get(),
        [&](int64_t, const Outbox::PushText& text) -> size_t {
            pushed.push_back(text(Lang::kZhCN));
            return 1;
        },
        0);
    EXPECT_EQ(outbox.DeliverPending(), 2u);
    outbox.Stop();
    ASSERT_EQ(sms_ptr->sent.size(), 1u);
    EXPECT_EQ(sms_ptr->sent[0], "【红色预警】套牌车：川A12345 · 下发：城关派出所 · 请在5分钟内签收（预警编号 42）");
    ASSERT_EQ(pushed.size(), 1u);
    const Json push = Json::parse(pushed[0]);
    EXPECT_EQ(push["data"]["code"], "alerts.raised");
    EXPECT_EQ(push["data"]["params"]["colour"], "red");
    EXPECT_EQ(push["data"]["title"], "【红色预警】套牌车");
    auto c = db_->Acquire();
    auto list = outbox.List(**c, 7, false, 1, 20);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->first.size(), 1u);
    EXPECT_EQ(list->first[0].params.at("colour"), "red");
    EXPECT_EQ(NotificationJson(list->first[0], Lang::kEn)["title"], "[red alert] 套牌车");
    // Rows from before codes keep their ready words.
    Notification old;
    old.title = "案件即将超期";
    old.body = "A1 还有 2 天";
    EXPECT_EQ(TitleOf(old, Lang::kEn), "案件即将超期");
    EXPECT_EQ(NotificationJson(old, Lang::kEn)["code"], "");
}

TEST_P(NotifyTest, CodedSmsToAPhoneIsSentInChineseAndItsParametersBlanked) {
    auto sms = std::make_unique<RecordingSms>();
    RecordingSms* sms_ptr = sms.get();
    Outbox outbox(*db_, std::move(sms));
    ASSERT_TRUE(committer_
                    ->Run([](storage::Connection& c) -> Status {
                        return Outbox::EnqueueSms(
                                   c, "13800001234", "device", "checkpoint.device_offline",
                                   {{"name", "城关卡口"}, {"device_id", "51990100001210000091"}, {"last_seen", "-"}})
                            .status();
                    })
                    .ok());
    outbox.Start(committer_.get(), {}, 0);
    EXPECT_EQ(outbox.DeliverPending(), 1u);
    outbox.Stop();
    ASSERT_EQ(sms_ptr->to_phone.size(), 1u);
    EXPECT_EQ(sms_ptr->to_phone[0].second, "城关卡口 · 51990100001210000091 · 最后在线 -");
    auto c = db_->Acquire();
    auto row = (*c)->QueryOne("SELECT params, phone FROM notifications WHERE channel = 'sms'");
    ASSERT_TRUE(row.ok());
    EXPECT_EQ(row->Str(0), "");  // what it said is not kept once sent (a query code would be among it)
    EXPECT_EQ(row->Str(1), "138****1234");
}

// Regression (issue 11, finding 2): the server log held 1,880 whole query codes from logged SMS texts.
TEST(LoggingSmsGateway, LogsMaskedAndWritesWholeTextsOnlyToTheDemoFile) {
    const std::string file = ::testing::TempDir() + "jw_demo_sms_" + std::to_string(::getpid()) + ".txt";
    std::remove(file.c_str());
    std::ostringstream captured;
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
    auto previous = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink));
    LoggingSmsGateway demo(file);
    ASSERT_TRUE(demo.SendToPhone("13800001234", "案件编号5199012026XZ00001，查询码04718263。").ok());
    ASSERT_TRUE(demo.Send(7, "嫌疑人身份证11010519491231002X").ok());
    LoggingSmsGateway quiet;
    ASSERT_TRUE(quiet.SendToPhone("13900005678", "查询码55554444").ok());
    spdlog::set_default_logger(previous);
    const std::string log = captured.str();
    EXPECT_NE(log.find("sms to phone ending 1234"), std::string::npos);
    for (const char* secret : {"04718263", "13800001234", "11010519491231002X", "55554444", "13900005678"})
        EXPECT_EQ(log.find(secret), std::string::npos) << secret;
    std::ifstream in(file);
    const std::string whole((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(whole.find("13800001234: 案件编号5199012026XZ00001，查询码04718263。"), std::string::npos);
    EXPECT_EQ(whole.find("55554444"), std::string::npos);  // no file configured: written nowhere
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    std::remove(file.c_str());
}

// A replaceable signal: one row per user and kind whatever how often it is sent, stored read (never in the unread
// inbox), written in the caller's transaction (a rolled-back change leaves the earlier signal), and the latest one
// is what an open page gets. Other kinds and other users are left alone.
TEST_P(NotifyTest, ReplaceableSignalKeepsOneRowPerUserAndKindInTheCallersTransaction) {
    auto signal = [](int64_t user, const std::string& id) {
        Notification n;
        n.user_id = user;
        n.kind = "board_signal";
        n.title = "changed";
        n.params = {{"id", id}};
        return n;
    };
    ASSERT_TRUE(
        committer_
            ->Run([&](storage::Connection& c) -> Status {
                JW_RETURN_IF_ERROR(Outbox::Enqueue(c, {0, 7, "alert", "红色预警", "keep me", "inapp"}).status());
                JW_RETURN_IF_ERROR(ReplaceSignal(c, signal(8, "other user"), 100).status());
                for (int i = 1; i <= 3; ++i)
                    JW_RETURN_IF_ERROR(ReplaceSignal(c, signal(7, std::to_string(i)), 100 + i).status());
                return Status::Ok();
            })
            .ok());
    auto c = db_->Acquire();
    auto rows = [&](int64_t user, const std::string& kind) {
        auto r = (*c)->Query("SELECT params, read_at FROM notifications WHERE user_id = ? AND kind = ?",
                             {storage::V(user), storage::V(kind)});
        EXPECT_TRUE(r.ok());
        return r.ok() ? *r : std::vector<storage::Row>{};
    };
    auto mine = rows(7, "board_signal");
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_NE(mine[0].Str(0).find("\"3\""), std::string::npos);  // the last one
    EXPECT_EQ(mine[0].Int(1), 103);                              // stored read at the given time
    EXPECT_EQ(rows(7, "alert").size(), 1u);
    EXPECT_EQ(rows(8, "board_signal").size(), 1u);
    Outbox outbox(*db_, std::make_unique<RecordingSms>());
    auto unread = outbox.List(**c, 7, true, 1, 20);
    ASSERT_TRUE(unread.ok());
    EXPECT_EQ(unread->second, 1);  // the alert only
    // A change that fails after its signal is rolled back with it: the earlier signal stays.
    EXPECT_FALSE(committer_
                     ->Run([&](storage::Connection& tx) -> Status {
                         JW_RETURN_IF_ERROR(ReplaceSignal(tx, signal(7, "rolled back"), 200).status());
                         return Status::Invalid("x", "failed");
                     })
                     .ok());
    mine = rows(7, "board_signal");
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_NE(mine[0].Str(0).find("\"3\""), std::string::npos);
    // The open page gets the one waiting signal, once.
    std::vector<std::string> pushed;
    outbox.Start(
        committer_.get(),
        [&](int64_t user, const Outbox::PushText& text) -> size_t {
            if (user != 7) return 0;
            pushed.push_back(text(Lang::kZhCN));
            return 1;
        },
        0);
    outbox.DeliverPending();
    outbox.DeliverPending();
    outbox.Stop();
    size_t signals = 0;
    for (const auto& p : pushed) signals += p.find("board_signal") != std::string::npos ? 1 : 0;
    EXPECT_EQ(signals, 1u);
    // Bad input names the field and writes nothing.
    Notification nobody = signal(0, "x");
    EXPECT_EQ(ReplaceSignal(**c, nobody, 1).status().fields().at("user_id"), "required");
}

// A notification queued by a committed write is delivered at once, with no Wake() from the writer and a delivery
// period of an hour: the commit wakes the outbox (SQLite has no LISTEN; a handler that forgot Wake() left the
// duty desk waiting for the next pass). A rolled-back write delivers nothing.
TEST_P(NotifyTest, ACommittedNotificationWakesTheDeliveryWithoutWake) {
    Outbox outbox(*db_, std::make_unique<RecordingSms>());
    std::mutex mu;
    std::condition_variable cv;
    std::vector<std::string> pushed;
    outbox.Start(
        committer_.get(),
        [&](int64_t user, const Outbox::PushText& text) -> size_t {
            if (user != 7) return 0;
            std::lock_guard lock(mu);
            pushed.push_back(text(Lang::kZhCN));
            cv.notify_all();
            return 1;
        },
        3600 * 1000);
    // The thread's first pass (at an hour) has not run: only a wake-up can deliver within the wait below.
    ASSERT_FALSE(
        committer_
            ->Run([](storage::Connection& c) -> Status {
                JW_RETURN_IF_ERROR(Outbox::Enqueue(c, {0, 7, "alert", "红色预警", "rolled back", "inapp"}).status());
                return Status::Invalid("x", "failed");
            })
            .ok());
    ASSERT_TRUE(committer_
                    ->Run([](storage::Connection& c) -> Status {
                        return Outbox::Enqueue(c, {0, 7, "alert", "红色预警", "committed", "inapp"}).status();
                    })
                    .ok());
    {
        std::unique_lock lock(mu);
        // A generous bound: on a loaded runner the delivery thread may wait for a core; an hour-long period means
        // anything delivered at all came from the wake-up.
        ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return !pushed.empty(); }));
        ASSERT_EQ(pushed.size(), 1u);
        EXPECT_NE(pushed[0].find("committed"), std::string::npos);
    }
    outbox.Stop();
}

TEST_P(NotifyTest, ScheduledJobRunsWhenDueAndNotTwiceAtOnce) {
    Scheduler scheduler(*db_, *committer_);
    const int64_t start = jw::NowUnix();
    int runs = 0;
    ASSERT_TRUE(scheduler
                    .Register("expire", 60,
                              [&] {
                                  ++runs;
                                  // While this job runs, its lease is held: a second pass cannot claim it.
                                  EXPECT_EQ(scheduler.RunDue(start + 61), 0);
                                  return Status::Ok();
                              })
                    .ok());
    EXPECT_EQ(scheduler.RunDue(start), 0);       // not yet due
    EXPECT_EQ(scheduler.RunDue(start + 61), 1);  // due
    EXPECT_EQ(runs, 1);
    EXPECT_EQ(scheduler.RunDue(start + 62), 0);  // next run is an interval later
    EXPECT_EQ(scheduler.RunDue(start + 122), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, NotifyTest, ::testing::ValuesIn(storage::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jw::notify
