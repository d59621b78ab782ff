#pragma once
// The property module's printed papers as Documents for the shared renderer (docs/, HTML and PDF): 扣押清单 (the
// items of a case's seizures, 程序规定第一百零九条 证据保全清单 and 第一百八十九条 登记), the custody record of one
// item (its chain, and whether it verified), and the disposal papers by disposals.csv's `document`: 发还清单
// (return_list, 第一百九十二条 领取手续附卷), 销毁记录 (destruction_record, 第一百九十六条第（三）项 登记造册后销毁),
// 处置记录 (disposal_record), 移交清单 (handover_list). Owners' names are printed in full: these papers go to the
// owner and the file, read only with a stated purpose (the routes say so). Pure; thread-safe.

#include <string>
#include <vector>

#include "docs/document.hpp"
#include "property/custody/custody_chain.hpp"
#include "property/items/property_repository.hpp"
#include "property/property.hpp"

namespace jw::property {

docs::Document SeizureListDocument(const std::string& bureau, const std::string& case_no,
                                   const std::vector<Item>& items);
docs::Document CustodyRecordDocument(const std::string& bureau, const Item& item,
                                     const std::vector<CustodyEvent>& events, bool chain_intact);
// The paper of a disposal (`d.kind` selects it). Title from disposals.csv's document column.
docs::Document DisposalDocument(const std::string& bureau, const Item& item, const repo::Disposal& d,
                                const std::string& approver_name);
std::string DocumentTitle(const std::string& document);  // return_list → 发还清单 …

}  // namespace jw::property
