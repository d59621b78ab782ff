#pragma once
// PlateDictionary: the store's append-only plate dictionary, shared by all snapshots. id → text lives in
// fixed chunks of 16-byte records: a plate of ≤ 15 bytes (every GA 36 plate) inline with its length, a
// longer one as an offset into a pooled text arena of 1 MiB blocks; so verifying a hash hit touches one
// cache line. text → id is an open-addressing table of 64-bit slots (32-bit hash tag | id + 1) at load
// ≤ 0.5. About 16 + 16 bytes per plate. Text never moves once added, so a reader may use any id below the
// plate count of its snapshot without locking.
// Thread safety: Intern is for the single writer; Find and Get may run from any thread concurrently.

#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string_view>
#include <vector>

namespace jw::analytics {

class PlateDictionary {
  public:
    static constexpr size_t kMaxPlateBytes = 255;

    PlateDictionary();
    ~PlateDictionary();
    PlateDictionary(const PlateDictionary&) = delete;
    PlateDictionary& operator=(const PlateDictionary&) = delete;

    // Returns the id of `plate` (≤ kMaxPlateBytes bytes), adding it when new. Writer only.
    uint32_t Intern(std::string_view plate);
    // Intern for plates[0, n) into ids[0, n), with the table's cache lines prefetched several plates ahead
    // (ingest and replay are bound by those memory loads). Writer only.
    void InternMany(const std::string_view* plates, size_t n, uint32_t* ids);
    std::optional<uint32_t> Find(std::string_view plate) const;  // any thread
    std::string_view Get(uint32_t id) const {
        const Rec& r = chunks_[id >> kChunkBits].load(std::memory_order_acquire)->rec[id & kChunkMask];
        if (r.b[15] != kLong) return {r.b, static_cast<uint8_t>(r.b[15])};
        uint32_t loc;
        std::memcpy(&loc, r.b, 4);
        return {blocks_[loc >> kBlockBits].load(std::memory_order_acquire) + (loc & kBlockMask),
                static_cast<uint8_t>(r.b[4])};
    }
    uint32_t size() const { return size_.load(std::memory_order_acquire); }
    size_t Bytes() const;

  private:
    static constexpr uint32_t kChunkBits = 16;
    static constexpr uint32_t kChunkMask = (1u << kChunkBits) - 1;
    static constexpr uint32_t kMaxChunks = 1u << 16;
    static constexpr uint32_t kBlockBits = 20;
    static constexpr uint32_t kBlockMask = (1u << kBlockBits) - 1;
    static constexpr uint32_t kMaxBlocks = 1u << 12;
    static constexpr char kLong = static_cast<char>(0xFF);
    struct Rec {
        char b[16];  // ≤ 15 bytes: text, then b[15] = length; longer: u32 arena offset, b[4] = length, b[15] = kLong
    };
    struct Chunk {
        Rec rec[1u << kChunkBits];
    };
    size_t FindSlot(std::string_view plate, uint64_t h) const;  // slot holding plate, or the empty slot
    uint32_t InternHashed(std::string_view plate, uint64_t h);
    void Rehash(size_t capacity);

    std::unique_ptr<std::atomic<Chunk*>[]> chunks_;
    std::unique_ptr<std::atomic<char*>[]> blocks_;
    std::atomic<uint64_t> text_used_{0};  // arena bytes handed out (written by the writer only)
    std::atomic<uint32_t> size_{0};
    // The writer changes the table under the unique lock; readers probe under the shared lock.
    mutable std::shared_mutex map_mu_;
    std::vector<uint64_t> slots_;
};

}  // namespace jw::analytics
