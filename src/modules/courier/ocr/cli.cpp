#include "courier/ocr/cli.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "common/messages.hpp"
#include "courier/ocr/id_card_reader.hpp"
#include "http/error_table.hpp"

namespace jw::courier {
namespace {

// The error as the HTTP route answers it (code, message from the catalogue, fields, detail), without the request
// id; exit 2 for a photo without a card, 1 otherwise (the model is missing).
int Fail(const Status& s) {
    Json j = http::ErrorBody(s, "", kDefaultLang);
    j.erase("request_id");
    std::cout << j.dump() << "\n";
    return s.code() == ErrorCode::kUnavailable || s.code() == ErrorCode::kInternal ? 1 : 2;
}

int Ocr(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Fail(Status::Invalid("image", "unreadable"));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto reader = ocr::IdCardReader::Open();
    if (!reader.ok()) return Fail(reader.status());
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
