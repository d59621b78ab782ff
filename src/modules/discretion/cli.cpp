#include "discretion/cli.hpp"

#include <iostream>
#include <iterator>
#include <string>

#include "discretion/decision_json.hpp"

namespace jw::discretion {
namespace {

int DecideFromStdin() {
    std::string body((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    auto result = DecideJson(body);
    if (!result.ok()) {
        std::cout << ErrorToJson(result.status()).dump(2) << "\n";
        return 2;
    }
    std::cout << result->dump(2) << "\n";
    return 0;
}

}  // namespace
}  // namespace jw::discretion

void AddDiscretionCommands(CLI::App& app) {
    auto* discretion = app.add_subcommand("discretion", "penalty discretion (治安管理处罚裁量)");
    discretion->require_subcommand(1);
    auto* decide = discretion->add_subcommand("decide", "read a decision request JSON on stdin, print the decision");
    decide->callback([] {
        int code = jw::discretion::DecideFromStdin();
        if (code != 0) throw CLI::RuntimeError(code);
    });
}
