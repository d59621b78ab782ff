// Answer comparison and planted-answer checks of the benchmark report. Replies are compared by meaning:
// every field exactly, except companion `score` (|Δ| ≤ 1e-5; sums of logs in another order) and cloned
// `distance_km` / `speed_kmh` (|Δ| ≤ 2e-3 after rounding to 1e-3); companion lists are compared as sets keyed by
// plate (their order is by score, where float ties may fall either way).
const close = (a, b, eps) => (a === null || b === null ? a === b : Math.abs(a - b) <= eps);

function sortedKeys(v) {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortedKeys(v[k])]));
  return v;
}
const same = (a, b) => JSON.stringify(sortedKeys(a)) === JSON.stringify(sortedKeys(b));

function diffCompanions(a, b, name) {
  const out = [];
  const ma = new Map(a.companions.map((c) => [c.plate, c]));
  const mb = new Map(b.companions.map((c) => [c.plate, c]));
  for (const [p, c] of ma) {
    const d = mb.get(p);
    if (!d) out.push(`${name} lacks ${p} (checkpoints ${c.checkpoints}, co_passes ${c.co_passes})`);
    else if (d.checkpoints !== c.checkpoints || d.co_passes !== c.co_passes) {
      out.push(`${p}: checkpoints/co_passes ${c.checkpoints}/${c.co_passes} vs ${name} ${d.checkpoints}/${d.co_passes}`);
    } else if (!close(c.score, d.score, 1e-5)) out.push(`${p}: score ${c.score} vs ${name} ${d.score}`);
  }
  for (const p of mb.keys()) if (!ma.has(p)) out.push(`${name} has extra ${p}`);
  return out;
}

function diffList(a, b, name, key, eq) {
  const out = [];
  if (a.length !== b.length) out.push(`${a.length} rows vs ${name} ${b.length}`);
  for (let i = 0; i < Math.min(a.length, b.length) && out.length < 3; ++i) {
    if (!eq(a[i], b[i])) out.push(`row ${i}: ${JSON.stringify(a[i])} vs ${name} ${JSON.stringify(b[i])}`);
  }
  if (a.length !== b.length) {
    const ka = new Set(a.map(key)), kb = new Set(b.map(key));
    const missing = [...ka].filter((k) => !kb.has(k)).slice(0, 3), extra = [...kb].filter((k) => !ka.has(k)).slice(0, 3);
    if (missing.length) out.push(`${name} lacks ${missing.join(', ')}`);
    if (extra.length) out.push(`${name} has extra ${extra.join(', ')}`);
  }
  return out;
}

// Differences of reply `b` (engine `name`) from the reference reply `a`, as short sentences; [] when equal.
export function diffReplies(kind, a, b, name) {
  if (!b) return [`${name} has no reply`];
  if (b.error) return [`${name} failed: ${b.error}`];
  switch (kind) {
    case 'companion':
      return diffCompanions(a, b, name);
    case 'trajectory':
      return diffList(a.passes, b.passes, name, (p) => `${p.pass_time}@${p.checkpoint_id}`, same);
    case 'cloned':
      return diffList(a.suspects, b.suspects, name, (s) => `${s.plate} ${s.a.pass_time}`, (x, y) =>
        x.plate === y.plate && same(x.a, y.a) && same(x.b, y.b) && close(x.distance_km, y.distance_km, 2e-3) &&
        close(x.speed_kmh, y.speed_kmh, 2e-3));
    case 'first_seen':
      return (a.count !== b.count ? [`count ${a.count} vs ${name} ${b.count}`] : []).concat(
        diffList(a.plates, b.plates, name, (p) => p.plate, same));
    default:
      return diffList(a.plates, b.plates, name, (p) => p.plate, same);
  }
}

// Planted answers found in one engine's replies (by query index). Returns lines for the report.
export function checkPlanted(truth, replies) {
  const lines = [];
  const r = (i) => replies[i]?.reply;
  let first = 0, decoys = 0;
  for (const c of truth.convoys) {
    const list = r(c.query)?.companions ?? [];
    const fi = list.findIndex((x) => x.plate === c.follower), di = list.findIndex((x) => x.plate === c.decoy);
    first += fi === 0;
    decoys += di > fi && fi >= 0;
  }
  lines.push(`convoys: follower ranked first ${first}/${truth.convoys.length}, decoy found and ranked below it ${decoys}/${truth.convoys.length}`);
  const suspects = r(truth.clones.query)?.suspects ?? [];
  const flagged = new Set(suspects.map((s) => s.plate));
  const planted = new Set(truth.clones.plates);
  const found = truth.clones.plates.filter((p) => flagged.has(p)).length;
  const honest = [...flagged].filter((p) => !planted.has(p)).length;
  lines.push(`cloned: planted ${found}/${planted.size} found; other plates flagged (honest cars looking cloned): ${honest}`);
  const night = new Set((r(truth.night.query)?.plates ?? []).map((p) => p.plate));
  lines.push(`night: planted ${truth.night.plates.filter((p) => night.has(p)).length}/${truth.night.plates.length} found (${night.size} plates in the answer)`);
  let col = 0;
  for (const c of truth.collisions) {
    const hit = (r(c.query)?.plates ?? []).find((p) => p.plate === c.plate);
    col += hit !== undefined && hit.matched === 3;
  }
  lines.push(`collision: planted ${col}/${truth.collisions.length} found with all 3 conditions`);
  const ok = first === truth.convoys.length && decoys === truth.convoys.length && found === planted.size &&
    col === truth.collisions.length && night.size > 0 && truth.night.plates.every((p) => night.has(p));
  return { ok, lines };
}
