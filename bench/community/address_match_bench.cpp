// Address matching benchmark (issue 14, ADR 0031): matches/s of the engine (address_matcher.hpp) against N standard
// addresses (default 100,000, the demo generator scaled up), side by side in one run, on the same data and the same
// messy queries, with the naive alternative a user might pick: edit distance from the query to every full name
// (normalised both sides), best wins. Prints both rates, their ratio and how many answers each got right.
// Not a test: figures depend on the machine. Usage: jw_community_bench [addresses] [queries] [naive_queries]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "community/addresses/address_matcher.hpp"
#include "community/addresses/address_text.hpp"
#include "community/addresses/demo_addresses.hpp"

namespace {

using jw::community::Address;

struct Query {
    std::string text;
    size_t expected;  // index of the address it was written from
};

std::string FullWidth(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            const char32_t cp = 0xFF10 + (c - '0');
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += c;
        }
    }
    return out;
}

// Messy text the way callers write it: no county, township or community; dashes; full-width digits.
std::vector<Query> MakeQueries(const std::vector<Address>& all, size_t n, uint32_t seed) {
    std::vector<size_t> pick;
    for (size_t i = 0; i < all.size(); ++i)
        if (!all[i].house_no.empty() && (all[i].level == "house" || all[i].level == "room")) pick.push_back(i);
    std::mt19937 rnd(seed);
    std::vector<Query> out;
    for (size_t k = 0; k < n; ++k) {
        const size_t i = pick[rnd() % pick.size()];
        const Address& a = all[i];
        std::string t;
        switch (rnd() % 4) {
            case 0:
                t = a.township + a.road + a.house_no + "号";
                break;
            case 1:
                t = a.road + a.house_no + (a.level == "room" ? "-" : "");
                break;  // 解放路12-3-2-301
            case 2:
                t = FullWidth(a.road + a.house_no + "号");
                break;
            default:
                t = a.road + a.house_no + "号";
                break;
        }
        if (a.level == "room") {
            if (rnd() % 2)
                t += a.building + "-" + a.unit + "-" + a.room;
            else
                t += a.building + "幢" + a.unit + "单元" + a.room;
        }
        out.push_back({t, i});
    }
    return out;
}

size_t Levenshtein(const std::u32string& a, const std::u32string& b, std::vector<size_t>& row) {
    row.resize(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::u32string U32(const std::string& s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 4;
        char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
        out.push_back(cp);
        i += n;
    }
    return out;
}

double Seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
    const int n_addresses = argc > 1 ? std::atoi(argv[1]) : 100000;
    const size_t n_queries = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 50000;
    const size_t n_naive = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 100;

    auto t0 = std::chrono::steady_clock::now();
    std::vector<Address> all = jw::community::DemoAddresses(n_addresses);
    const jw::community::AddressMatcher matcher(all);
    std::printf("addresses %zu, index built in %.2f s\n", all.size(), Seconds(t0));
    const std::vector<Query> queries = MakeQueries(all, n_queries, 14);

    t0 = std::chrono::steady_clock::now();
    size_t right = 0;
    for (const Query& q : queries) {
        const auto r = matcher.Match(q.text);
        right += r.matched && r.best.index == q.expected;
    }
    const double engine_s = Seconds(t0);
    const double engine_rate = queries.size() / engine_s;
    std::printf("engine: %zu queries in %.3f s = %.0f matches/s (one thread); right %zu/%zu (%.1f %%)\n",
                queries.size(), engine_s, engine_rate, right, queries.size(), 100.0 * right / queries.size());

    // The naive alternative: edit distance to every standard full name (normalised), on the first queries.
    std::vector<std::u32string> names;
    names.reserve(all.size());
    for (const Address& a : all) names.push_back(U32(jw::community::NormaliseAddress(a.full_name)));
    t0 = std::chrono::steady_clock::now();
    size_t naive_right = 0, engine_right_same = 0;
    std::vector<size_t> row;
    const size_t m = std::min(n_naive, queries.size());
    for (size_t k = 0; k < m; ++k) {
        const std::u32string q = U32(jw::community::NormaliseAddress(queries[k].text));
        size_t best = 0, best_d = SIZE_MAX;
        for (size_t i = 0; i < names.size(); ++i) {
            const size_t d = Levenshtein(q, names[i], row);
            if (d < best_d) best_d = d, best = i;
        }
        naive_right += best == queries[k].expected;
    }
    const double naive_s = Seconds(t0);
    const double naive_rate = m / naive_s;
    for (size_t k = 0; k < m; ++k) {
        const auto r = matcher.Match(queries[k].text);
        engine_right_same += r.matched && r.best.index == queries[k].expected;
    }
    std::printf(
        "naive edit distance over all: %zu queries in %.3f s = %.2f matches/s; right %zu/%zu "
        "(engine on the same queries: %zu/%zu)\n",
        m, naive_s, naive_rate, naive_right, m, engine_right_same, m);
    std::printf("ratio engine/naive: %.0fx; target >= 5000 matches/s: %s\n", engine_rate / naive_rate,
                engine_rate >= 5000 ? "met" : "NOT met");
    return 0;
}
