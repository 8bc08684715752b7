// `oped serve` on an ephemeral loopback port, over a test index. The port is
// read from the first line oped prints: "oped: serving DB on http://127.0.0.1:PORT/".
// With $OPED_TEST_BASE_PATH (say /archive) the server runs with --base-path
// and every URL the tests build goes through url() or path(), so the whole
// suite runs under the prefix.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../../..');

export const BASE_PATH = (process.env.OPED_TEST_BASE_PATH || '').replace(/\/+$/, '');

export function opedBinary() {
  return process.env.OPED_BINARY || join(ROOT, 'build/web/cli/oped');
}

// The test index: $OPED_TEST_DB when scripts/test-browser built it, else
// built here (the demo corpus and the hostile fixture pages) into a
// temporary folder that the returned cleanup() removes.
export function testIndex() {
  if (process.env.OPED_TEST_DB) return { db: process.env.OPED_TEST_DB, cleanup() {} };
  const dir = mkdtempSync(join(tmpdir(), 'oped-browser-db-'));
  const db = join(dir, 'db');
  const run = spawnSync(opedBinary(), ['index', '--db', db, join(ROOT, 'corpus'), join(ROOT, 'tests/browser/fixtures')],
    { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`oped index failed (${run.status}): ${run.stderr}`);
  return { db, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startServer(db) {
  const web = process.env.OPED_WEB || join(ROOT, 'web');
  const args = ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web', web, '--log-level', 'warn'];
  if (BASE_PATH) args.push('--base-path', BASE_PATH);
  const child = spawn(opedBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const lines = createInterface({ input: child.stdout });
  const base = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`oped serve printed no address; stderr: ${stderr}`)), 30000);
    child.once('exit', (code) => reject(new Error(`oped serve exited with ${code}: ${stderr}`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      const m = /on (http:\/\/127\.0\.0\.1:\d+)(\/\S*)$/.exec(line);
      if (m && m[2] === `${BASE_PATH}/`) resolvePort(m[1]);
      else reject(new Error(`unexpected first line from oped serve: ${line}`));
    });
  });
  // A server that dies under the tests (a sanitizer report, say) says why.
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`oped serve exited during the tests (${code ?? signal}):\n${stderr}`);
  });
  return {
    base,
    // "/?q=x" -> "http://127.0.0.1:PORT/archive/?q=x" under the base path.
    url: (path) => new URL(BASE_PATH + path, base).href,
    // "/api/search" -> "/archive/api/search": a path as the pages write it.
    path: (path) => BASE_PATH + path,
    // Stops the server; an exit status other than 0 (a leak report from a
    // sanitizer build, a crash) fails the caller.
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (child.exitCode !== 0) {
        throw new Error(`oped serve exited with ${child.exitCode ?? child.signalCode}:\n${stderr}`);
      }
    },
  };
}
