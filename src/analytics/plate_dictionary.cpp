#include "analytics/plate_dictionary.hpp"

#include <cstring>
#include <mutex>
#include <stdexcept>

#include "analytics/pass.hpp"
#include "analytics/plate_slots.hpp"

namespace jw::analytics {

PlateDictionary::PlateDictionary()
    : chunks_(new std::atomic<Chunk*>[kMaxChunks]), blocks_(new std::atomic<char*>[kMaxBlocks]) {
    for (uint32_t i = 0; i < kMaxChunks; ++i) chunks_[i].store(nullptr, std::memory_order_relaxed);
    for (uint32_t i = 0; i < kMaxBlocks; ++i) blocks_[i].store(nullptr, std::memory_order_relaxed);
}

PlateDictionary::~PlateDictionary() {
    for (uint32_t i = 0; i < kMaxChunks; ++i) delete chunks_[i].load();
    for (uint32_t i = 0; i < kMaxBlocks; ++i) delete[] blocks_[i].load();
}

size_t PlateDictionary::FindSlot(std::string_view plate, uint64_t h) const {
    return FindPlateSlot(slots_, plate, h, [this](uint32_t id) { return Get(id); });
}

void PlateDictionary::Rehash(size_t capacity) {
    slots_.assign(capacity, 0);
    const uint32_t n = size_.load(std::memory_order_relaxed);
    for (uint32_t id = 0; id < n; ++id) {
        const uint64_t h = HashPlate(Get(id));
        const size_t mask = capacity - 1;
        size_t i = h & mask;
        while (slots_[i] != 0) i = (i + 1) & mask;  // ids are distinct: no compare needed
        slots_[i] = ((h >> 32) << 32) | (id + 1);
    }
}

uint32_t PlateDictionary::Intern(std::string_view plate) { return InternHashed(plate, HashPlate(plate)); }

void PlateDictionary::InternMany(const std::string_view* plates, size_t n, uint32_t* ids) {
    constexpr size_t kAhead = 16;
    std::vector<uint64_t> hash(n);
    for (size_t i = 0; i < n; ++i) hash[i] = HashPlate(plates[i]);
    for (size_t i = 0; i < n; ++i) {
        if (!slots_.empty()) {
            const size_t mask = slots_.size() - 1;
            if (i + kAhead < n) __builtin_prefetch(&slots_[hash[i + kAhead] & mask]);
            if (i + kAhead / 2 < n) {
                // By now that slot line is (likely) cached: prefetch the record it points to.
                const uint64_t s = slots_[hash[i + kAhead / 2] & mask];
                const uint32_t id = static_cast<uint32_t>(s) - 1;
                if (s != 0 && id < size_.load(std::memory_order_relaxed)) {
                    __builtin_prefetch(
                        &chunks_[id >> kChunkBits].load(std::memory_order_relaxed)->rec[id & kChunkMask]);
                }
            }
        }
        ids[i] = InternHashed(plates[i], hash[i]);
    }
}

uint32_t PlateDictionary::InternHashed(std::string_view plate, uint64_t h) {
    if (plate.size() > kMaxPlateBytes) throw std::invalid_argument("PlateDictionary: plate too long");
    // Only the writer mutates the table, so its own probe needs no lock.
    if (!slots_.empty()) {
        const uint64_t s = slots_[FindSlot(plate, h)];
        if (s != 0) return static_cast<uint32_t>(s) - 1;
    }
    const uint32_t id = size_.load(std::memory_order_relaxed);
    if ((id >> kChunkBits) >= kMaxChunks) throw std::length_error("PlateDictionary: too many plates");
    Chunk* c = chunks_[id >> kChunkBits].load(std::memory_order_relaxed);
    if (c == nullptr) {
        c = new Chunk;
        chunks_[id >> kChunkBits].store(c, std::memory_order_release);
    }
    Rec& rec = c->rec[id & kChunkMask];
    if (plate.size() <= 15) {
        std::memcpy(rec.b, plate.data(), plate.size());
        rec.b[15] = static_cast<char>(plate.size());
    } else {
        // A long plate goes to the arena and never straddles two blocks.
        uint64_t used = text_used_.load(std::memory_order_relaxed);
        if ((used & kBlockMask) + plate.size() > (size_t{1} << kBlockBits)) used = (used | kBlockMask) + 1;
        const uint64_t block = used >> kBlockBits;
        if (block >= kMaxBlocks) throw std::length_error("PlateDictionary: plate text arena full");
        char* b = blocks_[block].load(std::memory_order_relaxed);
        if (b == nullptr) {
            b = new char[size_t{1} << kBlockBits];
            blocks_[block].store(b, std::memory_order_release);
        }
        std::memcpy(b + (used & kBlockMask), plate.data(), plate.size());
        const auto loc = static_cast<uint32_t>(used);
        std::memcpy(rec.b, &loc, 4);
        rec.b[4] = static_cast<char>(plate.size());
        rec.b[15] = kLong;
        text_used_.store(used + plate.size(), std::memory_order_relaxed);
    }
    {
        std::unique_lock lock(map_mu_);
        if (2 * (size_t{id} + 1) > slots_.size()) Rehash(std::max<size_t>(1024, 2 * slots_.size()));
        size_.store(id + 1, std::memory_order_release);
        slots_[FindSlot(plate, h)] = ((h >> 32) << 32) | (id + 1);
    }
    return id;
}

std::optional<uint32_t> PlateDictionary::Find(std::string_view plate) const {
    std::shared_lock lock(map_mu_);
    if (slots_.empty()) return std::nullopt;
    const uint64_t s = slots_[FindSlot(plate, HashPlate(plate))];
    if (s == 0) return std::nullopt;
    return static_cast<uint32_t>(s) - 1;
}

size_t PlateDictionary::Bytes() const {
    std::shared_lock lock(map_mu_);
    const uint32_t n = size();
    const size_t chunks = (size_t{n} + kChunkMask) >> kChunkBits;
    const uint64_t used = text_used_.load(std::memory_order_relaxed);
    return chunks * sizeof(Chunk) + (used == 0 ? 0 : ((used >> kBlockBits) + 1) << kBlockBits) +
           slots_.capacity() * sizeof(uint64_t);
}

}  // namespace jw::analytics
