#!/usr/bin/env python3
"""Writes match_cases.csv: messy address texts with the standard address each was written from (or "new").

The labels come from how each text was made (a known demo address, rewritten the way callers, officers and
couriers write), never from the matcher. The demo addresses are rebuilt here from their published scheme
(demo_addresses.hpp); the test fails if a label names an address that does not exist. Deterministic (seed 14).
Run: python3 make_match_cases.py > match_cases.csv
"""
import random

FIRST = ["解放", "人民", "建设", "中山", "胜利", "文化", "滨河", "新华", "和平", "东风", "团结", "复兴", "光明", "朝阳",
         "青年", "长江", "友谊", "工农", "红旗", "育才", "金沙", "桂花", "玉带", "凤凰", "龙门", "翠屏", "迎宾", "学府",
         "商贸", "临江", "锦绣", "福兴"]
TOWNS = ["城关镇", "东城镇", "青石镇", "北坝镇", "石桥乡", "西河镇", "龙泉镇", "南山乡", "白马乡"]
TOWN_COMMUNITIES = ["东门社区", "西门社区", "南街社区", "北街社区", "河滨社区", "新城社区"]
VILLAGE_ENDS = ["场镇社区", "红星村", "和平村"]
CN = "零一二三四五六七八九"


def communities(t):
    return TOWN_COMMUNITIES if t == 0 else [TOWNS[t][:-1] + e for e in VILLAGE_ENDS]


def road_of(g):
    t = 0 if g % 2 == 0 else 1 + (g // 2) % 8
    comms = communities(t)
    return TOWNS[t], comms[(g // 9) % len(comms)], FIRST[g] + "路"


def full(g, h, b=None, u=None, r=None):
    town, comm, road = road_of(g)
    s = "示范县" + town + comm + road + f"{h}号"
    if b: s += f"{b}栋"
    if u: s += f"{u}单元"
    if r: s += f"{r}室"
    return s


def cn_positional(n):
    if n < 10: return CN[n]
    if n < 20: return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100: return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    return "".join(CN[int(d)] for d in str(n))


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() or c == "-" else c for c in s)


rnd = random.Random(14)
rows = []


def add(text, expected, note):
    rows.append((text, expected, note))


for i in range(70):
    g = rnd.randrange(32)
    town, comm, road = road_of(g)
    compound = rnd.random() < 0.7
    if compound:
        h = rnd.choice(range(5, 41, 5)); b = rnd.randint(1, 3); u = rnd.randint(1, 2)
        r = rnd.randint(1, 5) * 100 + rnd.randint(1, 2)
        exp = full(g, h, b, u, r)
        variants = [
            (f"{town}{road}{h}号{b}栋{u}单元{r}", "missing community, room without 室"),
            (f"{road}{cn_positional(h)}号{b}-{u}-{r}", "Chinese numeral house, dash form"),
            (fullwidth(f"{road}{h}号{b}幢{u}单元{r}室"), "full-width digits, 幢"),
            (f"{comm}{road}{h}-{b}-{u}-{r}", "all dashes"),
            (f"{road} {h} 号 {b}号楼 {cn_positional(u)}单元 {''.join(CN[int(d)] for d in str(r))}",
             "spaces, 号楼, Chinese digits room"),
        ]
    else:
        h = rnd.choice([n for n in range(1, 41) if n % 5])
        exp = full(g, h)
        variants = [
            (f"{town}{road}{h}号", "township and road"),
            (f"{road}{cn_positional(h)}号", "Chinese numeral house"),
            (fullwidth(f"示范县{town}{comm}{road}{h}号"), "full-width digits, whole name"),
            (f"{road}{h}", "no 号"),
        ]
    for text, note in rnd.sample(variants, 4 if len(variants) > 4 else len(variants)):
        add(text, exp, note)

# New addresses: a number the road does not have, a room or building that does not exist, an unknown road,
# a building at a single house, a road written in the wrong township.
for i in range(60):
    g = rnd.randrange(32)
    town, comm, road = road_of(g)
    kind = i % 6
    if kind == 0:
        add(f"{road}{rnd.randint(41, 99)}号", "new", "house number not on the road")
    elif kind == 1:
        add(f"{road}{rnd.choice(range(5, 41, 5))}号{rnd.randint(1, 3)}栋{rnd.randint(1, 2)}单元{rnd.randint(6, 9)}0{rnd.randint(1, 2)}", "new", "room not in the building")
    elif kind == 2:
        add(f"{road}{rnd.choice(range(5, 41, 5))}号{rnd.randint(4, 9)}栋", "new", "building not at the house")
    elif kind == 3:
        add(f"{town}火星{rnd.choice(['路', '街', '大道'])}{rnd.randint(1, 40)}号", "new", "unknown road")
    elif kind == 4:
        add(f"{road}{rnd.choice([n for n in range(1, 41) if n % 5])}号{rnd.randint(1, 3)}栋{rnd.randint(1, 2)}单元", "new", "building at a single house")
    else:
        other = TOWNS[(TOWNS.index(town) + 1 + rnd.randrange(8)) % 9]
        add(f"{other}{road}{rnd.choice([n for n in range(1, 41) if n % 5])}号", "new", "road named in another township")

# Written by hand, as seen in call records and courier slips; labelled as a reviewer would label them (typos
# included, though the engine does not read them: they show as misses).
J = "示范县城关镇东门社区解放路"
HAND = [
    ("四川省示范县城关镇解放路12号", J + "12号", "province and county in front"),
    ("解放路12号附近", J + "12号", "noise after"),
    ("解放12号", J + "12号", "road without 路"),
    ("解放路12号院", J + "12号", "院"),
    ("县城解放路12号", J + "12号", "县城 for the town"),
    ("东门社区解放路12号", J + "12号", "community and road"),
    ("解放路15号3栋", J + "15号3栋", "building only"),
    ("解放路15号3栋2单元3楼301", J + "15号3栋2单元301室", "floor written"),
    ("解放路15号3-2-301室", J + "15号3栋2单元301室", "dashes then 室"),
    ("解放路15号3栋2单元0301", J + "15号3栋2单元301室", "leading zero"),
    ("解放路15号三栋二单元三〇一", J + "15号3栋2单元301室", "〇"),
    ("解放路十五号叁栋贰单元", J + "15号3栋2单元", "capital numerals"),
    ("解放路15号3栋2单元301室（张先生）", J + "15号3栋2单元301室", "a name after"),
    ("解放路15号3栋2单元301 13812345678", J + "15号3栋2单元301室", "a phone number after"),
    ("城关镇 解放路 15 号 3 栋", J + "15号3栋", "spaces"),
    ("解放路15号2单元301", "new", "building missing: three buildings have that room"),
    ("西门社区解放路12号", "new", "community contradicts the road"),
    ("解放路12号102", "new", "a room at a single house"),
    ("解放路15号A座", "new", "building A does not exist"),
    ("解方路12号", J + "12号", "typo in the road (a miss: the engine does not read typos)"),
    ("解放璐12号", J + "12号", "typo in the road suffix"),
    ("介放路15号3栋", J + "15号3栋", "homophone typo"),
    ("人民路3号", "示范县东城镇东城场镇社区人民路3号", "road in a township"),
    ("东城人民路3号", "示范县东城镇东城场镇社区人民路3号", "township stem"),
    ("东城镇人民路三号", "示范县东城镇东城场镇社区人民路3号", "township and Chinese numeral"),
]
rows.extend(HAND)

print("input,expected,note")
for text, exp, note in rows:
    print(",".join('"' + c.replace('"', '""') + '"' if "," in c or '"' in c else c for c in (text, exp, note)))
