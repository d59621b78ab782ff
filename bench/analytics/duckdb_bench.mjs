// DuckDB's side of the vehicle-pass benchmark (npm @duckdb/node-api, the DuckDB library inside the package).
// Usage: node duckdb_bench.mjs --data DIR --work DIR --answers FILE --stats FILE
// Loads the generator's CSV files, runs every line of queries.jsonl (the first of each kind once more before,
// untimed) and writes the same answer and stats files as the C++ runners (see runner.hpp and the timing rule
// in query_log.hpp; cpu_us is process CPU time, DuckDB's worker threads included).
//
// Layout: DuckDB has no secondary B-tree to lean on; what makes a selective query cheap is a table sorted so
// that the row-group zone maps (min/max per column per 122 880 rows) skip almost everything. So the passes are
// stored three times, each copy sorted for the queries that filter on its leading columns:
//   by_plate (plate, t, cp, and every other column)  trajectory (plate = ? prunes to one or two row groups),
//            cloned (window partitioned by plate ordered by t, cp: already in order), night (group by plate),
//            first_seen's lookback probe (plate IN the candidates, t in the lookback window);
//   by_cp    (cp, t, plate)  companion (each target pass: cp = c and t within ± window), collision
//            (cp IN (…) and a time range), first_seen restricted to checkpoints;
//   by_time  (t, cp, plate)  first_seen's new passes over all checkpoints (a one-hour slice).
// Checkpoints are a SMALLINT `cp` = rank of checkpoint_id in byte order, so ORDER BY cp is the contract's
// checkpoint order and the sorted copies compress well; times are INTEGER Unix seconds.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from './duckdb_queries.mjs';

function args() {
  const a = {};
  for (let i = 2; i + 1 < process.argv.length; i += 2) a[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
  for (const k of ['data', 'work', 'answers', 'stats']) {
    if (!a[k]) throw new Error(`missing --${k}`);
  }
  return a;
}

// Process CPU time (µs, every thread: DuckDB's workers included) since a process.cpuUsage() reading.
const cpuSince = (c0) => {
  const d = process.cpuUsage(c0);
  return d.user + d.system;
};

async function load(conn, data) {
  const csv = (f) => `'${path.join(data, f).replaceAll("'", "''")}'`;
  await conn.run(`CREATE TABLE checkpoints AS
    SELECT (row_number() OVER (ORDER BY checkpoint_id) - 1)::SMALLINT AS cp, checkpoint_id AS id, name,
           longitude AS lon, latitude AS lat
    FROM read_csv(${csv('checkpoints.csv')}, header = true,
         columns = {'checkpoint_id': 'VARCHAR', 'name': 'VARCHAR', 'longitude': 'DOUBLE', 'latitude': 'DOUBLE'})`);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await conn.run(`CREATE TEMP TABLE staging AS
    SELECT s.plate_no AS plate, c.cp, (epoch(s.pass_time) - 28800)::INTEGER AS t, s.plate_color, s.direction,
           s.lane_no AS lane, s.speed
    FROM read_csv(${csv('passes.csv')}, header = true,
         columns = {'plate_no': 'VARCHAR', 'plate_color': 'UTINYINT', 'checkpoint_id': 'VARCHAR',
                    'pass_time': 'TIMESTAMP', 'direction': 'UTINYINT', 'lane_no': 'UTINYINT', 'speed': 'USMALLINT'}) s
    JOIN checkpoints c ON c.id = s.checkpoint_id`);
  await conn.run('CREATE TABLE by_plate AS SELECT * FROM staging ORDER BY plate, t, cp');
  await conn.run('CREATE TABLE by_cp AS SELECT cp, t, plate FROM staging ORDER BY cp, t, plate');
  await conn.run('CREATE TABLE by_time AS SELECT t, cp, plate FROM staging ORDER BY t, cp, plate');
  await conn.run('DROP TABLE staging');
  await conn.run('CHECKPOINT');
  const ingestS = (performance.now() - t0) / 1000;
  const ingestCpuS = cpuSince(c0) / 1e6;
  const rows = Number((await conn.runAndReadAll('SELECT count(*) FROM by_plate')).getRowsJS()[0][0]);
  return { ingestS, ingestCpuS, rows };
}

async function main() {
  const a = args();
  fs.rmSync(a.work, { recursive: true, force: true });
  fs.mkdirSync(a.work, { recursive: true });
  const file = path.join(a.work, 'passes.duckdb');
  const instance = await DuckDBInstance.create(file);
  const conn = await instance.connect();
  const { ingestS, ingestCpuS, rows } = await load(conn, a.data);

  const queries = fs.readFileSync(path.join(a.data, 'queries.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const run = async (q) => {
    const [text, params, shape] = sql(q);
    const reader = await conn.runAndReadAll(text, params);
    return shape(reader.getRowsJS());
  };
  // The timing rule of query_log.hpp: warm-up on the first point query of each kind, then up to 5 runs
  // within 0.2 s per query, median reported.
  const warmed = new Set();
  for (const q of queries) {
    if (['trajectory', 'companion', 'collision', 'first_seen'].includes(q.q) && !warmed.has(q.q)) {
      warmed.add(q.q);
      await run(q);
    }
  }
  const out = [];
  for (let i = 0; i < queries.length; ++i) {
    const runs = [], cpu = [];
    let total = 0, reply, error;
    while (runs.length < 5 && total < 0.2e6) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      try {
        reply = await run(queries[i]);
      } catch (e) {
        error = String(e.message || e);
      }
      runs.push((performance.now() - t0) * 1000);
      cpu.push(cpuSince(c0));
      total += runs[runs.length - 1];
      if (error) break;
    }
    runs.sort((x, y) => x - y);
    cpu.sort((x, y) => x - y);
    const mid = Math.floor(runs.length / 2);
    const line = { i, q: queries[i].q, us: runs[mid], cpu_us: cpu[mid], runs: runs.length };
    if (error) line.error = error;
    else line.reply = reply;
    out.push(JSON.stringify(line));
  }
  fs.writeFileSync(a.answers, out.join('\n') + '\n');
  const version = (await conn.runAndReadAll('SELECT version()')).getRowsJS()[0][0];
  const bytes = fs.statSync(file).size + (fs.existsSync(file + '.wal') ? fs.statSync(file + '.wal').size : 0);
  const threads = Number((await conn.runAndReadAll("SELECT current_setting('threads')")).getRowsJS()[0][0]);
  fs.writeFileSync(a.stats, JSON.stringify({ engine: 'duckdb', rows, ingest_s: ingestS, ingest_cpu_s: ingestCpuS, bytes,
    version, bytes_detail: { database_file: bytes, threads } }, null, 1) + '\n');
}

main().catch((e) => {
  console.error(`duckdb_bench: ${e.stack || e}`);
  process.exit(1);
});
