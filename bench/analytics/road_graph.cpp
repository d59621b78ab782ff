#include "road_graph.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "analytics/pass.hpp"

namespace jw::bench {

RoadGraph::RoadGraph(int checkpoints, std::mt19937_64& rng) {
    rows_ = std::max(2, static_cast<int>(std::sqrt(checkpoints / 2.0)));
    cols_ = std::max(2, checkpoints / rows_);
    constexpr double kSpacingKm = 2.5, kLat0 = 30.6, kLon0 = 104.0;
    const double km_per_lon = 111.32 * std::cos(kLat0 * M_PI / 180);
    std::uniform_real_distribution<double> jitter(-0.4, 0.4);
    for (int y = 0; y < rows_; ++y) {
        for (int x = 0; x < cols_; ++x) {
            char id[32];
            std::snprintf(id, sizeof id, "51990100001%09d", y * cols_ + x);
            Node n{id, kLon0 + (x * kSpacingKm + jitter(rng)) / km_per_lon,
                   kLat0 + (y * kSpacingKm + jitter(rng)) / 111.32, x, y};
            nodes_.push_back(n);
        }
    }
}

int RoadGraph::Step(int from, int to, std::mt19937_64& rng) const {
    const Node &a = nodes_[from], &b = nodes_[to];
    const int dx = (b.x > a.x) - (b.x < a.x), dy = (b.y > a.y) - (b.y < a.y);
    if (dx != 0 && (dy == 0 || rng() % 2 == 0)) return At(a.x + dx, a.y);
    if (dy != 0) return At(a.x, a.y + dy);
    return from;
}

int RoadGraph::Hops(int a, int b) const {
    return std::abs(nodes_[a].x - nodes_[b].x) + std::abs(nodes_[a].y - nodes_[b].y);
}

double RoadGraph::Km(int a, int b) const {
    return analytics::HaversineKm(nodes_[a].lat, nodes_[a].lon, nodes_[b].lat, nodes_[b].lon);
}

int RoadGraph::RandomBoundary(std::mt19937_64& rng) const {
    const int perimeter = 2 * (cols_ + rows_);
    const int k = static_cast<int>(rng() % perimeter);
    if (k < cols_) return At(k, 0);
    if (k < 2 * cols_) return At(k - cols_, rows_ - 1);
    if (k < 2 * cols_ + rows_) return At(0, k - 2 * cols_);
    return At(cols_ - 1, k - 2 * cols_ - rows_);
}

int RoadGraph::Farthest(int from) const {
    int best = from;
    for (int i = 0; i < size(); ++i) {
        if (Km(from, i) > Km(from, best)) best = i;
    }
    return best;
}

int RoadGraph::Central(std::mt19937_64& rng) const {
    const int x = cols_ / 3 + static_cast<int>(rng() % std::max(1, cols_ / 3));
    const int y = rows_ / 3 + static_cast<int>(rng() % std::max(1, rows_ / 3));
    return At(x, y);
}

}  // namespace jw::bench
