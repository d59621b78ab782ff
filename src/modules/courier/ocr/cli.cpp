#include "courier/ocr/cli.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "courier/ocr/id_card_reader.hpp"

namespace jw::courier {
namespace {

int Fail(const Status& s) {
    nlohmann::ordered_json j;
    j["code"] = ErrorCodeName(s.code());
    j["message"] = s.message();
    j["fields"] = s.fields();
    std::cout << j.dump() << "\n";
    return 2;
}

int Ocr(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Fail(Status::Invalid("image", "unreadable"));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto reader = ocr::IdCardReader::Open();
    if (!reader.ok()) {
        std::cerr << "error: " << reader.status().message() << "\n";
        return 1;
    }
    auto r = (*reader)->Read(bytes);
    if (!r.ok()) return Fail(r.status());
    std::cout << ocr::ToJson(*r).dump() << "\n";
    return 0;
}

}  // namespace

void AddCourierCommands(CLI::App& app) {
    auto* courier = app.add_subcommand("courier", "courier real-name registration (寄递实名)");
    courier->require_subcommand(1);
    auto* ocr = courier->add_subcommand("ocr", "read a resident ID card photo, print its fields as JSON");
    auto path = std::make_shared<std::string>();
    ocr->add_option("--image", *path, "JPEG or PNG photo of the card")->required();
    ocr->callback([path] {
        int code = Ocr(*path);
        if (code != 0) throw CLI::RuntimeError(code);
    });
}

}  // namespace jw::courier
