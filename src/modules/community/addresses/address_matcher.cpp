#include "community/addresses/address_matcher.hpp"

#include <algorithm>
#include <cstdlib>

#include "community/addresses/address_text.hpp"

namespace jw::community {
namespace {

constexpr double kTownship = 1, kCommunity = 1, kRoad = 4, kRoadStem = 3.5, kHouse = 3, kBuilding = 2, kUnit = 1.5,
                 kRoom = 1.5;

size_t LeadLen(const std::string& s) {
    if (s.empty()) return 0;
    const auto b = static_cast<unsigned char>(s[0]);
    const size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 4;
    return std::min(n, s.size());
}

size_t CodePoints(const std::string& s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// The name without its generic ending: 解放路 → 解放, 滨河大道 → 滨河, 城关镇 → 城关, 东门社区 → 东门.
std::string Stem(const std::string& name) {
    for (std::string_view end : {"大道", "社区", "街道", "路", "街", "巷", "道", "镇", "乡", "村"}) {
        if (name.size() > end.size() && name.ends_with(end)) return name.substr(0, name.size() - end.size());
    }
    return "";
}

long Number(const std::string& s) {
    char* end = nullptr;
    const long v = std::strtol(s.c_str(), &end, 10);
    return end == s.c_str() ? -1 : v;
}

}  // namespace

int AddressMatcher::NameSet::Intern(const std::string& name) {
    if (name.empty()) return -1;
    auto it = ids.find(name);
    if (it != ids.end()) return it->second;
    const int id = count++;
    Alias(name, id);
    return id;
}

void AddressMatcher::NameSet::Alias(const std::string& name, int id) {
    if (name.empty() || ids.count(name)) return;
    ids.emplace(name, id);
    names.push_back(name);
    id_of.push_back(id);
}

void AddressMatcher::NameSet::Finish() {
    for (size_t i = 0; i < names.size(); ++i) by_lead[names[i].substr(0, LeadLen(names[i]))].push_back(int(i));
    for (auto& [lead, list] : by_lead)
        std::stable_sort(list.begin(), list.end(), [this](int a, int b) { return names[a].size() > names[b].size(); });
}

int AddressMatcher::NameSet::Find(const std::string& text, size_t* end) const {
    int best = -1;
    size_t best_len = 0;
    for (size_t p = 0; p < text.size();) {
        const size_t n = LeadLen(text.substr(p, 4));
        auto it = by_lead.find(text.substr(p, n));
        if (it != by_lead.end()) {
            for (int i : it->second) {
                const std::string& name = names[i];
                if (name.size() <= best_len) break;
                if (text.compare(p, name.size(), name) == 0) {
                    best = i;
                    best_len = name.size();
                    *end = p + name.size();
                    break;
                }
            }
        }
        p += n;
    }
    return best < 0 ? -1 : id_of[best];
}

AddressMatcher::AddressMatcher(std::vector<Address> addresses) : addresses_(std::move(addresses)) {
    entries_.reserve(addresses_.size());
    for (const Address& a : addresses_) {
        Entry e;
        const std::string t = NormaliseAddress(a.township), c = NormaliseAddress(a.community),
                          r = NormaliseAddress(a.road);
        e.township = townships_.Intern(t);
        e.community = communities_.Intern(c);
        e.road = roads_.Intern(r);
        if (e.township >= 0 && CodePoints(Stem(t)) >= 2) townships_.Alias(Stem(t), e.township);
        if (e.community >= 0 && CodePoints(Stem(c)) >= 2) communities_.Alias(Stem(c), e.community);
        if (e.road >= 0 && CodePoints(Stem(r)) >= 2) {
            if (stems_.count <= e.road) stems_.count = e.road + 1;
            stems_.Alias(Stem(r), e.road);
        }
        const NumberParts n = ParseNumbers(NormaliseAddress(a.house_no + "号"));
        e.house = n.house;
        e.building = ParseNumbers(NormaliseAddress("1号" + a.building + "栋")).building;
        e.unit = ParseNumbers(NormaliseAddress("1号" + a.unit + "单元")).unit;
        e.room = ParseNumbers(NormaliseAddress("1号" + a.room + "室")).room;
        if (a.house_no.empty()) e.house.clear();
        if (a.building.empty()) e.building.clear();
        if (a.unit.empty()) e.unit.clear();
        if (a.room.empty()) e.room.clear();
        entries_.push_back(std::move(e));
    }
    houses_of_road_.resize(roads_.count);
    for (size_t i = 0; i < entries_.size(); ++i) {
        const Entry& e = entries_[i];
        if (e.road < 0 || e.house.empty()) continue;
        auto& list = by_house_[std::to_string(e.road) + "|" + e.house];
        if (list.empty()) houses_of_road_[e.road].emplace_back(Number(e.house), e.house);
        list.push_back(i);
    }
    for (auto& h : houses_of_road_) std::sort(h.begin(), h.end());
    townships_.Finish();
    communities_.Finish();
    roads_.Finish();
    stems_.Finish();
}

void AddressMatcher::Score(const Entry& in, bool road_by_stem, size_t index, std::vector<Candidate>& out) const {
    const Entry& e = entries_[index];
    double got = 0, of = 0;
    auto part = [&](const std::string& a, const std::string& b, double w) {
        if (a.empty() && b.empty()) return;
        of += w;
        if (a == b) got += w;
    };
    of += kRoad;
    if (in.road == e.road) got += road_by_stem ? kRoadStem : kRoad;
    if (in.township >= 0) {
        of += kTownship;
        if (in.township == e.township) got += kTownship;
    }
    if (in.community >= 0) {
        of += kCommunity;
        if (in.community == e.community) got += kCommunity;
    }
    part(in.house, e.house, kHouse);
    part(in.building, e.building, kBuilding);
    part(in.unit, e.unit, kUnit);
    part(in.room, e.room, kRoom);
    out.push_back({index, of > 0 ? got / of : 0});
}

MatchResult AddressMatcher::Match(std::string_view text) const {
    MatchResult r;
    r.input = std::string(text);
    const std::string norm = NormaliseAddress(text);
    Entry in;
    size_t end = 0, ignored = 0;
    bool by_stem = false;
    in.road = roads_.Find(norm, &end);
    if (in.road < 0) {
        in.road = stems_.Find(norm, &end);
        by_stem = in.road >= 0;
    }
    if (in.road < 0) return r;  // no road we know: a new address
    const std::string head = norm.substr(0, end);
    in.township = townships_.Find(head, &ignored);
    in.community = communities_.Find(head, &ignored);
    const NumberParts n = ParseNumbers(std::string_view(norm).substr(end));
    in.house = n.house;
    in.building = n.building;
    in.unit = n.unit;
    in.room = n.room;

    std::vector<Candidate> scored;
    auto it = in.house.empty() ? by_house_.end() : by_house_.find(std::to_string(in.road) + "|" + in.house);
    if (it != by_house_.end()) {
        for (size_t i : it->second) Score(in, by_stem, i, scored);
    } else {
        // An unknown number: the nearest numbers on that road, for review.
        const auto& houses = houses_of_road_[in.road];
        const long want = Number(in.house);
        std::vector<std::pair<long, const std::string*>> near;
        for (const auto& [num, house] : houses) near.emplace_back(std::labs(num - want), &house);
        std::partial_sort(near.begin(), near.begin() + std::min<size_t>(3, near.size()), near.end());
        for (size_t k = 0; k < near.size() && k < 3; ++k) {
            for (size_t i : by_house_.at(std::to_string(in.road) + "|" + *near[k].second)) {
                if (entries_[i].building.empty()) Score(in, by_stem, i, scored);  // the house itself
            }
        }
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    if (scored.size() > kMaxCandidates + 1) scored.resize(kMaxCandidates + 1);
    if (scored.empty()) return r;
    const bool tie = scored.size() > 1 && scored[1].score >= scored[0].score;
    r.best = scored[0];
    r.matched = scored[0].score >= kAccept && !tie;
    r.candidates.assign(scored.begin() + (r.matched ? 1 : 0), scored.end());
    if (r.candidates.size() > kMaxCandidates) r.candidates.resize(kMaxCandidates);
    return r;
}

}  // namespace jw::community
