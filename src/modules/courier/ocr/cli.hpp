#pragma once
// `jingwu courier ocr --image FILE`: reads the ID card in the photo, prints
// {"name","sex","ethnicity","birth_date","address","id_number","confidence":{...}} and exits 0; when no card is
// found (or the file is no image) prints the HTTP route's error body {"code","message","fields"[,"detail"]} and
// exits 2; when the OCR model is missing prints the route's 503 body (detail ocr_model_missing, fields.model
// chi_sim) and exits 1. The exit is thrown as CLI::RuntimeError so the app's CLI11 handling returns the code.

#include <CLI/CLI.hpp>

namespace jw::courier {
void AddCourierCommands(CLI::App& app);
}
