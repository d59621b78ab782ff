#!/usr/bin/env node
// Synthetic resident ID cards (居民身份证, the personal-information side) for measuring the courier OCR.
// Usage: node tools/courier/make_cards.mjs OUT_DIR [COUNT=50] [SEED=17]
// Writes OUT_DIR/card_NN.jpg and OUT_DIR/truth.json ([{file, name, sex, ethnicity, birth_date, address, id_number}]).
// Every card is fictional: names and addresses are drawn from the lists below, ID numbers carry a valid GB 11643
// check digit. Variation the OCR must survive: four fonts from Debian (fonts-noto-cjk, fonts-wqy-*,
// fonts-arphic-gbsn00lp), rotation within ±10°, Gaussian blur, JPEG quality 45–90, the card placed on a table
// background at a random offset. Deterministic for a given seed (ImageMagick renders the same on one machine).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
const count = Number(process.argv[3] ?? 50);
let seed = Number(process.argv[4] ?? 17);
if (!out) { console.error('usage: make_cards.mjs OUT_DIR [COUNT] [SEED]'); process.exit(2); }
mkdirSync(out, { recursive: true });

function rand() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
const pick = (a) => a[Math.floor(rand() * a.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '叶', '邓', '曾', '彭'];
const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '平', '刚', '桂英', '志强', '建华', '海燕', '晓东', '文博', '子涵', '欣怡', '国庆', '春梅', '永福', '德明', '嘉豪', '雪梅', '俊杰'];
const ethnicities = ['汉', '汉', '汉', '汉', '汉', '壮', '回', '满', '苗', '瑶', '畲', '土家', '蒙古', '维吾尔'];
const places = [
  ['广东省惠东县', ['平山街道', '大岭街道', '吉隆镇', '稔山镇', '白花镇', '多祝镇', '梁化镇', '铁涌镇']],
  ['广东省惠州市惠城区', ['江南街道', '河南岸街道', '桥东街道', '小金口街道']],
  ['广东省博罗县', ['罗阳街道', '石湾镇', '园洲镇', '龙溪街道']],
  ['湖南省衡阳市衡南县', ['云集镇', '茶市镇', '花桥镇']],
  ['四川省南充市营山县', ['朗池镇', '绿水镇', '回龙镇']],
];
const streets = ['华侨城路', '人民路', '解放路', '文明路', '建设路', '新园路', '东华路', '中山路', '和平街', '幸福里'];
const villages = ['东坑村', '石塘村', '新村', '上围村', '下寮村', '龙岗村'];
const fonts = ['Noto-Sans-CJK-SC', 'Noto-Serif-CJK-SC', 'WenQuanYi-Micro-Hei', 'AR-PL-SungtiL-GB'];
const regions = ['441323', '441302', '441322', '430422', '511322', '519901'];

function checkDigit(body) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * w[i];
  return '10X98765432'[s % 11];
}

const convert = existsSync('/usr/bin/convert') ? '/usr/bin/convert' : 'convert';
const truth = [];
for (let n = 0; n < count; n++) {
  const sex = rand() < 0.5 ? '男' : '女';
  const name = pick(surnames) + pick(given) + (rand() < 0.3 ? pick(given).slice(0, 1) : '');
  const ethnicity = pick(ethnicities);
  const y = int(1950, 2005), m = int(1, 12), d = int(1, 28);
  const [prov, towns] = pick(places);
  const addr = prov + pick(towns) + (rand() < 0.5 ? pick(streets) + int(1, 299) + '号' : pick(villages) + int(1, 99) + '号');
  const seq = String(int(0, 99)).padStart(2, '0') + String(sex === '男' ? int(0, 4) * 2 + 1 : int(0, 4) * 2);
  const body = pick(regions) + String(y) + String(m).padStart(2, '0') + String(d).padStart(2, '0') + seq;
  const id = body + checkDigit(body);
  const font = pick(fonts);
  const angle = (rand() * 20 - 10).toFixed(1);
  const blur = (rand() * 1.2).toFixed(2);
  const quality = int(45, 90);
  const file = `card_${String(n).padStart(2, '0')}.jpg`;
  // Address wraps after 11 characters as on the real card.
  const addrLines = addr.length > 11 ? [addr.slice(0, 11), addr.slice(11)] : [addr];
  const label = '#2f5d8a';
  const args = ['-size', '856x540', 'gradient:#f4f2ea-#dfe7ee', '-font', font,
    '-fill', label, '-pointsize', '24',
    '-annotate', '+50+95', '姓  名', '-annotate', '+50+165', '性  别', '-annotate', '+250+165', '民  族',
    '-annotate', '+50+235', '出  生', '-annotate', '+50+305', '住  址', '-annotate', '+50+470', '公民身份号码',
    '-fill', '#111111', '-pointsize', '30',
    '-annotate', '+150+95', name, '-annotate', '+150+165', sex, '-annotate', '+350+165', ethnicity,
    '-annotate', '+150+235', `${y}  年  ${m}  月  ${d}  日`,
    '-annotate', '+150+305', addrLines[0]];
  if (addrLines[1]) args.push('-annotate', '+150+350', addrLines[1]);
  args.push('-pointsize', '32', '-annotate', '+260+470', id.split('').join(''),
    // The photo: a grey head-and-shoulders block where the portrait sits.
    '-fill', '#c9ced6', '-draw', 'rectangle 600,60 800,330', '-fill', '#9aa3ad', '-draw', 'ellipse 700,160 55,70 0,360',
    '-draw', 'ellipse 700,320 95,60 180,360',
    '-bordercolor', '#4a4640', '-border', `${int(40, 90)}x${int(40, 90)}`,
    '-background', '#4a4640', '-rotate', angle, '-blur', `0x${blur}`, '-quality', String(quality), join(out, file));
  execFileSync(convert, args);
  truth.push({ file, name, sex, ethnicity, birth_date: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, address: addr, id_number: id, font, angle: Number(angle), blur: Number(blur), quality });
}
writeFileSync(join(out, 'truth.json'), JSON.stringify(truth, null, 1));
