// The six contract queries in DuckDB SQL over the layout described in duckdb_bench.mjs. sql(request) returns
// [text, params, shape] where shape(rows) turns the result rows into the contract's reply JSON.
const T = (s) => {
  const [d, h] = s.split(' ');
  const [y, mo, da] = d.split('-').map(Number);
  const [hh, mm, ss] = h.split(':').map(Number);
  return Date.UTC(y, mo - 1, da, hh, mm, ss) / 1000 - 28800;
};
const fmt = (t) => new Date((Number(t) + 28800) * 1000).toISOString().slice(0, 19).replace('T', ' ');
const point = (cp, t) => ({ checkpoint_id: cp, pass_time: fmt(t) });
const round = (x, k) => Math.round(x * k) / k;
// Checkpoint ids become their SMALLINT rank through the checkpoints table (unknown ids match nothing).
const cpIn = (ids) => `(SELECT cp FROM checkpoints WHERE id IN (${ids.map((s) => `'${String(s).replaceAll("'", "''")}'`).join(',') || "''"}))`;

const kinds = {
  trajectory: (q) => [
    `SELECT c.id, p.t FROM by_plate p JOIN checkpoints c USING (cp)
     WHERE p.plate = $1 AND p.t >= $2 AND p.t < $3 ORDER BY p.t, p.cp`,
    [q.plate, T(q.from), T(q.to)],
    (rows) => ({ passes: rows.map((r) => point(r[0], r[1])) }),
  ],
  // Score Σ log10(N / n_i) over the target passes a plate accompanied, as in src/analytics/queries.hpp.
  companion: (q) => [
    `WITH tgt AS (SELECT cp, t, row_number() OVER (ORDER BY t, cp) AS i FROM by_plate
                  WHERE plate = $1 AND t >= $2 AND t < $3),
     hits AS (SELECT DISTINCT tgt.i, tgt.cp, p.plate FROM tgt
              JOIN by_cp p ON p.cp = tgt.cp AND p.t BETWEEN tgt.t - $4 AND tgt.t + $4 WHERE p.plate <> $1),
     ni AS (SELECT i, count(*) AS n FROM hits GROUP BY i),
     tot AS (SELECT count(DISTINCT plate) AS n FROM hits)
     SELECT h.plate, count(DISTINCT h.cp)::INTEGER AS cps, count(*)::INTEGER AS co,
            sum(log10(tot.n::DOUBLE / ni.n)) AS score
     FROM hits h JOIN ni USING (i) CROSS JOIN tot GROUP BY h.plate HAVING count(DISTINCT h.cp) >= $5
     ORDER BY score DESC, cps DESC, co DESC, h.plate`,
    [q.plate, T(q.from), T(q.to), q.window_s, q.min_checkpoints],
    (rows) => ({ companions: rows.map((r) => ({ plate: r[0], checkpoints: r[1], co_passes: r[2], score: round(r[3], 1e6) })) }),
  ],
  collision: (q) => [
    `SELECT plate, count(*)::INTEGER AS m FROM (${q.conditions
      .map((c) => `SELECT DISTINCT plate FROM by_cp WHERE cp IN ${cpIn(c.checkpoints)} AND t >= ${T(c.from)} AND t < ${T(c.to)}`)
      .join(' UNION ALL ')}) GROUP BY plate HAVING count(*) >= $1 ORDER BY m DESC, plate`,
    [q.min_match],
    (rows) => ({ plates: rows.map((r) => ({ plate: r[0], matched: r[1] })) }),
  ],
  first_seen: (q) => {
    const from = T(q.from);
    const src = q.checkpoints ? `by_cp WHERE cp IN ${cpIn(q.checkpoints)} AND` : 'by_time WHERE';
    return [
      `WITH f AS (SELECT plate, arg_min(t, (t, cp)) AS t, arg_min(cp, (t, cp)) AS cp FROM ${src} t >= $1 AND t < $2
                  GROUP BY plate),
       seen AS (SELECT DISTINCT plate FROM by_plate WHERE t >= $3 AND t < $1 AND plate IN (SELECT plate FROM f))
       SELECT f.plate, f.t, c.id FROM f JOIN checkpoints c USING (cp) ANTI JOIN seen USING (plate)
       ORDER BY f.t, f.plate`,
      [from, T(q.to), from - q.lookback_days * 86400],
      (rows) => ({ plates: rows.map((r) => ({ plate: r[0], first_pass_time: fmt(r[1]), checkpoint_id: r[2] })), count: rows.length }),
    ];
  },
  // Best form found: one window (lead over each plate's passes in (t, cp) order) over by_plate, the copy already
  // sorted by (plate, t, cp), so the range filter prunes row groups by zone map and the window's sort meets
  // ordered input; the haversine only for pairs at different checkpoints. (A self-join on row_number would
  // materialise and join the whole range twice; not measured here.)
  cloned: (q) => [
    `WITH s AS (SELECT plate, cp, t, lead(cp) OVER w AS cp2, lead(t) OVER w AS t2 FROM by_plate
                WHERE t >= $1 AND t < $2 WINDOW w AS (PARTITION BY plate ORDER BY t, cp)),
     d AS (SELECT s.plate, a.id AS ida, s.t, b.id AS idb, s.t2,
                  2 * 6371.0 * asin(least(1.0, sqrt(power(sin(radians(b.lat - a.lat) / 2), 2) +
                    cos(radians(a.lat)) * cos(radians(b.lat)) * power(sin(radians(b.lon - a.lon) / 2), 2)))) AS km
           FROM s JOIN checkpoints a ON a.cp = s.cp JOIN checkpoints b ON b.cp = s.cp2
           WHERE s.cp2 IS NOT NULL AND s.cp2 <> s.cp AND a.lat IS NOT NULL AND b.lat IS NOT NULL)
     SELECT plate, ida, t, idb, t2, km FROM d WHERE km > 0 AND (t2 = t OR km * 3600.0 / (t2 - t) > $3)
     ORDER BY plate, t, ida, idb`,
    [T(q.from), T(q.to), q.max_speed_kmh],
    (rows) => ({
      suspects: rows.map((r) => ({
        plate: r[0], a: point(r[1], r[2]), b: point(r[3], r[4]), distance_km: round(r[5], 1e3),
        speed_kmh: r[4] === r[2] ? null : round(r[5] / ((r[4] - r[2]) / 3600), 1e3),
      })),
    }),
  ],
  // Best form found: a single grouped pass over by_plate (plate-sorted, so the hash aggregate sees each plate's
  // rows together) with the night test as arithmetic on the time of day; distinct nights as a count(DISTINCT) of
  // the night's start date in the same pass, rather than a second GROUP BY (plate, night) and a join back.
  night: (q) => {
    const sec = (s) => Number(s.slice(0, 2)) * 3600 + Number(s.slice(3, 5)) * 60;
    const s = sec(q.night_start), e = sec(q.night_end);
    const isNight = s < e ? `tod >= ${s} AND tod < ${e}` : `tod >= ${s} OR tod < ${e}`;
    // A night belongs to the date it starts: after midnight, the previous China date.
    const back = s < e ? '0' : `CASE WHEN tod < ${e} THEN 1 ELSE 0 END`;
    return [
      `SELECT plate, count(DISTINCT CASE WHEN nt = 1 THEN day - ${back} END)::INTEGER AS nights,
              sum(nt)::INTEGER AS np, (count(*) - sum(nt))::INTEGER AS dp
       FROM (SELECT plate, tod, day, CASE WHEN ${isNight} THEN 1 ELSE 0 END AS nt
             FROM (SELECT plate, (t + 28800) % 86400 AS tod, (t + 28800) // 86400 AS day FROM by_plate
                   WHERE t >= $1 AND t < $2))
       GROUP BY plate HAVING nights >= $3 AND np >= $4 * (np + dp) ORDER BY nights DESC, np DESC, plate`,
      [T(q.from), T(q.to), q.min_nights, q.min_night_share],
      (rows) => ({ plates: rows.map((r) => ({ plate: r[0], nights: r[1], night_passes: r[2], day_passes: r[3] })) }),
    ];
  },
};

export function sql(q) {
  const k = kinds[q.q];
  if (!k) throw new Error(`unknown query ${q.q}`);
  return k(q);
}
