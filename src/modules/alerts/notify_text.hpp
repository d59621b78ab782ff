#pragma once
// The words of an alert notification. Notifications leave the alert's access control: they are pushed over the
// WebSocket, kept in the in-app list and sent by SMS to the recipient's phone. So a notification never carries a
// whole resident ID number or mobile number, even when a duty officer typed one into the alert's subject or
// title: such numbers are masked as on screen (519901********1234, 138****5678); the alert itself shows them
// whole to those who may read it. Pure; thread-safe.

#include <string>
#include <string_view>

namespace jw::alerts {

// `text` with every run of 18 characters shaped like a resident ID number (17 digits and a digit or X) and
// every run of 11 digits shaped like a mobile number (1[3-9]…) masked. Other digit runs are kept.
std::string MaskIdentifiers(std::string_view text);

}  // namespace jw::alerts
