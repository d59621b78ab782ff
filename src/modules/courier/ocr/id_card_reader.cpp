#include "courier/ocr/id_card_reader.hpp"

#include <leptonica/allheaders.h>
#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <cstdio>
#include <cstdlib>

#include "courier/ocr/card_image.hpp"

namespace jw::courier::ocr {

Result<std::unique_ptr<IdCardReader>> IdCardReader::Open(const std::string& tessdata_dir) {
    std::unique_ptr<IdCardReader> r(new IdCardReader());
    r->api_ = std::make_unique<tesseract::TessBaseAPI>();
    if (r->api_->Init(tessdata_dir.empty() ? nullptr : tessdata_dir.c_str(), "chi_sim", tesseract::OEM_LSTM_ONLY) != 0)
        return MissingModel();
    r->api_->SetVariable("debug_file", "/dev/null");
    return r;
}

Status IdCardReader::MissingModel() {
    // A detail code: the catalogue's error.unavailable.ocr_model_missing gives the words (what to install).
    return Status(ErrorCode::kUnavailable, "ocr_model_missing", {{"model", "chi_sim"}});
}

IdCardReader::~IdCardReader() {
    if (api_) api_->End();
}

Result<IdCardReading> IdCardReader::Read(std::string_view image_bytes) {
    JW_ASSIGN_OR_RETURN(GrayImage card, ExtractCard(image_bytes));
    const int w = card.width, h = card.height;
    // The portrait confuses the layout analysis: paint it out (right third, above the number line).
    for (int y = 0; y < static_cast<int>(h * 0.76); ++y)
        for (int x = static_cast<int>(w * 0.69); x < w; ++x) card.pixels[static_cast<size_t>(y) * w + x] = 255;

    std::lock_guard lock(mu_);
    // One thread per card: Tesseract's OpenMP threads cost more than they give on a shared two-core server
    // (measured: 0.9 s of CPU with one thread, 1.5 s with two, and slower in wall time under load).
    omp_set_num_threads(1);
    auto& api = *api_;
    api.SetVariable("tessedit_char_whitelist", "");
    api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
    api.SetImage(card.pixels.data(), w, h, 1, w);
    api.SetSourceResolution(300);
    if (api.Recognize(nullptr) != 0) return Status::Internal("OCR failed");
    std::vector<Glyph> glyphs;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (it && !it->Empty(tesseract::RIL_SYMBOL)) {
        do {
            std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
            if (!text) continue;
            int x0, y0, x1, y1;
            if (!it->BoundingBox(tesseract::RIL_SYMBOL, &x0, &y0, &x1, &y1)) continue;
            Glyph g;
            g.text = text.get();
            g.confidence = it->Confidence(tesseract::RIL_SYMBOL) / 100.0;
            g.x0 = static_cast<double>(x0) / w, g.x1 = static_cast<double>(x1) / w;
            g.y0 = static_cast<double>(y0) / h, g.y1 = static_cast<double>(y1) / h;
            glyphs.push_back(std::move(g));
        } while (it->Next(tesseract::RIL_SYMBOL));
    }
    it.reset();
    // The number strip again, digits and X only: the general model's guesses there are often letters.
    api.SetVariable("tessedit_char_whitelist", "0123456789X");
    api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
    api.SetRectangle(static_cast<int>(w * 0.28), static_cast<int>(h * 0.78), static_cast<int>(w * 0.70),
                     static_cast<int>(h * 0.20));
    std::unique_ptr<char[]> line(api.GetUTF8Text());
    const double line_conf = api.MeanTextConf() / 100.0;
    // The ethnicity is one of 56 names: read its place again restricted to their characters when the general
    // reading names none (rare characters such as 畲 are the model's common misses).
    std::string eth_line;
    {
        std::vector<Glyph> probe;
        for (const auto& g : glyphs) {
            const double cx = (g.x0 + g.x1) / 2, cy = (g.y0 + g.y1) / 2;
            if (cx > 0.39 && cx < 0.68 && cy > 0.235 && cy < 0.365) probe.push_back(g);
        }
        std::string text;
        for (const auto& g : probe) text += g.text;
        if (MatchEthnicity(text).empty()) {
            api.SetVariable("tessedit_char_whitelist", EthnicityCharacters().c_str());
            api.SetRectangle(static_cast<int>(w * 0.39), static_cast<int>(h * 0.235), static_cast<int>(w * 0.29),
                             static_cast<int>(h * 0.13));
            std::unique_ptr<char[]> e(api.GetUTF8Text());
            if (e) eth_line = e.get();
        }
    }
    api.SetVariable("tessedit_char_whitelist", "");
    api.Clear();
    if (std::getenv("JW_OCR_DEBUG")) {  // the glyphs and their places, for tuning the layout bands
        for (const auto& g : glyphs)
            std::fprintf(stderr, "%s %.2f x%.3f-%.3f y%.3f-%.3f\n", g.text.c_str(), g.confidence, g.x0, g.x1, g.y0,
                         g.y1);
        std::fprintf(stderr, "id line: %s (%.2f) skew %.2f\n", line ? line.get() : "", line_conf, card.skew_degrees);
    }
    IdCardReading r = ParseCard(glyphs, line ? line.get() : "", line_conf);
    if (r.ethnicity.empty() && !MatchEthnicity(eth_line).empty()) {
        r.ethnicity = MatchEthnicity(eth_line);
        r.confidence["ethnicity"] = 0.5;  // a forced choice among 56: worth a look by the clerk
    }
    if (r.id_number.empty() && r.name.empty()) return Status::NotFound("card");
    return r;
}

}  // namespace jw::courier::ocr
