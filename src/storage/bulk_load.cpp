#include "storage/bulk_load.hpp"

#include <algorithm>

#include "storage/tab_text.hpp"

namespace jw::storage {
namespace {

std::string ColumnList(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c;
    return out;
}

// COPY text format (tab_text.hpp); NULL is \N.
void AppendCopyValue(std::string& out, const Value& v) {
    if (!v) {
        out += "\\N";
        return;
    }
    AppendTabEscaped(out, *v);
}

class PostgresLoader final : public BulkLoader {
  public:
    PostgresLoader(detail::CopyIn* copy, size_t columns) : copy_(copy), columns_(columns) {}
    ~PostgresLoader() override {
        if (open_) (void)copy_->CopyEnd("load abandoned");
    }
    Status Start(std::string_view table, const std::vector<std::string>& columns) {
        JW_RETURN_IF_ERROR(
            copy_->CopyBegin("COPY " + std::string(table) + " (" + ColumnList(columns) + ") FROM STDIN"));
        open_ = true;
        return Status::Ok();
    }
    Status Add(const Params& row) override {
        if (!open_) return Status::Internal("bulk load: not open");
        if (row.size() != columns_) return Status::Invalid("row", "wrong_number_of_values");
        for (size_t i = 0; i < row.size(); ++i) {
            if (i) buffer_ += '\t';
            AppendCopyValue(buffer_, row[i]);
        }
        buffer_ += '\n';
        ++rows_;
        if (buffer_.size() >= kPiece) return Flush();
        return Status::Ok();
    }
    Status Finish() override {
        if (!open_) return Status::Internal("bulk load: not open");
        Status s = Flush();
        open_ = false;
        Status end = copy_->CopyEnd(s.ok() ? "" : s.message());
        return s.ok() ? end : s;
    }

  private:
    static constexpr size_t kPiece = 1 << 20;
    Status Flush() {
        if (buffer_.empty()) return Status::Ok();
        Status s = copy_->CopyData(buffer_);
        buffer_.clear();
        return s;
    }
    detail::CopyIn* copy_;
    size_t columns_;
    bool open_ = false;
    std::string buffer_;
};

class SqliteLoader final : public BulkLoader {
  public:
    SqliteLoader(Connection& c, std::string_view table, const std::vector<std::string>& columns)
        : c_(c), columns_(columns.size()), per_statement_(std::max<size_t>(1, 999 / columns.size())) {
        std::string one = "(";
        for (size_t i = 0; i < columns_; ++i) one += i ? ", ?" : "?";
        one += ")";
        head_ = "INSERT INTO " + std::string(table) + " (" + ColumnList(columns) + ") VALUES ";
        full_ = head_;
        for (size_t i = 0; i < per_statement_; ++i) full_ += (i ? ", " : "") + one;
        one_ = std::move(one);
    }
    ~SqliteLoader() override {
        if (!old_cache_.empty()) (void)c_.ExecScript("PRAGMA cache_size = " + old_cache_);
    }
    Status Start() {
        JW_ASSIGN_OR_RETURN(auto rows, c_.Query("PRAGMA cache_size"));
        const int64_t old = rows.empty() ? -2000 : rows[0].Int(0);
        // Negative = KiB. Only ever raised.
        const int64_t old_kib = old < 0 ? -old : old * 4;
        if (old_kib < kCacheKib) {
            JW_RETURN_IF_ERROR(c_.ExecScript("PRAGMA cache_size = -" + std::to_string(kCacheKib)));
            old_cache_ = std::to_string(old);
        }
        return Status::Ok();
    }
    Status Add(const Params& row) override {
        if (row.size() != columns_) return Status::Invalid("row", "wrong_number_of_values");
        for (const auto& v : row) params_.push_back(v);
        ++rows_;
        if (params_.size() == per_statement_ * columns_) {
            Status s = c_.Exec(full_, params_);
            params_.clear();
            return s;
        }
        return Status::Ok();
    }
    Status Finish() override {
        if (params_.empty()) return Status::Ok();
        std::string sql = head_;
        const size_t n = params_.size() / columns_;
        for (size_t i = 0; i < n; ++i) sql += (i ? ", " : "") + one_;
        Status s = c_.Exec(sql, params_);
        params_.clear();
        return s;
    }

  private:
    static constexpr int64_t kCacheKib = 256 * 1024;
    Connection& c_;
    size_t columns_, per_statement_;
    std::string head_, one_, full_, old_cache_;
    Params params_;
};

}  // namespace

Result<std::unique_ptr<BulkLoader>> BulkLoader::Start(Connection& c, std::string_view table,
                                                      const std::vector<std::string>& columns) {
    if (columns.empty()) return Status::Invalid("columns", "required");
    if (c.dialect() == Dialect::kPostgres) {
        auto* copy = dynamic_cast<detail::CopyIn*>(&c);
        if (copy == nullptr) return Status::Internal("bulk load: this PostgreSQL connection cannot COPY");
        auto loader = std::make_unique<PostgresLoader>(copy, columns.size());
        JW_RETURN_IF_ERROR(loader->Start(table, columns));
        return std::unique_ptr<BulkLoader>(std::move(loader));
    }
    auto loader = std::make_unique<SqliteLoader>(c, table, columns);
    JW_RETURN_IF_ERROR(loader->Start());
    // The table and the columns exist: an empty statement of the same shape is prepared now, not at row 47.
    JW_RETURN_IF_ERROR(c.Query("SELECT " + ColumnList(columns) + " FROM " + std::string(table) + " WHERE 0").status());
    return std::unique_ptr<BulkLoader>(std::move(loader));
}

}  // namespace jw::storage
