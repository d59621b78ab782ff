#!/usr/bin/env python3
"""Builds the SAMPLE benchmark edition (样本裁量基准，非正式基准) from the extracted tiers.

Usage: make_sample_benchmark.py DATA_DIR   (reads tiers_2012.csv, tiers_2025.csv, tier_map.csv;
writes benchmark_sample.csv). Deterministic.

For each of 40 common items (2012 articles below, plus their 2025 counterparts from tier_map.csv) every tier
gets three circumstances built only from the rules of DISCRETION.md: 情节一般 (the default base point),
情节相对较轻 (base at the lower quarter of the range) and 情节相对较重 (upper quarter; for OR tiers the
heavier type, for MAY tiers the fine added). These are illustrations for testing, not an official benchmark:
a bureau's legal office publishes its own (行政处罚法 §34).
"""
import csv
import sys

EDITION = 'SAMPLE-1'
ITEMS_2012 = [23, 25, 26, 30, 32, 33, 35, 38, 39, 40, 41, 42, 43, 44, 45, 47, 48, 49, 50, 51, 52, 54, 56, 57,
              58, 59, 60, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 75]


def quarter(lo, hi, q):
    return lo + (hi - lo) * q // 4


def fine_quarter(lo, hi, q):
    return (lo + (hi - lo) * q // 4 + 5) // 10 * 10


def circumstances(t):
    comb = t['combination']
    dlo, dhi, flo, fhi = (int(t[k]) for k in ('detention_min', 'detention_max', 'fine_min', 'fine_max'))
    has_det, has_fine, warn = dhi > 0, fhi > 0, t['warning'] == '1'
    out = []
    for code, label, q in (('a', '情节一般', None), ('b', '情节相对较轻', 1), ('c', '情节相对较重', 3)):
        pick, add_fine = '', ''
        if comb in ('OR', 'WARN_OR_FINE'):
            if q == 3:
                pick = 'detention' if has_det else 'fine'
            elif comb == 'WARN_OR_FINE' or (warn and not has_fine):
                pick = 'warning' if q == 1 else ('fine' if has_fine else 'warning')
            else:
                pick = 'fine' if has_fine else 'warning'
        if comb == 'MAY':
            add_fine = '1' if q == 3 else '0'
        base_det = quarter(dlo, dhi, q) if (q and has_det) else 0
        base_fine = fine_quarter(flo, fhi, q) if (q and has_fine) else -1
        out.append((code, label, base_det, base_fine, pick, add_fine))
    return out


def main():
    d = sys.argv[1]
    tiers = {law: list(csv.DictReader(open(f'{d}/tiers_{law}.csv', encoding='utf-8'))) for law in ('2012', '2025')}
    mapping = list(csv.DictReader(open(f'{d}/tier_map.csv', encoding='utf-8')))
    items_2025 = sorted({int(m['article_2025']) for m in mapping if int(m['article_2012']) in ITEMS_2012})
    rows = []
    for law, items in (('2012', ITEMS_2012), ('2025', items_2025)):
        for t in tiers[law]:
            if int(t['article']) not in items:
                continue
            for code, label, bd, bf, pick, add_fine in circumstances(t):
                cid = f"{law}-{t['article']}-{t['paragraph']}-{t['kind']}{'' if t['seq'] == '1' else t['seq']}-{code}"
                rows.append({'edition': EDITION, 'id': cid, 'law': law, 'article': t['article'],
                             'paragraph': t['paragraph'], 'kind': t['kind'], 'seq': t['seq'],
                             'description': f"【样本】{label}", 'base_detention': bd, 'base_fine': bf,
                             'pick': pick, 'add_fine': add_fine})
    with open(f'{d}/benchmark_sample.csv', 'w', encoding='utf-8', newline='') as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator='\n')
        w.writeheader()
        w.writerows(rows)
    print(f'{len(rows)} circumstances; 2012 items {len(ITEMS_2012)}, 2025 items {len(items_2025)}', file=sys.stderr)


if __name__ == '__main__':
    main()
