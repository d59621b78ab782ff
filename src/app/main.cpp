// The `jingwu` command line: serve, init [--demo], migrate, user add|passwd|lock|unlock, audit verify,
// deadlines compute, property verify, courier ocr, version. These names are contracts other tools rely on.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <thread>

#include "analytics/cli.hpp"
#include "app/platform.hpp"
#include "auth/account_rules.hpp"
#include "auth/auth_repository.hpp"
#include "auth/seed.hpp"
#include "cases/deadlines/cli.hpp"
#include "checkpoint/demo/demo_replay.hpp"
#include "checkpoint/viid/viid_clients.hpp"
#include "common/civil_time.hpp"
#include "community/cli.hpp"
#include "courier/ocr/cli.hpp"
#include "discretion/cli.hpp"
#include "dispatch/cli.hpp"
#include "http/dispatcher.hpp"
#include "http/server.hpp"
#include "http/worker_pool.hpp"
#include "idempotency/idempotency.hpp"
#include "media/media_handlers.hpp"
#include "media/media_purge.hpp"
#include "notify/outbox.hpp"
#include "notify/scheduler.hpp"
#include "property/cli.hpp"
#include "publicauth/public_auth.hpp"
#include "storage/change_feed.hpp"
#include "units/cli.hpp"
#include "units/units_module.hpp"

namespace jw::app {
namespace {

// A periodic clean-up that needs only a database connection: one job of the shared scheduler.
template <typename Purge>
Status RegisterPurge(notify::Scheduler& scheduler, const std::string& name, int64_t every_seconds,
                     storage::Database& db, Purge purge) {
    return scheduler.Register(name, every_seconds, [&db, purge]() -> Status {
        auto c = db.Acquire();
        if (!c.ok()) return c.status();
        return purge(**c);
    });
}

int Fail(const Status& s) {
    std::cerr << "error: " << s.message();
    for (const auto& [k, v] : s.fields()) std::cerr << " [" << k << ": " << v << "]";
    std::cerr << "\n";
    return s.code() == ErrorCode::kInvalidArgument ? 2 : 1;
}

void PrintAccounts(const std::vector<auth::DemoAccount>& accounts) {
    std::cout << "账号 account        角色 role         密码 password\n";
    for (const auto& a : accounts)
        std::cout << "  " << a.username << std::string(18 - std::min<size_t>(17, a.username.size()), ' ') << a.role
                  << std::string(16 - std::min<size_t>(15, a.role.size()), ' ') << a.password << "\n";
}

int Init(Platform& p, bool demo) {
    auto c = p.db->Acquire();
    auto done = auth::IsInitialised(**c);
    if (!done.ok()) return Fail(done.status());
    if (*done) {
        std::cout << "already initialised: " << p.config.db << "\n";
        if (demo)
            PrintAccounts({{"sysadmin", auth::kDemoPassword, "sys_admin", "", ""},
                           {"secadmin", auth::kDemoPassword, "sec_admin", "", ""},
                           {"auditadmin", auth::kDemoPassword, "audit_admin", "", ""},
                           {"officer", auth::kDemoPassword, "officer", "", ""},
                           {"legal", auth::kDemoPassword, "legal_reviewer", "", ""},
                           {"duty", auth::kDemoPassword, "duty_desk", "", ""},
                           {"custodian", auth::kDemoPassword, "custodian", "", ""},
                           {"leader", auth::kDemoPassword, "leader", "", ""},
                           {"courier", auth::kDemoPassword, "courier", "", ""},
                           {"analyst", auth::kDemoPassword, "analyst", "", ""}});
        return 0;
    }
    std::vector<auth::DemoAccount> accounts;
    Status s = p.audit->Run(p.CliEntry(demo ? "system.init_demo" : "system.init", "county:" + p.config.region_code),
                            [&](storage::Connection& tx, audit::AuditEntry&) -> Status {
                                auto r =
                                    demo ? auth::SeedDemoCounty(tx, NowUnix())
                                         : auth::SeedBureau(tx, p.config.region_code, p.config.county_name, NowUnix());
                                if (!r.ok()) return r.status();
                                accounts = std::move(r).value();
                                if (!demo) return Status::Ok();
                                const modules::DemoContext ctx{p.key, p.settings, NowUnix()};
                                for (const auto& m : p.modules) JW_RETURN_IF_ERROR(m->SeedDemo(tx, ctx));
                                return Status::Ok();
                            });
    if (!s.ok()) return Fail(s);
    std::cout << (demo ? "demo county 示范县公安局 (519901) created\n" : "bureau created\n");
    if (demo && p.config.analytics_backend == "clickhouse") {
        auto shipped = WriteEnginePassesToClickHouse(p.config, p.settings.pass_dir, true);
        if (!shipped.ok()) return Fail(shipped.status());
        std::cout << *shipped;
    }
    PrintAccounts(accounts);
    if (!demo) std::cout << "initial passwords must be changed at first login\n";
    return 0;
}

// `jingwu clickhouse sync`: the engine's passes into ClickHouse (platform.hpp WriteEnginePassesToClickHouse).
int ClickHouseSync(Platform& p, bool all_days) {
    Status st = p.audit->Run(p.CliEntry("analytics.clickhouse_sync", "passes"),
                             [&](storage::Connection&, audit::AuditEntry&) -> Status {
                                 auto line = WriteEnginePassesToClickHouse(p.config, p.settings.pass_dir, all_days);
                                 if (!line.ok()) return line.status();
                                 std::cout << *line;
                                 return Status::Ok();
                             });
    return st.ok() ? 0 : Fail(st);
}

int Serve(Platform& p, const std::string& listen) {
    if (Status st = InstallAnalyticsBackend(p.config); !st.ok()) return Fail(st);
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos) return Fail(Status::Invalid("listen", "expected HOST:PORT"));
    http::ServerOptions options;
    options.host = listen.substr(0, colon);
    options.port = static_cast<uint16_t>(std::atoi(listen.substr(colon + 1).c_str()));
    options.threads = static_cast<size_t>(p.config.threads);
    options.web_root = p.config.web_root;
    options.max_connections = static_cast<size_t>(p.config.max_connections);
    for (size_t at = 0; at < p.config.allowed_origins.size();) {
        size_t end = p.config.allowed_origins.find(',', at);
        if (end == std::string::npos) end = p.config.allowed_origins.size();
        std::string o = p.config.allowed_origins.substr(at, end - at);
        std::erase(o, ' ');
        if (!o.empty()) options.allowed_origins.push_back(o);
        at = end + 1;
    }

    auth::SessionService sessions(*p.db, p.registry, p.key);
    sessions.Attach(p.committer.get());
    bool secure_cookies = true;
    if (p.config.secure_cookies) {
        secure_cookies = *p.config.secure_cookies;
    } else {
        auto c = p.db->Acquire();
        if (!c.ok()) return Fail(c.status());
        auto demo = auth::repo::IsDemo(**c);
        if (!demo.ok()) return Fail(demo.status());
        secure_cookies = !*demo;
    }
    if (!secure_cookies) spdlog::warn("session cookies without Secure: for plain-http demos on loopback only");
    notify::Outbox outbox(*p.db, std::make_unique<notify::LoggingSmsGateway>(p.config.demo_sms_file));
    notify::Scheduler scheduler(*p.db, *p.committer);
    http::Router router;
    p.settings.secure_cookies = secure_cookies;
    const modules::Services services{*p.db, *p.committer, *p.audit, outbox, sessions, p.registry, p.key, p.settings};
    modules::ServerParts parts{router, scheduler};
    media::RegisterMediaRoutes(router, *p.db, p.key);  // photos for every module; modules add access checks
    // Photos nobody attached (abandoned forms) go after the configured hours; audited each run.
    if (Status s = scheduler.Register(media::kPurgeJob, media::kPurgeIntervalSeconds,
                                      [audit = p.audit.get(), hours = p.config.media_unattached_hours] {
                                          return media::PurgeAbandoned(*audit, hours, NowUnix()).status();
                                      });
        !s.ok())
        return Fail(s);
    // The public's SMS-code login (ADR 0058): two public routes; codes expired a day ago are dropped hourly.
    publicauth::RegisterPublicAuthRoutes(router, std::make_shared<publicauth::PublicAuth>());
    if (Status s =
            RegisterPurge(scheduler, "publicauth.purge", 3600, *p.db,
                          [](storage::Connection& c) { return publicauth::PurgeExpired(c, NowUnix()).status(); });
        !s.ok())
        return Fail(s);
    // Idempotency keys of resent writes (ADR 0053) are kept idempotency::kRetentionDays, then dropped daily.
    if (Status s = RegisterPurge(scheduler, idempotency::kPurgeJob, 86400, *p.db,
                                 [](storage::Connection& c) { return idempotency::Purge(c, NowUnix()).status(); });
        !s.ok())
        return Fail(s);
    for (const auto& m : p.modules) {
        if (Status s = m->Start(services, parts); !s.ok()) {
            for (auto started = p.modules.rbegin(); started != p.modules.rend(); ++started) (*started)->Stop();
            return Fail(s);
        }
    }
    units::AttachParticipants(p.modules);  // every module's restructure participant, once all have started
    if (!parts.health_notes.empty()) {
        options.health_notes = [notes = parts.health_notes] {
            std::string text;
            for (const auto& note : notes) text += note();
            return text;
        };
    }
    http::Metrics metrics;
    http::Dispatcher dispatcher(router, sessions, *p.audit, metrics);
    // argon2 (19 MiB, ~50 ms a hash) on a pool of its own, with a short queue: a login flood is answered
    // 503 busy instead of stalling the network threads.
    const size_t hashers = std::clamp<size_t>(std::thread::hardware_concurrency(), 2, 8);
    http::WorkerPool hashing(hashers, 16 * hashers);
    dispatcher.Offload(&hashing, parts.offloaded_actions);
    if (parts.case_number_check) dispatcher.SetCaseNumberCheck(parts.case_number_check);
    storage::Committer* committer = p.committer.get();
    http::Server server(options, dispatcher, sessions, *p.db, metrics, [committer, extra = parts.metrics] {
        std::string text =
            "# TYPE jw_commit_batches_total counter\njw_commit_batches_total " + std::to_string(committer->batches()) +
            "\n# TYPE jw_commit_jobs_total counter\njw_commit_jobs_total " + std::to_string(committer->jobs()) + "\n";
        for (const auto& f : extra) text += f();
        return text;
    });
    outbox.Start(p.committer.get(), [&server](int64_t user, const notify::Outbox::PushText& text) {
        return server.PushToUser(user, text);
    });
    // Several servers on one PostgreSQL (ADR 0066): what another one (or the CLI) changed reaches this one's caches
    // at once, and a notification it queued wakes this one's delivery (its duty desks may be connected here).
    storage::PgListener listener;
    if (p.db->dialect() == storage::Dialect::kPostgres) {
        listener.Start(
            p.db->url(), {"jw_ref", "jw_outbox"},
            [&outbox](const std::string& channel, const std::string&) {
                if (channel == "jw_outbox")
                    outbox.Wake();
                else
                    storage::BumpReferenceGeneration();
            },
            [&outbox] {
                storage::BumpReferenceGeneration();  // notifications missed while away: drop every cache
                outbox.Wake();
            });
    }
    scheduler.Start();
    Status s = server.Run();
    // Each step of the stop, logged when it is slow: a stop that hangs names the step it hangs in.
    const auto step = [](const char* what, const std::function<void()>& fn) {
        const auto t0 = std::chrono::steady_clock::now();
        fn();
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
        if (ms >= 1000) spdlog::warn("stopping: {} took {} ms", what, ms);
    };
    step("modules", [&] {
        for (auto m = p.modules.rbegin(); m != p.modules.rend(); ++m) (*m)->Stop();  // before what they read goes
    });
    step("listener", [&] { listener.Stop(); });
    step("scheduler (the job under way)", [&] { scheduler.Stop(); });
    step("outbox", [&] { outbox.Stop(); });
    step("committer", [&] { p.committer->Stop(); });  // what is acknowledged is durable; this drains the queue
    return s.ok() ? 0 : Fail(s);
}

int UserCommand(Platform& p, const std::string& verb, const std::map<std::string, std::string>& opt) {
    auto c = p.db->Acquire();
    if (verb == "add") {
        auth::User u;
        u.username = opt.at("username");
        u.police_no = opt.at("police_no");
        u.name = opt.at("name");
        u.phone = opt.at("phone");
        auto unit = auth::repo::UnitIdByCode(**c, opt.at("unit"));
        if (!unit.ok()) return Fail(Status::Invalid("unit", "not_found"));
        u.unit_id = *unit;
        if (Status s = auth::ValidateNewUser(u); !s.ok()) return Fail(s);
        const std::string password = auth::GeneratePassword();
        u.password_hash = auth::HashPassword(password);
        u.status = "active";
        u.must_change_password = true;
        Status s = p.audit->Run(p.CliEntry("user.create", "user:" + u.username),
                                [&](storage::Connection& tx, audit::AuditEntry&) -> Status {
                                    auto id = auth::repo::InsertUser(tx, u, NowUnix());
                                    if (!id.ok()) return id.status();
                                    if (opt.at("role").empty()) return Status::Ok();
                                    auto roles = auth::repo::ListRoles(tx);
                                    if (!roles.ok()) return roles.status();
                                    JW_RETURN_IF_ERROR(auth::ValidateRoleSet({opt.at("role")}, *roles));
                                    return auth::repo::SetUserRoles(tx, *id, {opt.at("role")});
                                });
        if (!s.ok()) return Fail(s);
        std::cout << "user " << u.username << " created; initial password: " << password << "\n";
        return 0;
    }
    auto user = auth::repo::GetUserByUsername(**c, opt.at("username"));
    if (!user.ok()) return Fail(Status::Invalid("username", "not_found"));
    const int64_t id = user->id;
    Status s;
    if (verb == "passwd") {
        const std::string password = auth::GeneratePassword();
        const std::string hash = auth::HashPassword(password);
        s = p.audit->Run(p.CliEntry("user.reset_password", "user:" + std::to_string(id)),
                         [&](storage::Connection& tx, audit::AuditEntry&) -> Status {
                             JW_RETURN_IF_ERROR(auth::repo::SetPassword(tx, id, hash, true, NowUnix()));
                             return auth::repo::DeleteUserSessions(tx, id);  // sessions with the old password end
                         });
        if (s.ok()) std::cout << "new password for " << user->username << ": " << password << "\n";
    } else {
        const std::string status = verb == "lock" ? "locked" : "active";
        s = p.audit->Run(p.CliEntry("user." + verb, "user:" + std::to_string(id)),
                         [&](storage::Connection& tx, audit::AuditEntry&) -> Status {
                             JW_RETURN_IF_ERROR(auth::repo::SetUserStatus(tx, id, status, 0));
                             return status == "locked" ? auth::repo::DeleteUserSessions(tx, id) : Status::Ok();
                         });
        if (s.ok()) std::cout << user->username << " " << status << "\n";
    }
    return s.ok() ? 0 : Fail(s);
}

int ViidAddClient(Platform& p, const std::map<std::string, std::string>& opt) {
    const std::string& id = opt.at("viid_id");
    Status s = p.audit->Run(p.CliEntry("viid.client_add", "viid_client:" + id),
                            [&](storage::Connection& tx, audit::AuditEntry&) -> Status {
                                std::optional<int64_t> unit;
                                if (!opt.at("viid_unit").empty()) {
                                    auto row = auth::repo::UnitIdByCode(tx, opt.at("viid_unit"));
                                    if (!row.ok()) return Status::Invalid("unit", "not_found");
                                    unit = *row;
                                }
                                return checkpoint::AddViidClient(tx, p.key, id, opt.at("viid_password"),
                                                                 opt.at("viid_name"), NowUnix(), unit);
                            });
    if (!s.ok()) return Fail(s);
    std::cout << "VIID client " << id << " may now register\n";
    return 0;
}

// Exit 0 only when the keyed chain, its head and the anchor file agree; else 1, naming the first bad record or
// the missing tail. The head is printed so that it can be compared with the copy sent to syslog.
int AuditVerify(Platform& p) {
    auto c = p.db->Acquire();
    if (!c.ok()) return Fail(c.status());
    auto r = p.audit->Verify(**c);
    if (!r.ok()) return Fail(r.status());
    const std::string head = "head " + std::to_string(r->head_id) + " " + r->head_hash + ", anchored up to " +
                             std::to_string(r->anchored_id) + ", keyed from " + std::to_string(r->keyed_from);
    if (r->ok) {
        std::cout << "audit chain intact: " << r->records << " records; " << head << "\n";
        return 0;
    }
    std::cout << "audit chain BROKEN";
    if (r->first_bad_id) std::cout << " at record " << *r->first_bad_id;
    std::cout << " (" << r->problem << "): " << r->detail << "; " << r->records << " records checked; " << head << "\n";
    return 1;
}

}  // namespace
}  // namespace jw::app

int main(int argc, char** argv) {
    // Every file and directory created from here on (database, WAL, logs, the pass engine) is the user's alone.
    umask(077);
    using namespace jw::app;
    CLI::App cli{"Jingwu 警务 — county public security platform"};
    cli.require_subcommand(1);
    std::string config_path, db_override;
    cli.add_option("--config", config_path, "TOML configuration file");
    cli.add_option("--db", db_override, "database: sqlite:PATH or postgresql://…");

    auto* serve = cli.add_subcommand("serve", "serve the API and the web app");
    std::string listen;
    serve->add_option("--listen", listen, "HOST:PORT (default 127.0.0.1:8080)");
    bool allow_root = false;
    serve->add_flag("--allow-root", allow_root, "run even as root (demo/CI only; also JINGWU_ALLOW_ROOT=1)");
    auto* init = cli.add_subcommand("init", "create the schema and the bureau (or the demo county)");
    bool demo = false;
    init->add_flag("--demo", demo, "create the fictional demo county 示范县公安局 (519901)");
    cli.add_subcommand("migrate", "apply pending migrations");
    cli.add_subcommand("version", "print the version");

    auto* user = cli.add_subcommand("user", "manage accounts");
    user->require_subcommand(1);
    std::map<std::string, std::string> opt{{"role", ""}};
    auto* add = user->add_subcommand("add", "add a user (prints the initial password)");
    add->add_option("--username", opt["username"])->required();
    add->add_option("--police-no", opt["police_no"])->required();
    add->add_option("--name", opt["name"])->required();
    add->add_option("--unit", opt["unit"], "unit code (12 digits)")->required();
    add->add_option("--phone", opt["phone"])->required();
    add->add_option("--role", opt["role"]);
    for (const char* verb : {"passwd", "lock", "unlock"}) {
        auto* sub = user->add_subcommand(verb, std::string(verb) + " a user");
        sub->add_option("username", opt["username"])->required();
    }
    auto* audit = cli.add_subcommand("audit", "audit log tools");
    audit->require_subcommand(1);
    audit->add_subcommand("verify",
                          "recompute the keyed SM3 chain, check it against the anchor file, name the first bad record");

    auto* viid = cli.add_subcommand("viid", "GA/T 1400 view-library clients");
    viid->require_subcommand(1);
    auto* viid_add = viid->add_subcommand("add-client", "allow an upstream platform or device to push data");
    opt["viid_name"] = "";
    viid_add->add_option("--id", opt["viid_id"], "20-digit device or platform ID")->required();
    viid_add->add_option("--password", opt["viid_password"], "shared secret for HTTP Digest")->required();
    viid_add->add_option("--name", opt["viid_name"], "display name");
    opt["viid_unit"] = "";
    viid_add->add_option("--unit", opt["viid_unit"],
                         "unit code (12 digits) whose watch orders the client receives over /VIID/Dispositions");
    auto* clickhouse_cmd = cli.add_subcommand("clickhouse", "the province pass backend (docs/adr/0067)");
    clickhouse_cmd->require_subcommand(1);
    bool all_days = false;
    clickhouse_cmd
        ->add_subcommand("sync",
                         "write the engine's passes to ClickHouse: each day whose count there differs is "
                         "rewritten (run with the server stopped)")
        ->add_flag("--all-days", all_days, "the engine's oldest day too (it may hold only part of that day)");
    auto* demo_cmd = cli.add_subcommand("demo", "demo county tools");
    demo_cmd->require_subcommand(1);
    jw::checkpoint::ReplayOptions replay;
    auto* replay_cmd = demo_cmd->add_subcommand("replay", "stream demo passes live through the GA/T 1400 endpoint");
    replay_cmd->add_option("--url", replay.url, "server base URL (default http://127.0.0.1:8080)");
    replay_cmd->add_option("--client-id", replay.client_id, "VIID client ID (default: the demo client)");
    replay_cmd->add_option("--password", replay.password, "VIID client password (default: the demo client's)");
    replay_cmd->add_option("--rate", replay.rate, "passes per second (default 20)");
    replay_cmd->add_option("--seconds", replay.seconds, "stop after this many seconds (default: run until stopped)");

    auto* unit_cmd = cli.add_subcommand("unit", "unit tools");
    unit_cmd->require_subcommand(1);
    jw::units::CliOptions restructure;
    auto* restructure_cmd = unit_cmd->add_subcommand(
        "restructure", "merge, split, rename and move units from a plan file (docs/api/units-restructure.md)");
    restructure_cmd->add_option("--plan", restructure.plan_file, "plan JSON file");
    restructure_cmd->add_flag("--dry-run", restructure.dry_run, "list what would move, change nothing");
    restructure_cmd->add_option("--undo", restructure.undo_id, "undo this restructure (before its effective date)");
    restructure_cmd->add_option("--reason", restructure.reason, "why (with --undo)");

    // Module commands run from their CLI11 callbacks during parsing and need no platform.
    AddDiscretionCommands(cli);
    jw::analytics::AddAnalyticsCommands(cli);
    jw::cases::deadlines::AddDeadlinesCommands(cli);
    jw::community::CliOptions community;
    jw::community::AddCommunityCommands(cli, community);
    jw::property::CliOptions property;
    jw::property::AddPropertyCommands(cli, property);
    jw::courier::AddCourierCommands(cli);
    jw::dispatch::CliOptions dispatch_cli;
    jw::dispatch::AddDispatchCommands(cli, dispatch_cli);

    CLI11_PARSE(cli, argc, argv);
    // Commands other than serve write their results (CSV, JSON lines) to stdout: their logs go to stderr.
    if (!serve->parsed()) spdlog::set_default_logger(spdlog::stderr_color_mt("jingwu"));
    if (cli.got_subcommand("discretion") || cli.got_subcommand("analytics") || cli.got_subcommand("deadlines") ||
        cli.got_subcommand("courier"))
        return 0;
    if (cli.got_subcommand("demo")) return jw::checkpoint::RunDemoReplay(replay);
    if (cli.got_subcommand("version")) {
        std::cout << "jingwu " << JINGWU_VERSION << "\n";
        return 0;
    }
    if (const char* v = std::getenv("JINGWU_ALLOW_ROOT"); v && std::string(v) == "1") allow_root = true;
    if (cli.got_subcommand("serve") && geteuid() == 0 && !allow_root) {
        // A network server running as root can read and write every file (deploy/README.md).
        std::cerr << "error: refusing to run as root; run as the jingwu user (deploy/jingwu.service), or pass "
                     "--allow-root / JINGWU_ALLOW_ROOT=1 for a throw-away demo or CI\n";
        return 1;
    }
    // Before the platform starts its first thread: every thread of the server must leave SIGTERM to Run's sigwait.
    if (serve->parsed()) jw::http::BlockStopSignals();
    auto config = LoadConfig(config_path);
    if (!config.ok()) return Fail(config.status());
    if (!db_override.empty()) config->db = db_override;
    if (!listen.empty()) config->listen = listen;
    auto platform = OpenPlatform(*config);
    if (!platform.ok()) return Fail(platform.status());
    Platform& p = **platform;
    if (cli.got_subcommand("migrate")) {
        std::cout << "migrations applied: " << p.config.db << "\n";
        return 0;
    }
    if (cli.got_subcommand("init")) return Init(p, demo);
    if (cli.got_subcommand("serve")) return Serve(p, p.config.listen);
    if (cli.got_subcommand("audit")) return AuditVerify(p);
    if (cli.got_subcommand("clickhouse")) return ClickHouseSync(p, all_days);
    if (cli.got_subcommand("viid")) return ViidAddClient(p, opt);
    if (cli.got_subcommand("unit"))
        return jw::units::RunRestructureCommand(*p.db, *p.audit, p.CliEntry("unit.restructure", "units"),
                                                jw::units::CollectParticipants(p.modules), restructure);
    if (cli.got_subcommand("community"))
        return jw::community::RunCommunityCommand(
            community, *p.db, *p.audit,
            [&p](const std::string& action, const std::string& object) { return p.CliEntry(action, object); });
    if (cli.got_subcommand("property")) return jw::property::RunPropertyCommand(property, *p.db, p.key);
    if (cli.got_subcommand("dispatch")) return jw::dispatch::RunDispatchCommand(dispatch_cli, p.key);
    for (const char* verb : {"add", "passwd", "lock", "unlock"}) {
        if (user->got_subcommand(verb)) return UserCommand(p, verb, opt);
    }
    return 0;
}
