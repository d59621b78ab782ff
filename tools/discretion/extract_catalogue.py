#!/usr/bin/env python3
"""Extracts the penalty tiers of chapter 3 of the 治安管理处罚法 (2012 and 2025 texts) into CSV.

Usage: extract_catalogue.py LAW_DIR OUT_DIR
Reads  LAW_DIR/zhian_guanli_chufa_fa_2012.md and LAW_DIR/zhian_guanli_chufa_fa_2025_revised.md,
writes OUT_DIR/tiers_2012.csv, OUT_DIR/tiers_2025.csv and prints clauses it could not read
(cross-references such as 依照前款的规定处罚) to stderr for manual review. Deterministic: the same
texts give byte-identical files. No dependencies beyond the Python 3 standard library.

One row per penalty clause: a paragraph is split at '；'; a segment that says 处…拘留/罚款/警告 is one
tier. Tier kind: 情节较轻 → light; 情节较重 / 情节严重 / 严重情节 → heavy; otherwise base.
"""
import csv
import re
import sys

DIGITS = {'零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
UNITS = {'十': 10, '百': 100, '千': 1000, '万': 10000}
NUM = '[零一二两三四五六七八九十百千万]+'


def cn_to_int(s):
    total, section, digit = 0, 0, 0
    for ch in s:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch == '万':
            total += (section + digit) * 10000
            section, digit = 0, 0
        else:
            section += (digit or 1) * UNITS[ch]
            digit = 0
    return total + section + digit


ARTICLE_RE = re.compile(r'^第(' + NUM + r')条[\s　]*(.*)$')


def chapter3_paragraphs(path):
    """Yields (article, paragraph, text) for chapter 3; item lines （一）… are appended to their paragraph."""
    lines = open(path, encoding='utf-8').read().split('\n')
    inside = False
    article, para, text = None, 0, None
    out = []
    for raw in lines:
        line = raw.strip().lstrip('#').strip()
        if not line:
            continue
        if re.match(r'^第[三]章', line) and '违反治安管理的行为和处罚' in line:
            inside = True
            continue
        if re.match(r'^第[四]章', line):
            if inside and text is not None:  # the table of contents also lists chapters: skip it
                out.append((article, para, text))
                break
            inside = False
            continue
        if not inside or re.match(r'^第.{1,3}节', line):
            continue
        m = ARTICLE_RE.match(line)
        if m:
            if text is not None:
                out.append((article, para, text))
            article, para, text = cn_to_int(m.group(1)), 1, m.group(2)
        elif line.startswith('（'):
            text += line
        else:
            out.append((article, para, text))
            para, text = para + 1, line
    return out


DET_RANGE = re.compile('(' + NUM + ')日以上(' + NUM + ')日以下(?:行政)?拘留')
DET_MAX = re.compile('(' + NUM + ')日以下(?:行政)?拘留')
FINE_RANGE = re.compile('(' + NUM + ')元以上(' + NUM + ')元以下(?:的)?罚款')
FINE_MAX = re.compile('(' + NUM + ')元以下(?:的)?罚款')
GAINS = re.compile('违法所得(' + NUM + ')倍以上(' + NUM + ')倍以下罚款')


def kind_of(seg):
    if '情节较轻' in seg or '情节轻微' in seg:
        return 'light'
    # "……的，处…；情节恶劣的，处…" qualifies the clause before it; "……情节恶劣的，处…" at the start of an
    # article is the clause itself (2012 §44).
    if seg.startswith('情节恶劣'):
        return 'heavy'
    if '情节较重' in seg or '情节严重' in seg or '严重情节' in seg or '情节特别严重' in seg:
        return 'heavy'
    return 'base'


def parse_penalty(seg):
    """Returns a dict for a segment whose 处… part names penalties, else None."""
    idx = seg.find('处')
    while idx >= 0 and not re.match('处(' + NUM + '|警告|违法所得)', seg[idx:]):
        idx = seg.find('处', idx + 1)
    if idx < 0:
        return None
    body = seg[idx:]
    det = None
    m = DET_RANGE.search(body)
    if m:
        det = (cn_to_int(m.group(1)), cn_to_int(m.group(2)))
    else:
        m = DET_MAX.search(body)
        if m:
            det = (1, cn_to_int(m.group(1)))
    fine = None
    m = FINE_RANGE.search(body)
    if m:
        fine = (cn_to_int(m.group(1)), cn_to_int(m.group(2)))
    else:
        m = FINE_MAX.search(body)
        if m:
            fine = (0, cn_to_int(m.group(1)))
    gains = None
    m = GAINS.search(body)
    if m:
        gains = (cn_to_int(m.group(1)), cn_to_int(m.group(2)))
    warning = '警告' in body
    if det is None and fine is None and gains is None and not warning:
        return None
    has_fine = fine is not None or gains is not None
    if det and has_fine:
        if '可以并处' in body:
            comb = 'MAY'
        elif '并处' in body:
            comb = 'AND'
        else:
            comb = 'OR'
    elif det and warning:
        comb = 'OR'
    elif det:
        comb = 'DET_ONLY'
    elif warning and has_fine:
        comb = 'WARN_OR_FINE'
    elif has_fine:
        comb = 'FINE_ONLY'
    else:
        comb = 'WARN_ONLY'
    other = []
    if '吊销' in body:
        other.append('revoke_licence')
    if '限期出境' in body or '驱逐出境' in body:
        other.append('deportation')
    return {'det': det, 'fine': fine, 'gains': gains, 'warning': warning, 'comb': comb, 'other': other}


FIELDS = ['law', 'article', 'paragraph', 'kind', 'seq', 'combination', 'detention_min', 'detention_max',
          'fine_min', 'fine_max', 'gains_multiple_min', 'gains_multiple_max', 'warning', 'other', 'clause']


def measures(law, path):
    """Other measures of chapter 3 that are not ranges: licence revocation (吊销许可证/许可证件)."""
    out = []
    for article, para, text in chapter3_paragraphs(path):
        for seg in re.split('；', text.split('（一）')[0]):
            if '吊销许可证' in seg:
                out.append({'law': law, 'article': article, 'paragraph': para, 'measure': 'revoke_licence',
                            'clause': seg.rstrip('：:。')})
    return out


def extract(law, path, skipped):
    rows = []
    for article, para, text in chapter3_paragraphs(path):
        # Item lines （一）… belong to the paragraph but are not part of the penalty clauses.
        head = text.split('（一）')[0]
        segs = [s for s in re.split('；', head) if s]
        seen = {}
        for seg in segs:
            p = parse_penalty(seg)
            if p is None:
                if '处' in seg and ('处罚' in seg or '规定' in seg):
                    skipped.append(f'{law} §{article}¶{para}: {seg}')
                continue
            # "没有违法所得或者违法所得不足…的，处…罚款" is the fallback fine of the preceding gains tier.
            if rows and seg.startswith('没有违法所得') and rows[-1]['article'] == article \
                    and rows[-1]['paragraph'] == para and p['fine']:
                rows[-1]['fine_min'], rows[-1]['fine_max'] = p['fine']
                rows[-1]['clause'] += '；' + seg
                continue
            kind = kind_of(seg)
            seen[kind] = seen.get(kind, 0) + 1
            det, fine, gains = p['det'], p['fine'], p['gains']
            rows.append({
                'law': law, 'article': article, 'paragraph': para, 'kind': kind, 'seq': seen[kind],
                'combination': p['comb'],
                'detention_min': det[0] if det else 0, 'detention_max': det[1] if det else 0,
                'fine_min': fine[0] if fine else 0, 'fine_max': fine[1] if fine else 0,
                'gains_multiple_min': gains[0] if gains else 0, 'gains_multiple_max': gains[1] if gains else 0,
                'warning': 1 if p['warning'] else 0, 'other': ' '.join(p['other']),
                'clause': seg.rstrip('：:。'),
            })
    return rows


def bigrams(text):
    text = re.sub('[，。；：:、（）“”]', '', text)
    return {text[i:i + 2] for i in range(len(text) - 1)}


def tier_map(law_dir):
    """Pairs each 2012 paragraph with the most similar 2025 paragraph of chapter 3 (Jaccard of character
    bigrams of the paragraph text, items included). Pairs under 0.5 are left out; the score is written so a
    reviewer can check the weak ones."""
    old = chapter3_paragraphs(f'{law_dir}/zhian_guanli_chufa_fa_2012.md')
    new = chapter3_paragraphs(f'{law_dir}/zhian_guanli_chufa_fa_2025_revised.md')
    new_grams = [(a, p, bigrams(t)) for a, p, t in new]
    rows = []
    for a, p, t in old:
        g = bigrams(t)
        best = max(new_grams, key=lambda x: (len(g & x[2]) / max(1, len(g | x[2])), -x[0], -x[1]))
        score = len(g & best[2]) / max(1, len(g | best[2]))
        if score >= 0.5:
            rows.append({'article_2012': a, 'paragraph_2012': p, 'article_2025': best[0],
                         'paragraph_2025': best[1], 'similarity': f'{score:.2f}'})
    return rows


def main():
    law_dir, out_dir = sys.argv[1], sys.argv[2]
    skipped = []
    for law, name in (('2012', 'zhian_guanli_chufa_fa_2012.md'), ('2025', 'zhian_guanli_chufa_fa_2025_revised.md')):
        rows = extract(law, f'{law_dir}/{name}', skipped)
        with open(f'{out_dir}/tiers_{law}.csv', 'w', encoding='utf-8', newline='') as f:
            w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator='\n')
            w.writeheader()
            w.writerows(rows)
        arts = sorted({r['article'] for r in rows})
        print(f'{law}: {len(rows)} tiers, {len(arts)} articles ({arts[0]}–{arts[-1]})', file=sys.stderr)
    all_measures = []
    for law, name in (('2012', 'zhian_guanli_chufa_fa_2012.md'), ('2025', 'zhian_guanli_chufa_fa_2025_revised.md')):
        all_measures += measures(law, f'{law_dir}/{name}')
    with open(f'{out_dir}/measures.csv', 'w', encoding='utf-8', newline='') as f:
        w = csv.DictWriter(f, fieldnames=['law', 'article', 'paragraph', 'measure', 'clause'], lineterminator='\n')
        w.writeheader()
        w.writerows(all_measures)
    mapping = tier_map(law_dir)
    with open(f'{out_dir}/tier_map.csv', 'w', encoding='utf-8', newline='') as f:
        w = csv.DictWriter(f, fieldnames=['article_2012', 'paragraph_2012', 'article_2025', 'paragraph_2025',
                                          'similarity'], lineterminator='\n')
        w.writeheader()
        w.writerows(mapping)
    print(f'tier map: {len(mapping)} paragraphs of 2012 paired with 2025', file=sys.stderr)
    for s in skipped:
        print('not extracted (cross-reference or no range):', s, file=sys.stderr)


if __name__ == '__main__':
    main()
