#include "cases/case_secrets.hpp"

#include <optional>
#include <stdexcept>

#include "common/crypto.hpp"
#include "common/sealed_fields.hpp"

namespace jw::cases {

namespace {

using storage::V;

struct Keys {
    std::optional<FieldSealer> sealer;  // purpose "cases": "cases.fields" and "cases.blind_index"
    std::string query_code;
};

Keys& TheKeys() {
    static Keys keys;
    return keys;
}

const Keys& Installed() {
    const Keys& k = TheKeys();
    if (!k.sealer) throw std::logic_error("cases: InstallKeys was not called before personal data was used");
    return k;
}

}  // namespace

void InstallKeys(std::string_view master_key) {
    Keys& k = TheKeys();
    k.sealer.emplace(master_key, "cases", "case_people");
    k.query_code = DeriveKey(master_key, "cases.query_code");
}

std::string SealField(std::string_view plain) { return Installed().sealer->Seal(plain); }

Result<std::string> OpenField(std::string_view stored) { return Installed().sealer->Open(stored); }

std::string IdNumberIndex(std::string_view id_number) {
    return Installed().sealer->BlindIndex("id", NormaliseIdNumber(id_number));
}

std::string PhoneIndex(std::string_view phone) {
    return Installed().sealer->BlindIndex("phone", NormalisePhone(phone));
}

std::string QueryCodeHash(const std::string& case_no, const std::string& code) {
    return HmacSm3Hex(Installed().query_code, HmacSm3Hex(case_no, code));
}

Result<int64_t> SealPlainRecords(storage::Connection& c, int batch) {
    const Keys& k = Installed();
    int64_t changed = 0;
    for (;;) {
        int64_t n = 0;
        JW_RETURN_IF_ERROR(storage::InTransaction(c, [&](storage::Connection& tx) -> Status {
            JW_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id, id_number, phone, address FROM case_people WHERE "
                                                    "sealed = 0 ORDER BY id LIMIT ?",
                                                    {V(static_cast<int64_t>(batch))}));
            for (const auto& r : rows) {
                // sealed = 0 in the WHERE: a row sealed meanwhile by someone else is never sealed twice.
                JW_RETURN_IF_ERROR(
                    tx.Exec("UPDATE case_people SET id_number = ?, phone = ?, address = ?, "
                            "id_number_index = ?, phone_index = ?, sealed = 1 WHERE id = ? AND sealed = 0",
                            {V(SealField(r.Str(1))), V(SealField(r.Str(2))), V(SealField(r.Str(3))),
                             V(IdNumberIndex(r.Str(1))), V(PhoneIndex(r.Str(2))), V(r.Int(0))}));
            }
            JW_ASSIGN_OR_RETURN(auto codes, tx.Query("SELECT id, code_hash FROM case_query_codes WHERE keyed = 0 "
                                                     "ORDER BY id LIMIT ?",
                                                     {V(static_cast<int64_t>(batch))}));
            for (const auto& r : codes) {
                JW_RETURN_IF_ERROR(
                    tx.Exec("UPDATE case_query_codes SET code_hash = ?, keyed = 1 WHERE id = ? AND "
                            "keyed = 0",
                            {V(HmacSm3Hex(k.query_code, r.Str(1))), V(r.Int(0))}));
            }
            n = static_cast<int64_t>(rows.size() + codes.size());
            return Status::Ok();
        }));
        changed += n;
        if (n == 0) return changed;
    }
}

}  // namespace jw::cases
