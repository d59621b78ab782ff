#include "courier/ocr/card_image.hpp"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>

namespace jw::courier::ocr {
namespace {

struct PixDeleter {
    void operator()(Pix* p) const {
        if (p) pixDestroy(&p);
    }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

int Gray(Pix* p, int x, int y) {
    l_uint32 v = 0;
    pixGetPixel(p, x, y, &v);
    return static_cast<int>(v);
}

// Otsu's threshold on the histogram: separates the card from the background whatever the lighting.
int OtsuThreshold(Pix* gray) {
    std::vector<double> hist(256, 0);
    const int w = pixGetWidth(gray), h = pixGetHeight(gray);
    const int step = std::max(1, std::min(w, h) / 300);
    double total = 0;
    for (int y = 0; y < h; y += step)
        for (int x = 0; x < w; x += step) hist[Gray(gray, x, y)] += 1, total += 1;
    double sum = 0;
    for (int i = 0; i < 256; ++i) sum += i * hist[i];
    double sum_b = 0, w_b = 0, best = -1;
    int t_best = 128;
    for (int t = 0; t < 256; ++t) {
        w_b += hist[t];
        if (w_b == 0) continue;
        const double w_f = total - w_b;
        if (w_f == 0) break;
        sum_b += t * hist[t];
        const double m_b = sum_b / w_b, m_f = (sum - sum_b) / w_f;
        const double between = w_b * w_f * (m_b - m_f) * (m_b - m_f);
        if (between > best) best = between, t_best = t;
    }
    return t_best;
}

// Bounding box of the rows and columns where more than `fraction` of pixels are brighter than `t`.
struct Box {
    int x0 = 0, y0 = 0, x1 = -1, y1 = -1;
    int w() const { return x1 - x0 + 1; }
    int h() const { return y1 - y0 + 1; }
};
Box BrightBox(Pix* gray, int t, double fraction) {
    const int w = pixGetWidth(gray), h = pixGetHeight(gray);
    std::vector<int> rows(h, 0), cols(w, 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if (Gray(gray, x, y) > t) ++rows[y], ++cols[x];
    // The extent along one axis: the longest run of lines above the fraction of the other axis's bright extent.
    auto extent = [&](const std::vector<int>& v, int across, int& lo, int& hi) {
        int best_len = 0, start = -1;
        lo = 0, hi = -1;
        for (int i = 0; i <= static_cast<int>(v.size()); ++i) {
            const bool on = i < static_cast<int>(v.size()) && v[i] > fraction * across;
            if (on && start < 0) start = i;
            if (!on && start >= 0) {
                if (i - start > best_len) best_len = i - start, lo = start, hi = i - 1;
                start = -1;
            }
        }
    };
    Box b;
    const int max_row = *std::max_element(rows.begin(), rows.end());
    const int max_col = *std::max_element(cols.begin(), cols.end());
    extent(rows, std::max(1, max_row) * 1 / 1, b.y0, b.y1);
    extent(cols, std::max(1, max_col), b.x0, b.x1);
    return b;
}

// The card's tilt in degrees (positive = clockwise in image coordinates): a least-squares line through the first
// bright pixel of each column in the middle of the card's width (the top edge; corners excluded).
double TopEdgeAngle(Pix* gray, int t, const Box& b) {
    const int from = b.x0 + b.w() / 4, to = b.x1 - b.w() / 4;
    std::vector<std::pair<double, double>> pts;
    for (int x = from; x <= to; x += 2) {
        for (int y = b.y0 > 0 ? 0 : 0; y < pixGetHeight(gray); ++y) {
            // Three bright pixels in a row: a speck of noise does not make an edge.
            if (Gray(gray, x, y) > t && y + 2 < pixGetHeight(gray) && Gray(gray, x, y + 1) > t &&
                Gray(gray, x, y + 2) > t) {
                pts.emplace_back(x, y);
                break;
            }
        }
    }
    if (pts.size() < 10) return 0;
    // Fit twice, the second time without the points far from the first line (a finger over the edge).
    auto fit = [](const std::vector<std::pair<double, double>>& p, double& slope, double& icpt) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (auto [x, y] : p) sx += x, sy += y, sxx += x * x, sxy += x * y;
        const double n = static_cast<double>(p.size());
        const double d = n * sxx - sx * sx;
        slope = d == 0 ? 0 : (n * sxy - sx * sy) / d;
        icpt = (sy - slope * sx) / n;
    };
    double slope = 0, icpt = 0;
    fit(pts, slope, icpt);
    std::vector<std::pair<double, double>> kept;
    for (auto [x, y] : pts)
        if (std::fabs(y - (slope * x + icpt)) < 6) kept.emplace_back(x, y);
    if (kept.size() >= 10) fit(kept, slope, icpt);
    return std::atan(slope) * 180.0 / M_PI;
}

}  // namespace

Result<GrayImage> ExtractCard(std::string_view image_bytes, int out_width) {
    PixPtr src(pixReadMem(reinterpret_cast<const l_uint8*>(image_bytes.data()), image_bytes.size()));
    if (!src) return Status::Invalid("image", "unreadable");
    PixPtr gray(pixConvertTo8(src.get(), 0));
    if (!gray) return Status::Invalid("image", "unreadable");
    // Work on a copy at most 1600 px wide: enough for the text, and the column scans stay fast.
    if (pixGetWidth(gray.get()) > 1600) {
        const float s = 1600.0f / static_cast<float>(pixGetWidth(gray.get()));
        gray.reset(pixScaleGrayLI(gray.get(), s, s));
    }
    const int t = OtsuThreshold(gray.get());
    Box first = BrightBox(gray.get(), t, 0.3);
    const int w = pixGetWidth(gray.get()), h = pixGetHeight(gray.get());
    if (first.w() < w / 5 || first.h() < h / 5) return Status::NotFound("card");
    const double angle = TopEdgeAngle(gray.get(), t, first);
    PixPtr upright;
    if (std::fabs(angle) > 0.2) {
        // Rotated content is brought in black, which the crop below treats as background.
        upright.reset(pixRotate(gray.get(), static_cast<float>(-angle * M_PI / 180.0), L_ROTATE_AREA_MAP,
                                L_BRING_IN_BLACK, 0, 0));
    } else {
        upright.reset(pixCopy(nullptr, gray.get()));
    }
    Box card = BrightBox(upright.get(), t, 0.6);
    const int uw = pixGetWidth(upright.get()), uh = pixGetHeight(upright.get());
    if (card.w() * card.h() < 0.15 * uw * uh && card.w() * card.h() < 0.15 * w * h) return Status::NotFound("card");
    const double aspect = static_cast<double>(card.w()) / std::max(1, card.h());
    if (aspect < 1.2 || aspect > 2.1) return Status::NotFound("card");  // ID-1 cards are 85.6 × 54 mm (1.585)
    BOX* box = boxCreate(card.x0, card.y0, card.w(), card.h());
    PixPtr cropped(pixClipRectangle(upright.get(), box, nullptr));
    boxDestroy(&box);
    if (!cropped) return Status::NotFound("card");
    const float s = static_cast<float>(out_width) / static_cast<float>(pixGetWidth(cropped.get()));
    PixPtr scaled(pixScaleGrayLI(cropped.get(), s, s));
    GrayImage out;
    out.width = pixGetWidth(scaled.get());
    out.height = pixGetHeight(scaled.get());
    out.skew_degrees = angle;
    out.pixels.resize(static_cast<size_t>(out.width) * out.height);
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x)
            out.pixels[static_cast<size_t>(y) * out.width + x] = Gray(scaled.get(), x, y);
    return out;
}

}  // namespace jw::courier::ocr
