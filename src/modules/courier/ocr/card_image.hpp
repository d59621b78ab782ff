#pragma once
// Finding the ID card in a photograph and making it upright: the step before Tesseract (issue 17).
// The card is the largest bright, card-shaped region on a darker background (a counter, a hand). Its tilt is
// measured from the card's top edge (robust to text-free cards, unlike text-line skew), the photo is rotated back,
// cropped to the card and scaled to a fixed width so the text has the size the chi_sim model reads best.
// Leptonica types stay inside the .cpp; callers see bytes in and a gray image out.

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace jw::courier::ocr {

// An 8-bit gray image, rows top to bottom, `width` bytes each.
struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;
    double skew_degrees = 0;  // the rotation that was undone
};

// Decodes JPEG or PNG bytes, finds the card, deskews and crops it, scales it to `out_width`.
// Errors: InvalidArgument("image", "unreadable") when the bytes are no image; NotFound("card") when no card-shaped
// bright region covers at least 15 % of the photo. Thread-safe (no shared state).
Result<GrayImage> ExtractCard(std::string_view image_bytes, int out_width = 1280);

}  // namespace jw::courier::ocr
