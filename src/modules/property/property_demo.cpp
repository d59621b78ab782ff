#include "property/property_demo.hpp"

#include <string>
#include <vector>

#include "auth/auth_repository.hpp"
#include "auth/password.hpp"
#include "auth/seed.hpp"
#include "cases/case_service.hpp"
#include "common/crypto.hpp"
#include "media/media_store.hpp"
#include "property/property_repository.hpp"
#include "property/property_service.hpp"
#include "property/transfers.hpp"

namespace jw::property {

namespace {

using storage::V;

auth::Principal Actor(int64_t user_id, int64_t unit_id, std::vector<std::string> permissions,
                      const std::string& name = "") {
    auth::Principal p;
    p.user_id = user_id;
    p.unit_id = unit_id;
    p.name = name;
    p.roles = {"officer"};
    p.all_units = true;  // the demo seeds on behalf of each unit
    for (auto& s : permissions) p.permissions.insert(std::move(s));
    return p;
}

Result<int64_t> UnitId(storage::Connection& c, const std::string& name) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM units WHERE name = ?", {V(name)}));
    if (rows.empty()) return Status::NotFound("unit " + name);
    return rows[0].Int(0);
}

// A store with rooms, each room with shelves, each shelf with positions.
struct RoomSpec {
    std::string code, name;
    int shelves, positions;
};
Result<std::vector<int64_t>> MakeStore(storage::Connection& c, int64_t unit, const std::string& name,
                                       const std::string& kind, const std::vector<RoomSpec>& rooms, int64_t now) {
    JW_ASSIGN_OR_RETURN(int64_t store, repo::InsertStore(c, Store{0, unit, "", name, kind}, now));
    std::vector<int64_t> positions;
    for (const auto& r : rooms) {
        JW_ASSIGN_OR_RETURN(int64_t room,
                            repo::InsertPlace(c, Place{0, store, std::nullopt, "room", r.code, r.name, 0}));
        for (int s = 1; s <= r.shelves; ++s) {
            const std::string shelf_code = r.code + "-" + (s < 10 ? "0" : "") + std::to_string(s);
            JW_ASSIGN_OR_RETURN(int64_t shelf, repo::InsertPlace(c, Place{0, store, room, "shelf", shelf_code,
                                                                          shelf_code + "号柜架", 0}));
            for (int p = 1; p <= r.positions; ++p) {
                const std::string code = shelf_code + "-" + (p < 10 ? "0" : "") + std::to_string(p);
                JW_ASSIGN_OR_RETURN(int64_t pos,
                                    repo::InsertPlace(c, Place{0, store, shelf, "position", code, code + "号位", 4}));
                positions.push_back(pos);
            }
        }
    }
    return positions;
}

struct DemoItem {
    const char* category;
    const char* description;
    double quantity;
    const char* unit;
    int64_t value_fen;
    const char* owner;
    const char* fate;  // registered | in_store | out | out_overdue | requested | approved | on_hold | disposed
};

// An 8×8 PNG standing in for the photo taken at seizure.
Result<std::string> DemoPhoto(storage::Connection& c, const media::MediaVault& vault, int64_t by, int64_t unit,
                              int64_t now) {
    static const std::string png = FromHex(
        "89504e470d0a1a0a0000000d49484452000000080000000808020000004b6d29dc0000001149444154789c6338b1c0062b62185a1200"
        "2a2f69017bdbe9670000000049454e44ae426082");
    media::MediaObject m;
    m.media_id = media::NewMediaId();
    m.content_type = "image/png";
    m.bytes = static_cast<int64_t>(png.size());
    m.width = m.height = 8;
    m.sealed = vault.Seal(png);
    m.uploaded_by = by;
    m.unit_id = unit;
    m.created_at = now;
    JW_RETURN_IF_ERROR(media::InsertMedia(c, m));
    return m.media_id;
}

}  // namespace

Status SeedDemoProperty(storage::Connection& c, const std::string& key, int64_t now) {
    const media::MediaVault vault(key);
    JW_ASSIGN_OR_RETURN(int64_t office, UnitId(c, "警务保障室"));
    JW_ASSIGN_OR_RETURN(int64_t chengguan, UnitId(c, "城关派出所"));
    JW_ASSIGN_OR_RETURN(int64_t dongcheng, UnitId(c, "东城派出所"));
    // Two station custodians (property 8803xx); the bureau's is the demo account `custodian`.
    struct Account {
        const char* username;
        const char* police_no;
        const char* name;
        int64_t unit;
    };
    for (const Account& a :
         {Account{"custodian2", "880301", "何丽萍", chengguan}, Account{"custodian3", "880302", "林志军", dongcheng}}) {
        auth::User u;
        u.username = a.username;
        u.police_no = a.police_no;
        u.name = a.name;
        u.unit_id = a.unit;
        u.phone = std::string("1390") + a.police_no + "1";
        u.status = "active";
        u.password_hash = auth::HashPassword(auth::kDemoPassword);
        u.must_change_password = false;
        JW_ASSIGN_OR_RETURN(int64_t id, auth::repo::InsertUser(c, u, now));
        JW_RETURN_IF_ERROR(auth::repo::SetUserRoles(c, id, {"custodian"}));
    }
    JW_ASSIGN_OR_RETURN(auto bureau_positions, MakeStore(c, office, "示范县公安局涉案财物管理中心", "bureau",
                                                         {{"A", "一般物品库", 3, 4},
                                                          {"B", "贵重物品库", 1, 4},
                                                          {"C", "车辆停放场", 1, 6},
                                                          {"D", "危险物品库", 1, 2}},
                                                         now));
    JW_ASSIGN_OR_RETURN(auto cg_positions,
                        MakeStore(c, chengguan, "城关派出所涉案财物保管室", "station", {{"S", "保管室", 2, 4}}, now));
    JW_ASSIGN_OR_RETURN(auto dc_positions,
                        MakeStore(c, dongcheng, "东城派出所涉案财物保管室", "station", {{"S", "保管室", 2, 4}}, now));
    JW_ASSIGN_OR_RETURN(auto custodian_row,
                        c.QueryOne("SELECT id, unit_id, name FROM users WHERE username = 'custodian'"));
    JW_ASSIGN_OR_RETURN(auto leader_row, c.QueryOne("SELECT id, unit_id, name FROM users WHERE username = 'leader'"));
    const auth::Principal custodian = Actor(custodian_row.Int(0), custodian_row.Int(1),
                                            {"property.custody", "property.dispose.request"}, custodian_row.Str(2));
    const auth::Principal leader =
        Actor(leader_row.Int(0), leader_row.Int(1), {"property.dispose.approve"}, leader_row.Str(2));

    // Open cases of the two stations first, oldest first: seizures are recorded on them through the case service; the
    // seizure left without items may fall on another unit's case.
    JW_ASSIGN_OR_RETURN(auto cases,
                        c.Query("SELECT id, unit_id, lead_officer_id, accepted_at FROM cases WHERE "
                                "state <> 'closed' ORDER BY CASE WHEN unit_id IN (?, ?) THEN 0 ELSE 1 END, id "
                                "LIMIT 40",
                                {V(chengguan), V(dongcheng)}));
    const std::vector<std::vector<DemoItem>> plan = {
        {{"electronics", "黑色华为手机一部（屏幕碎裂）", 1, "部", 120000, "张建国", "in_store"},
         {"cash", "人民币现金", 3200, "元", 320000, "张建国", "in_store"},
         {"electronics", "银色笔记本电脑一台", 1, "台", 560000, "张建国", "registered"}},
        {{"weapons", "管制刀具（弹簧刀）一把", 1, "把", 5000, "", "requested"},
         {"documents", "伪造的驾驶证一本", 1, "本", 0, "", "approved"}},
        {{"vehicle", "白色两轮电动车一辆", 1, "辆", 180000, "李秀兰", "out"}},
        {{"drugs", "疑似毒品（白色晶体）", 2.5, "克", 0, "", "out_overdue"},
         {"other", "吸毒工具一套", 1, "套", 0, "", "in_store"}},
        {{"valuables", "黄金项链一条", 1, "条", 860000, "王芳", "on_hold"}},
        {{"perishables", "海鲜（大闸蟹）一箱", 1, "箱", 40000, "陈伟", "overdue"},
         {"perishables", "水果（苹果）一筐", 1, "筐", 20000, "", "overdue"}},
        {{"electronics", "笔记本电脑一台", 1, "台", 450000, "刘强", "registered"}},
        {{"cash", "赌资", 1500, "元", 150000, "", "disposed"}},
        {{"electronics", "U盘两个", 2, "个", 0, "", "handed_over"},
         {"vehicle", "黑色小型轿车一辆", 1, "辆", 8000000, "周某", "handed_over"}},
    };
    size_t bureau_next = 0, station_next = 0;
    std::vector<std::pair<int64_t, std::vector<int64_t>>> open_list, handed;  // (case, items) for transfer lists
    // `p` walks the plan: a case whose state takes no seizure is skipped without losing its plan entry.
    size_t p = 0;
    for (size_t k = 0; k < cases.size() && p < plan.size() + 1; ++k) {
        const int64_t case_id = cases[k].Int(0), unit = cases[k].Int(1), officer_id = cases[k].Int(2);
        const int64_t accepted = cases[k].Int(3);
        auth::Principal officer;
        officer.user_id = officer_id;
        officer.unit_id = unit;
        officer.roles = {"officer"};
        officer.unit_scope = {unit};
        JW_ASSIGN_OR_RETURN(cases::Case kase, cases::LoadCase(c, officer, case_id));
        // The review dates differ by age: the overdue ones were seized 50 days ago.
        const bool old = p < plan.size() && plan[p][0].fate == std::string("overdue");
        const int64_t at = std::max(accepted + 3600, now - (old ? 50 : 5) * 86400);
        cases::ActionInput seize;
        seize.action = "seized";
        seize.expected_version = kase.version;
        seize.at = std::min(at, now - 60);
        seize.data = {{"item", p < plan.size() ? plan[p][0].description : "现场扣押物品"}};
        auto seized = cases::ApplyAction(c, officer, case_id, seize, now);
        if (!seized.ok()) continue;   // a case whose state takes no seizure: skip it
        if (p == plan.size()) break;  // the last seizure stays without items (the entry rate's gap)
        const size_t step = p++;
        for (const auto& d : plan[step]) {
            IntakeInput in;
            in.case_id = case_id;
            in.seizure_event_id = seized->event.id;
            in.category = d.category;
            in.description = d.description;
            in.quantity = d.quantity;
            in.quantity_unit = d.unit;
            in.value_fen = d.value_fen;
            in.owner_name = d.owner;
            in.seized_by = "王志强、李明";
            in.seized_at = *seize.at;
            in.seized_place = kase.place_address;
            in.legal_basis = kase.case_type == "criminal" ? "《刑事诉讼法》第一百四十一条"
                                                          : "《公安机关办理行政案件程序规定》第一百零七条";
            in.document_no = "示公（扣）字〔2026〕" + std::to_string(100 + step) + "号";
            // A photo where the category requires one (第一百九十二条): a small placeholder image, uploaded by the
            // officer.
            const CategoryRule* rule = FindCategory(d.category);
            if (rule && rule->photos_required) {
                JW_ASSIGN_OR_RETURN(std::string media_id, DemoPhoto(c, vault, officer_id, unit, now));
                in.photos = {media_id};
            }
            auto item = Intake(c, officer, in, now - 60);
            JW_RETURN_IF_ERROR(item.status());
            const std::string fate = d.fate;
            if (fate == "registered") continue;
            const bool station = std::string(d.category) == "electronics" || std::string(d.category) == "other";
            const auto& positions = station ? (unit == chengguan ? cg_positions : dc_positions) : bureau_positions;
            size_t& next = station ? station_next : bureau_next;
            const int64_t place = positions[next++ % positions.size()];
            Movement m;
            m.receiver = custodian.name;
            m.reason = "办案人员移交（第一百九十条）";
            JW_ASSIGN_OR_RETURN(Item stored, CheckIn(c, custodian, item->id, place, m, now - 50));
            if (fate == "out" || fate == "out_overdue") {
                CheckOutInput out;
                out.purpose = "appraisal";
                out.holder = "示范县公安局物证鉴定室";
                out.expected_return_at = fate == "out" ? now + 5 * 86400 : now + 60;
                out.movement.approved_by = "孙国栋";
                out.movement.reason = "送检鉴定";
                JW_RETURN_IF_ERROR(CheckOut(c, custodian, stored.id, out, now - 40).status());
                if (fate == "out_overdue") {
                    // Due back an hour ago: the alert job raises it (set after the check-out, which refuses a past
                    // date).
                    JW_RETURN_IF_ERROR(c.Exec("UPDATE property_items SET expected_return_at = ? WHERE id = ?",
                                              {V(now - 3600), V(stored.id)}));
                }
            } else if (fate == "requested" || fate == "approved" || fate == "disposed") {
                const std::string kind = fate == "disposed" ? "confiscate" : fate == "approved" ? "destroy" : "destroy";
                JW_RETURN_IF_ERROR(
                    RequestDisposal(c, custodian, stored.id, kind, "案件已作出处理决定（第一百九十三条）", "", now - 30)
                        .status());
                if (fate != "requested") {
                    JW_RETURN_IF_ERROR(DecideDisposal(c, leader, stored.id, true, "同意", now - 20).status());
                }
                if (fate == "disposed") {
                    Movement done;
                    done.receiver = "示范县财政局";
                    JW_RETURN_IF_ERROR(CompleteDisposal(c, custodian, stored.id, done, now - 10).status());
                }
            } else if (fate == "handed_over" || (step == 0)) {
                auto& lists = fate == "handed_over" ? handed : open_list;
                if (lists.empty() || lists.back().first != case_id) lists.push_back({case_id, {}});
                lists.back().second.push_back(stored.id);
            } else if (fate == "on_hold") {
                JW_RETURN_IF_ERROR(Hold(c, custodian, stored.id, "被侵害人尚未确认，待通知领取（第一百九十七条）",
                                        "2099-01-01", now - 10)
                                       .status());
            }
        }
    }
    // Transfer lists to the procuratorate (随案移送): one confirmed (its items handed over, the vehicle staying in the
    // police yard), one sent and waiting for the procurator (the first case's items).
    JW_ASSIGN_OR_RETURN(auto procurator, c.Query("SELECT u.id, u.org_id, u.name FROM users u WHERE u.username = "
                                                 "'procurator' AND u.org_id IS NOT NULL"));
    if (procurator.empty()) return Status::Ok();  // a county without kit's demo organisations
    const int64_t org = procurator[0].Int(1);
    auth::Principal receiver;
    receiver.user_id = procurator[0].Int(0);
    receiver.name = procurator[0].Str(2);
    receiver.org_id = org;
    receiver.org_kind = "procuratorate";
    receiver.org_scope = {org};
    for (const auto& [case_id, ids] : handed) {
        JW_ASSIGN_OR_RETURN(Transfer t, SendTransfer(c, custodian, case_id, org, ids, "随案移送", now - 5));
        for (int64_t id : ids)
            JW_RETURN_IF_ERROR(ConfirmTransferItem(c, receiver, t.id, id, "accepted", "", now - 2).status());
    }
    for (const auto& [case_id, ids] : open_list)
        JW_RETURN_IF_ERROR(SendTransfer(c, custodian, case_id, org, ids, "随案移送，请核对", now - 1).status());
    return Status::Ok();
}

}  // namespace jw::property
