#pragma once
// The courier module's watch-list check (issue 17): personwatch's identity check (ADR 0052) with source
// "courier" and the outlet's local station to notify. Its answer is reduced to hit + the neutral words: the
// clerk and the company's system never see more.
#include "courier/records/record.hpp"

namespace jw::courier {
WatchCheck MakeWatchCheck();
// personwatch::MayBeListed over the same subjects as MakeWatchCheck's (document kinds mapped alike).
WatchPrefilter MakeWatchPrefilter();
}  // namespace jw::courier
