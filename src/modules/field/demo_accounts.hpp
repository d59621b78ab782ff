#pragma once
// The demo county's phone users beside the officer (issue 15, ADR 0059): an auxiliary police officer (辅警,
// account `auxiliary`, 880501) and a grid member (网格员, account `gridmember`, 880502) of 城关派出所, both on
// the demo officer's grid team, with two demo roles of the same names:
// - auxiliary: collects information under an officer (一标三实: people, houses, visits, tasks) and runs the identity
//   check, whose hits go to the duty desk for a police officer to act on — 公安机关办理行政案件程序规定 (2019)
//   §52 ¶2: 信息采集 … 可以由一名人民警察带领警务辅助人员进行; never what §52 ¶1 keeps to two police officers
//   (询问、检查 …) nor a decision: no vehicle pass search (a case's investigation), no watch-list application
//   or approval, no cases, not the station's list of checks;
// - grid_member: a community worker, not police: the grid's addresses, houses, people (masked), tasks and visits;
//   no identity or vehicle check, no watch lists.
// A real bureau's security administrator defines its own roles; these two are the demo's. Idempotent per role
// (EnsureRole); the accounts are added once, at `jingwu init --demo`.

#include <cstdint>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::field {

Status SeedDemoFieldAccounts(storage::Connection& c, int64_t now);

}  // namespace jw::field
