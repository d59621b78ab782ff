#include "cases/case_secrets.hpp"

#include <stdexcept>

#include "common/crypto.hpp"
#include "common/sealed_field.hpp"

namespace jw::cases {

namespace {

using storage::V;

struct Keys {
    std::string fields, blind_index, query_code;
    bool installed = false;
};

Keys& TheKeys() {
    static Keys keys;
    return keys;
}

const Keys& Installed() {
    const Keys& k = TheKeys();
    if (!k.installed) throw std::logic_error("cases: InstallKeys was not called before personal data was used");
    return k;
}

}  // namespace

void InstallKeys(std::string_view master_key) {
    Keys& k = TheKeys();
    k.fields = DeriveKey(master_key, "cases.fields");
    k.blind_index = DeriveKey(master_key, "cases.blind_index");
    k.query_code = DeriveKey(master_key, "cases.query_code");
    k.installed = true;
}

std::string SealField(std::string_view plain) { return SealWithKey(Installed().fields, plain); }

Result<std::string> OpenField(std::string_view stored) {
    return OpenWithKey(Installed().fields, stored, "case_people");
}

std::string IdNumberIndex(std::string_view id_number) {
    const Keys& k = Installed();
    std::string norm;
    for (char ch : id_number) {
        if (ch == ' ' || ch == '\t') continue;
        norm += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
    }
    if (norm.empty()) return "";
    return HmacSm3Hex(k.blind_index, "id:" + norm);
}

std::string PhoneIndex(std::string_view phone) {
    const Keys& k = Installed();
    std::string digits;
    for (char ch : phone)
        if (ch >= '0' && ch <= '9') digits += ch;
    if (digits.size() == 13 && digits.starts_with("861")) digits = digits.substr(2);
    if (digits.empty()) return "";
    return HmacSm3Hex(k.blind_index, "phone:" + digits);
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
