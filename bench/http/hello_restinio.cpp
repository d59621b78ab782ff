// RESTinio 0.6 hello-world: the baseline for bench/http/run.sh. Built the way the Jingwu server is
// (default_traits_t, an external asio::io_context run by N threads, SIGTERM/SIGINT via sigwait), so the
// comparison isolates what Jingwu does per request (session check, audit record, JSON) from the HTTP layer.
//   hello_restinio HOST PORT [THREADS=4]
#include <signal.h>

#include <cstdlib>
#include <iostream>
#include <restinio/all.hpp>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: hello_restinio HOST PORT [THREADS]\n";
        return 2;
    }
    const std::string host = argv[1];
    const auto port = static_cast<std::uint16_t>(std::atoi(argv[2]));
    const int threads = argc > 3 ? std::max(1, std::atoi(argv[3])) : 4;

    using Traits = restinio::default_traits_t;
    asio::io_context ioctx;
    auto settings = restinio::server_settings_t<Traits>{}.address(host).port(port).request_handler(
        [](restinio::request_handle_t req) {
            if (req->header().method() != restinio::http_method_get()) return restinio::request_rejected();
            return req->create_response()
                .append_header(restinio::http_field::content_type, "text/plain; charset=utf-8")
                .set_body("Hello, World!\n")
                .done();
        });
    restinio::http_server_t<Traits> server{restinio::external_io_context(ioctx), std::move(settings)};

    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    try {
        server.open_sync();
    } catch (const std::exception& e) {
        std::cerr << "cannot listen: " << e.what() << "\n";
        return 1;
    }
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i) pool.emplace_back([&ioctx] { ioctx.run(); });
    std::cerr << "hello_restinio listening on http://" << host << ":" << port << " (" << threads << " threads)\n";

    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.close_sync();
    ioctx.stop();
    for (auto& t : pool) t.join();
    return 0;
}
