#include "courier/supervision/inspections.hpp"

#include "common/json_util.hpp"
#include "courier/records/record_repository.hpp"
#include "courier/registry/registry_repository.hpp"

namespace jw::courier {
namespace {
using storage::Null;
using storage::V;

constexpr const char* kSelect =
    "SELECT i.id, i.outlet_id, i.inspector_user_id, i.inspected_at, i.findings, i.notice_no, i.rectify_by, i.status, "
    "i.closed_at, i.closing_note, o.name, COALESCE(u.name, '') FROM courier_inspections i "
    "JOIN courier_outlets o ON o.id = i.outlet_id LEFT JOIN users u ON u.id = i.inspector_user_id";

Inspection FromRow(const storage::Row& r) {
    Inspection i;
    i.id = r.Int(0), i.outlet_id = r.Int(1), i.inspector_user_id = r.Int(2), i.inspected_at = r.Int(3);
    i.findings = r.Str(4), i.notice_no = r.Str(5);
    if (!r.IsNull(6)) i.rectify_by = r.Int(6);
    i.status = r.Str(7);
    if (!r.IsNull(8)) i.closed_at = r.Int(8);
    i.closing_note = r.Str(9), i.outlet_name = r.Str(10), i.inspector_name = r.Str(11);
    return i;
}

// "2026年3月1日" from "2026-03-01".
std::string Chinese(const std::string& day) {
    if (day.size() != 10) return day;
    return day.substr(0, 4) + "年" + std::to_string(std::stoi(day.substr(5, 2))) + "月" +
           std::to_string(std::stoi(day.substr(8, 2))) + "日";
}

}  // namespace

Result<int64_t> CreateInspection(storage::Connection& tx, const NewInspection& in, int64_t inspector, int64_t now) {
    const size_t len = Utf8Length(in.findings).value_or(0);
    if (len == 0) return Status::Invalid("findings", "required");
    if (len > 2000) return Status::Invalid("findings", "too_long");
    if (in.rectify_days < 0 || in.rectify_days > kMaxRectifyDays)
        return Status::Invalid("rectify_days", "out_of_range");
    auto outlet = LoadOutlet(tx, in.outlet_id);
    if (!outlet.ok() && outlet.status().code() == ErrorCode::kNotFound)
        return Status::Invalid("outlet_id", "not_found");
    if (!outlet.ok()) return outlet.status();
    const bool notice = in.rectify_days > 0;
    JW_ASSIGN_OR_RETURN(
        storage::Row row,
        tx.QueryOne(
            "INSERT INTO courier_inspections (outlet_id, inspector_user_id, inspected_at, findings, rectify_by, "
            "status) VALUES (?,?,?,?,?,?) RETURNING id",
            {V(in.outlet_id), V(inspector), V(now), V(in.findings),
             notice ? V(now + int64_t(in.rectify_days) * 86400) : Null(), V(notice ? "rectifying" : "passed")}));
    const int64_t id = row.Int(0);
    if (notice) {
        // The number follows the id: unique without a counter table. 〔year〕 is the inspection's year in China.
        const std::string no = "寄递责改〔" + ChinaDate(now).substr(0, 4) + "〕" + std::to_string(id) + "号";
        JW_RETURN_IF_ERROR(tx.Exec("UPDATE courier_inspections SET notice_no = ? WHERE id = ?", {V(no), V(id)}));
    }
    return id;
}

Status CloseInspection(storage::Connection& tx, int64_t id, const std::string& note, int64_t now) {
    if (Utf8Length(note).value_or(0) == 0) return Status::Invalid("note", "required");
    JW_ASSIGN_OR_RETURN(Inspection i, LoadInspection(tx, id));
    if (i.status != "rectifying") return Status(ErrorCode::kConflict, "not rectifying", {{"status", "not_rectifying"}});
    return tx.Exec("UPDATE courier_inspections SET status = 'closed', closed_at = ?, closing_note = ? WHERE id = ?",
                   {V(now), V(note), V(id)});
}

Result<Inspection> LoadInspection(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kSelect) + " WHERE i.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("inspection");
    return FromRow(rows[0]);
}

Result<std::vector<Inspection>> ListInspections(storage::Connection& c, std::optional<int64_t> outlet_id,
                                                const std::string& status) {
    std::string sql = std::string(kSelect) + " WHERE 1 = 1";
    storage::Params p;
    if (outlet_id) sql += " AND i.outlet_id = ?", p.push_back(V(*outlet_id));
    if (!status.empty()) sql += " AND i.status = ?", p.push_back(V(status));
    sql += " ORDER BY i.inspected_at DESC, i.id DESC LIMIT 500";
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql, p));
    std::vector<Inspection> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

docs::Document RectificationNotice(const Inspection& i, const Outlet& o, const std::string& issuer) {
    docs::Document d;
    d.issuer = issuer;
    d.title = "责令整改通知书";
    d.number = i.notice_no;
    d.blocks.push_back(docs::Block::Paragraph(o.name + "："));
    d.blocks.push_back(
        docs::Block::Paragraph("经" + Chinese(ChinaDate(i.inspected_at)) +
                               "对你网点开展寄递安全检查，发现下列问题，不符合《快递暂行条例》第二十二条、" +
                               "《中华人民共和国反恐怖主义法》第二十条关于收寄验视、实名收寄的规定："));
    d.blocks.push_back(docs::Block::Paragraph(i.findings));
    const std::string by = i.rectify_by ? Chinese(ChinaDate(*i.rectify_by)) : "";
    d.blocks.push_back(docs::Block::Paragraph(
        "现责令你网点于" + by +
        "前整改完毕，并将整改情况书面报告我局。逾期不整改的，依照《中华人民共和国反恐怖主义法》" +
        "第八十五条的规定处理。"));
    d.blocks.push_back(docs::Block::Table({{"网点", o.name},
                                           {"许可证号", o.licence_no},
                                           {"负责人", o.manager_name},
                                           {"地址", o.address_text},
                                           {"检查人", i.inspector_name}}));
    d.blocks.push_back(docs::Block::Signature(issuer, Chinese(ChinaDate(i.inspected_at))));
    d.footer = "本通知书一式两份，一份交被检查网点，一份存档。";
    return d;
}

}  // namespace jw::courier
