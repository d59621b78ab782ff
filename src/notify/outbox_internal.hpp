#pragma once
// Shared by outbox.cpp and outbox_groups.cpp only.

#include <string>

#include "notify/outbox.hpp"

namespace jw::notify {

// A stored parameter object; a value that is not a string (never written so) is kept as its JSON text.
MessageParams ParamsFrom(const std::string& text);
// The group key of a notification: repeats (same kind, same title as the reader sees it) share it.
std::string RepeatKey(const Notification& n);

}  // namespace jw::notify
