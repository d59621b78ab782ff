#include "courier/records/record_repository.hpp"

#include "common/china_day.hpp"
#include "common/validators.hpp"
#include "courier/courier_keys.hpp"
#include "storage/bulk_load.hpp"
#include "storage/in_list.hpp"

namespace jw::courier {
namespace {
using storage::Null;
using storage::V;

std::string Opened(const std::string& stored) {
    auto r = Sealer().Open(stored);
    return r.ok() ? *r : std::string();
}

std::string MaskAddress(const std::string& a) {
    // The first 6 characters (province and city), the rest starred: enough to see where a parcel goes.
    std::string out;
    size_t chars = 0, i = 0;
    while (i < a.size() && chars < 6) {
        size_t n = 1;
        const unsigned char c = a[i];
        if (c >= 0xF0)
            n = 4;
        else if (c >= 0xE0)
            n = 3;
        else if (c >= 0xC0)
            n = 2;
        out += a.substr(i, n);
        i += n;
        ++chars;
    }
    return i < a.size() ? out + "****" : out;
}

}  // namespace

std::string ChinaDate(int64_t t) {
    const int64_t day = ChinaDayNumber(t);
    return FormatDate(CivilFromDays(day));
}

const std::vector<std::string>& RecordColumns() {
    static const std::vector<std::string> cols = {"company_id",
                                                  "outlet_id",
                                                  "waybill_no",
                                                  "source",
                                                  "sender_doc_type",
                                                  "sender_name_sealed",
                                                  "sender_name_index",
                                                  "sender_id_sealed",
                                                  "sender_id_index",
                                                  "sender_phone_sealed",
                                                  "sender_phone_index",
                                                  "id_verified",
                                                  "receiver_name_sealed",
                                                  "receiver_name_index",
                                                  "receiver_phone_sealed",
                                                  "receiver_phone_index",
                                                  "receiver_address_sealed",
                                                  "receiver_address_index",
                                                  "category",
                                                  "declared_content",
                                                  "declared_value_cents",
                                                  "inspected",
                                                  "status",
                                                  "refusal_reason",
                                                  "ocr_used",
                                                  "ocr_corrected",
                                                  "clerk_user_id",
                                                  "accepted_at",
                                                  "uploaded_at",
                                                  "day"};
    return cols;
}

SealedFields SealFields(const RecordInput& in) {
    const auto& s = Sealer();
    SealedFields f;
    f.sender_name = s.Seal(in.sender_name), f.sender_name_index = s.BlindIndex("name", in.sender_name);
    f.sender_id = s.Seal(in.sender_id), f.sender_id_index = s.BlindIndex("id", NormaliseIdNumber(in.sender_id));
    f.sender_phone = s.Seal(in.sender_phone);
    f.sender_phone_index = s.BlindIndex("phone", NormalisePhone(in.sender_phone));
    f.receiver_name = s.Seal(in.receiver_name), f.receiver_name_index = s.BlindIndex("name", in.receiver_name);
    f.receiver_phone = s.Seal(in.receiver_phone);
    f.receiver_phone_index = s.BlindIndex("phone", NormalisePhone(in.receiver_phone));
    f.receiver_address = s.Seal(in.receiver_address);
    f.receiver_address_index = s.BlindIndex("address", in.receiver_address);
    return f;
}

storage::Params RecordRow(const NewRecord& r) { return RecordRow(r, SealFields(r.in)); }

storage::Params RecordRow(const NewRecord& r, const SealedFields& f) {
    const RecordInput& in = r.in;
    std::string corrected;
    for (const auto& x : in.ocr_corrected) corrected += (corrected.empty() ? "" : ",") + x;
    return {V(r.company_id),
            V(r.outlet_id),
            V(in.waybill_no),
            V(r.source),
            V(in.sender_doc_type),
            V(f.sender_name),
            V(f.sender_name_index),
            V(f.sender_id),
            V(f.sender_id_index),
            V(f.sender_phone),
            V(f.sender_phone_index),
            V(r.id_verified),
            V(f.receiver_name),
            V(f.receiver_name_index),
            V(f.receiver_phone),
            V(f.receiver_phone_index),
            V(f.receiver_address),
            V(f.receiver_address_index),
            V(in.category),
            V(in.declared_content),
            V(in.declared_value_cents),
            V(in.inspected),
            V(r.status),
            V(r.refusal_reason),
            V(in.ocr_used),
            V(corrected),
            r.clerk_user_id ? V(*r.clerk_user_id) : Null(),
            V(in.accepted_at),
            V(r.uploaded_at),
            V(ChinaDate(in.accepted_at))};
}

Result<std::optional<int64_t>> FindRecordByWaybill(storage::Connection& c, int64_t company_id,
                                                   const std::string& waybill_no) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM courier_records WHERE company_id = ? AND waybill_no = ?",
                                           {V(company_id), V(waybill_no)}));
    if (rows.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows[0].Int(0));
}

Result<int64_t> InsertRecord(storage::Connection& c, const NewRecord& r) {
    std::string cols, marks;
    for (const auto& col : RecordColumns()) {
        cols += (cols.empty() ? "" : ",") + col;
        marks += marks.empty() ? "?" : ",?";
    }
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne("INSERT INTO courier_records (" + cols + ") VALUES (" + marks + ") RETURNING id", RecordRow(r)));
    return row.Int(0);
}

Result<std::map<std::string, int64_t>> FindRecordsByWaybill(storage::Connection& c, int64_t company_id,
                                                            const std::vector<std::string>& waybills) {
    std::map<std::string, int64_t> out;
    if (waybills.empty()) return out;
    storage::Params p{V(company_id)};
    const std::string in = storage::InFilterOneParam(c.dialect(), "waybill_no", waybills, p);
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT waybill_no, id FROM courier_records WHERE company_id = ? AND " + in, p));
    for (const auto& r : rows) out.emplace(r.Str(0), r.Int(1));
    return out;
}

Result<std::vector<int64_t>> InsertRecords(storage::Connection& c, const std::vector<NewRecord>& rows,
                                           const std::vector<const SealedFields*>& sealed) {
    if (rows.empty()) return std::vector<int64_t>{};
    // COPY on PostgreSQL, multi-row INSERTs on SQLite (storage::BulkLoader): no per-row statement, no binding of
    // tens of thousands of parameters. The ids come back by the unique company + waybill.
    JW_ASSIGN_OR_RETURN(auto loader, storage::BulkLoader::Start(c, "courier_records", RecordColumns()));
    std::map<int64_t, std::vector<std::string>> waybills;  // company → its waybills in this load
    for (size_t i = 0; i < rows.size(); ++i) {
        JW_RETURN_IF_ERROR(loader->Add(RecordRow(rows[i], *sealed[i])));
        waybills[rows[i].company_id].push_back(rows[i].in.waybill_no);
    }
    JW_RETURN_IF_ERROR(loader->Finish());
    std::map<std::pair<int64_t, std::string>, int64_t> by_key;
    for (const auto& [company, list] : waybills) {
        JW_ASSIGN_OR_RETURN(auto found, FindRecordsByWaybill(c, company, list));
        for (auto& [w, id] : found) by_key.emplace(std::make_pair(company, w), id);
    }
    std::vector<int64_t> ids;
    ids.reserve(rows.size());
    for (const auto& r : rows) {
        auto it = by_key.find({r.company_id, r.in.waybill_no});
        if (it == by_key.end()) return Status::Internal("courier: loaded record not found");
        ids.push_back(it->second);
    }
    return ids;
}

Status InsertRecordPhoto(storage::Connection& c, int64_t record_id, const std::string& media_id,
                         const std::string& kind) {
    return c.Exec("INSERT INTO courier_record_photos (record_id, media_id, kind) VALUES (?,?,?)",
                  {V(record_id), V(media_id), V(kind)});
}

Result<RecordPage> SearchRecords(storage::Connection& c, const RecordQuery& q, bool full) {
    const auto& s = Sealer();
    std::string where = " WHERE 1=1";
    storage::Params p;
    if (!q.sender_id.empty())
        where += " AND r.sender_id_index = ?", p.push_back(V(s.BlindIndex("id", NormaliseIdNumber(q.sender_id))));
    if (!q.sender_name.empty())
        where += " AND r.sender_name_index = ?", p.push_back(V(s.BlindIndex("name", q.sender_name)));
    if (!q.phone.empty()) {
        const std::string idx = s.BlindIndex("phone", NormalisePhone(q.phone));
        where += " AND (r.sender_phone_index = ? OR r.receiver_phone_index = ?)";
        p.push_back(V(idx));
        p.push_back(V(idx));
    }
    if (!q.waybill_no.empty()) where += " AND r.waybill_no = ?", p.push_back(V(q.waybill_no));
    if (q.outlet_id) where += " AND r.outlet_id = ?", p.push_back(V(*q.outlet_id));
    if (q.company_id) where += " AND r.company_id = ?", p.push_back(V(*q.company_id));
    if (!q.outlet_ids.empty()) {
        where += " AND r.outlet_id IN (";
        for (size_t i = 0; i < q.outlet_ids.size(); ++i) where += i ? ",?" : "?", p.push_back(V(q.outlet_ids[i]));
        where += ")";
    }
    if (!q.record_ids.empty()) where += " AND " + storage::InFilter(c.dialect(), "r.id", q.record_ids, p);
    if (!q.from_day.empty()) where += " AND r.day >= ?", p.push_back(V(q.from_day));
    if (!q.to_day.empty()) where += " AND r.day <= ?", p.push_back(V(q.to_day));
    RecordPage page;
    JW_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*) FROM courier_records r" + where, p));
    page.total = total.Int(0);
    storage::Params lp = p;
    lp.push_back(V(int64_t(q.page_size)));
    lp.push_back(V(int64_t(q.page - 1) * q.page_size));
    JW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("SELECT r.id, r.company_id, r.outlet_id, r.waybill_no, r.source, r.sender_doc_type, "
                "r.sender_name_sealed, r.sender_id_sealed, r.sender_phone_sealed, r.receiver_name_sealed, "
                "r.receiver_phone_sealed, r.receiver_address_sealed, r.category, r.declared_content, "
                "r.declared_value_cents, r.status, r.refusal_reason, r.id_verified, r.inspected, r.accepted_at, "
                "r.uploaded_at, o.name FROM courier_records r JOIN courier_outlets o ON o.id = r.outlet_id" +
                    where + " ORDER BY r.accepted_at DESC, r.id DESC LIMIT ? OFFSET ?",
                lp));
    for (const auto& row : rows) {
        RecordView v;
        v.id = row.Int(0), v.company_id = row.Int(1), v.outlet_id = row.Int(2);
        v.waybill_no = row.Str(3), v.source = row.Str(4), v.sender_doc_type = row.Str(5);
        v.sender_name = Opened(row.Str(6)), v.sender_id = Opened(row.Str(7)), v.sender_phone = Opened(row.Str(8));
        v.receiver_name = Opened(row.Str(9)), v.receiver_phone = Opened(row.Str(10));
        v.receiver_address = Opened(row.Str(11));
        v.category = row.Str(12), v.declared_content = row.Str(13), v.declared_value_cents = row.Int(14);
        v.status = row.Str(15), v.refusal_reason = row.Str(16), v.id_verified = row.Bool(17);
        v.inspected = row.Bool(18), v.accepted_at = row.Int(19), v.uploaded_at = row.Int(20);
        v.outlet_name = row.Str(21);
        if (!full) {
            v.sender_name = MaskName(v.sender_name), v.sender_id = MaskIdNumber(v.sender_id);
            v.sender_phone = MaskPhone(v.sender_phone), v.receiver_name = MaskName(v.receiver_name);
            v.receiver_phone = MaskPhone(v.receiver_phone), v.receiver_address = MaskAddress(v.receiver_address);
        }
        page.items.push_back(std::move(v));
    }
    return page;
}

Result<std::optional<int64_t>> RecordOutlet(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT outlet_id FROM courier_records WHERE id = ?", {V(id)}));
    if (rows.empty()) return std::optional<int64_t>{};
    return std::optional<int64_t>{rows[0].Int(0)};
}

Result<std::vector<RecordPhoto>> RecordPhotos(storage::Connection& c, int64_t record_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT media_id, kind FROM courier_record_photos WHERE record_id = ? "
                                           "ORDER BY kind, media_id",
                                           {V(record_id)}));
    std::vector<RecordPhoto> out;
    for (const auto& r : rows) out.push_back({r.Str(0), r.Str(1)});
    return out;
}

}  // namespace jw::courier
