// One demo county per suite run (ADR 0050). `jingwu init --demo` takes ~20 s on this machine (more on
// PostgreSQL under load) and used to run once per test file; now scripts/node_suite.sh runs it once per suite
// and backend into a template, and startServer (server.mjs) gives every test file its own copy:
//   SQLite      the database file (checkpointed, so there is no WAL to carry) copied into the file's temp dir;
//   PostgreSQL  CREATE DATABASE <file's own> TEMPLATE <template> — a copy made by the server, not a re-run;
// and in both cases everything else `init` writes beside the database: the key file (the sealed columns and
// the audit chain's MAC keys come from it), the audit anchor (named after the database on PostgreSQL, so it is
// renamed with it) and the checkpoint pass store. Each file still has a database of its own, so files stay
// independent and may run side by side.
//
// A file whose init would differ (it set an init-relevant JINGWU_* variable the template was not made with,
// e.g. JINGWU_DEMO_PASS_DAYS) keeps running its own `init --demo`: usable() says whether the template fits.
//
// The demo county is as old as the suite run when a file copies it (minutes): a test that needs data recent
// to the second (a device seen in the last 10 minutes, …) makes that data itself.
//
// CLI (scripts/node_suite.sh):
//   node demo_template.mjs create <sqlite|postgres>   → prints the template directory (JW_DEMO_TEMPLATE)
//   node demo_template.mjs drop <dir>
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Variables the harness sets per file (paths of the file's own temp dir, its thread count) and settings only the
// running server reads (the 12345 platform's address): not part of what the demo county contains. Every other
// JINGWU_* variable may change what `init --demo` writes.
const PER_FILE = new Set(['JINGWU_DB', 'JINGWU_WEB_ROOT', 'JINGWU_KEY_FILE', 'JINGWU_DEMO_SMS_FILE',
  'JINGWU_PASS_DIR', 'JINGWU_AUDIT_ANCHOR', 'JINGWU_THREADS', 'JINGWU_ALLOW_ROOT', 'JINGWU_LISTEN',
  'JINGWU_12345_URL']);

// The init-relevant part of an environment, as a stable string.
export function initSignature(env) {
  return JSON.stringify(Object.keys(env).filter((k) => k.startsWith('JINGWU_') && !PER_FILE.has(k)).sort()
    .map((k) => [k, env[k]]));
}

// The pass store and audit anchor locations `jingwu` derives from its settings (src/app/config.cpp PassDir,
// AuditAnchorPath), for a database URL, a key file and the working directory `dir`.
function passDir(env, dir) {
  if (env.JINGWU_PASS_DIR) return path.resolve(dir, env.JINGWU_PASS_DIR);
  if (env.JINGWU_DB.startsWith('sqlite:')) return path.join(path.dirname(env.JINGWU_DB.slice(7)), 'passes');
  return path.join(dir, 'var', 'passes');
}
function anchorPath(env, dir) {
  if (env.JINGWU_AUDIT_ANCHOR) return path.resolve(dir, env.JINGWU_AUDIT_ANCHOR);
  if (env.JINGWU_DB.startsWith('sqlite:')) return `${env.JINGWU_DB.slice(7)}.audit-anchor`;
  const name = env.JINGWU_DB.split('?')[0].split('/').pop().replace(/[^A-Za-z0-9_-]/g, '') || 'audit';
  return path.join(path.dirname(env.JINGWU_KEY_FILE), `${name}.audit-anchor`);
}

const pgAdmin = (sql) => execFileSync('psql', [process.env.JW_TEST_PG_URL, '-v', 'ON_ERROR_STOP=1', '-qc', sql],
  { stdio: 'pipe' });

function pgUrl(name) {
  const u = new URL(process.env.JW_TEST_PG_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

// The template of this process's suite run, when there is one and it fits `env`; otherwise null.
export function usable(env) {
  const dir = process.env.JW_DEMO_TEMPLATE;
  if (!dir) return null;
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const backend = process.env.JW_BACKEND === 'postgres' ? 'postgres' : 'sqlite';
  if (manifest.backend !== backend || manifest.signature !== initSignature(env)) return null;
  return { dir, ...manifest };
}

// Copies the template into a file's own place: `env` is the file's server environment (JINGWU_DB naming its
// own, not yet existing database, JINGWU_KEY_FILE in its dir), `dir` its working directory.
export function copyTemplate(tpl, env, dir) {
  if (tpl.backend === 'sqlite') {
    fs.copyFileSync(path.join(tpl.dir, tpl.files.db), env.JINGWU_DB.slice(7), fs.constants.COPYFILE_FICLONE);
  } else {
    const name = env.JINGWU_DB.split('?')[0].split('/').pop();
    pgAdmin(`CREATE DATABASE ${name} TEMPLATE ${tpl.pgName}`);
  }
  fs.copyFileSync(path.join(tpl.dir, tpl.files.key), env.JINGWU_KEY_FILE);
  fs.chmodSync(env.JINGWU_KEY_FILE, 0o600);
  const anchor = anchorPath(env, dir);
  fs.mkdirSync(path.dirname(anchor), { recursive: true, mode: 0o700 });
  fs.copyFileSync(path.join(tpl.dir, tpl.files.anchor), anchor);
  // The pass store at its default place under `dir` (e.g. var/passes) is copied from its top directory, so every
  // directory keeps the mode the server gave it (0700: tests/security/http.test.mjs checks); elsewhere (the
  // file's own JINGWU_PASS_DIR) only its contents.
  const passes = passDir(env, dir);
  if (passes === path.join(dir, tpl.files.passes)) {
    const top = tpl.files.passes.split(path.sep)[0];
    fs.cpSync(path.join(tpl.dir, top), path.join(dir, top), { recursive: true });
  } else {
    fs.cpSync(path.join(tpl.dir, tpl.files.passes), passes, { recursive: true });
  }
}

// Runs `jingwu init --demo` once into a new template directory; returns the directory.
export function createTemplate(backend, bin) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jw-demo-template-${backend}-`));
  const pgName = backend === 'postgres' ? `jw_demo_template_${process.pid}` : null;
  // The same settings startServer gives a file's server, so the copies are what each file's own init made.
  const env = {
    ...process.env,
    JINGWU_DB: backend === 'sqlite' ? `sqlite:${path.join(dir, 'jingwu.db')}` : pgUrl(pgName),
    JINGWU_KEY_FILE: path.join(dir, 'jingwu.key'),
    JINGWU_DEMO_PASS_DAYS: process.env.JINGWU_DEMO_PASS_DAYS || '2',
    JINGWU_ALLOW_ROOT: '1',
  };
  for (const k of ['JINGWU_PASS_DIR', 'JINGWU_AUDIT_ANCHOR', 'JINGWU_LISTEN']) delete env[k];
  if (pgName) pgAdmin(`CREATE DATABASE ${pgName}`);
  const init = spawnSync(bin, ['init', '--demo'], { env, cwd: dir, encoding: 'utf8' });
  if (init.status !== 0) {
    dropTemplate(dir, pgName);
    throw new Error(`jingwu init --demo failed (${init.status}):\n${init.stdout}\n${init.stderr}`);
  }
  if (backend === 'sqlite') {
    // Fold the WAL into the file, so one file copy is the whole database.
    execFileSync('sqlite3', [path.join(dir, 'jingwu.db'), 'PRAGMA wal_checkpoint(TRUNCATE);'], { stdio: 'pipe' });
    if (fs.existsSync(path.join(dir, 'jingwu.db-wal')) && fs.statSync(path.join(dir, 'jingwu.db-wal')).size > 0) {
      throw new Error('the demo template database still has a WAL after the checkpoint');
    }
  } else {
    // Nobody connects to the template again; copies are made from it while other copies are being made.
    pgAdmin(`ALTER DATABASE ${pgName} WITH ALLOW_CONNECTIONS false`);
  }
  const rel = (p) => path.relative(dir, p);
  const manifest = {
    backend, pgName, signature: initSignature(env), createdAt: new Date().toISOString(),
    files: {
      db: backend === 'sqlite' ? 'jingwu.db' : null, key: 'jingwu.key',
      anchor: rel(anchorPath(env, dir)), passes: rel(passDir(env, dir)),
    },
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

export function dropTemplate(dir, pgName) {
  const m = path.join(dir, 'manifest.json');
  const name = pgName ?? (fs.existsSync(m) ? JSON.parse(fs.readFileSync(m, 'utf8')).pgName : null);
  if (name) {
    spawnSync('psql', [process.env.JW_TEST_PG_URL, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`],
      { stdio: 'pipe' });
  }
  if (process.env.JW_KEEP_TMP !== '1') fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd, arg] = process.argv.slice(2);
  if (cmd === 'create') {
    // Not imported from server.mjs, which imports this module: the same default.
    const bin = process.env.JINGWU_BIN ? path.resolve(process.env.JINGWU_BIN)
      : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../build/release/src/app/jingwu');
    process.stdout.write(`${createTemplate(arg, bin)}\n`);
  } else if (cmd === 'drop') {
    dropTemplate(arg);
  } else {
    process.stderr.write('usage: demo_template.mjs create <sqlite|postgres> | drop <dir>\n');
    process.exit(2);
  }
}
