#pragma once
// The benchmark county's road graph: checkpoints on a jittered grid ~2.5 km apart, roads between grid
// neighbours. Cars drive from checkpoint to neighbouring checkpoint at 30-65 km/h, so two consecutive passes
// of an honest car are never further apart than a plausible drive (the cloned-plate query finds none).

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace jw::bench {

struct Node {
    std::string id;
    double lon = 0, lat = 0;
    int x = 0, y = 0;
};

class RoadGraph {
  public:
    // At least 4 checkpoints; rounded down to cols × rows with cols ≈ 2 × rows.
    RoadGraph(int checkpoints, std::mt19937_64& rng);
    int size() const { return static_cast<int>(nodes_.size()); }
    const Node& node(int i) const { return nodes_[i]; }
    int At(int x, int y) const { return y * cols_ + x; }
    // One step of a shortest (Manhattan) path from `from` towards `to`; random between the two axes.
    int Step(int from, int to, std::mt19937_64& rng) const;
    int Hops(int a, int b) const;
    double Km(int a, int b) const;
    int RandomBoundary(std::mt19937_64& rng) const;
    int Farthest(int from) const;             // the checkpoint furthest away (for planted clones)
    int Central(std::mt19937_64& rng) const;  // a checkpoint in the middle third (busy roads)

  private:
    int cols_ = 0, rows_ = 0;
    std::vector<Node> nodes_;
};

}  // namespace jw::bench
