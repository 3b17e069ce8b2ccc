// Starts the real olympia-kg binary on a free loopback port and stops it again.
//
// The binary is $OLYMPIA_KG_BIN, else ../target/debug/olympia-kg (built by run-tests.sh with
// `cargo build --locked`). The port is picked here (bind port 0, read it, close) and passed as
// --addr; readiness is GET /health answering, polled, never a fixed sleep.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLIENTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = path.resolve(CLIENTS_DIR, '..');
export const BINARY = process.env.OLYMPIA_KG_BIN || path.join(REPO_DIR, 'target', 'debug', 'olympia-kg');

/** The text of a file of the repository, by path relative to its root. */
export const repoFile = (rel) => readFileSync(path.join(REPO_DIR, rel), 'utf8');

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, child, output, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  let delay = 10;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`olympia-kg exited (${child.exitCode ?? child.signalCode}) before answering /health:\n${output.join('')}`);
    }
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok && (await res.json()).status === 'ok') return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`olympia-kg did not answer ${base}/health within ${deadlineMs} ms:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 200);
  }
}

/** This process's environment without OLYMPIA_* settings, so only `args` configure the server. */
function cleanEnv() {
  const env = { ...process.env, NO_COLOR: '1' };
  for (const key of Object.keys(env)) if (key.startsWith('OLYMPIA_')) delete env[key];
  return env;
}

/**
 * Starts the server with extra command-line arguments. Resolves to
 * `{ base, port, graphql, stop }` once /health answers; `stop()` sends SIGTERM and waits.
 * `env` adds variables to the server's environment (after the OLYMPIA_* ones of this process
 * are dropped), e.g. `{ OLYMPIA_WRITE_TOKENS: 'editor:…' }`; `binary` runs another build than
 * BINARY (a release build, say).
 */
export async function startServer(args = [], { attempts = 3, readyMs = 30_000, env = {}, binary = BINARY } = {}) {
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: run \`cargo build --locked\` in ${REPO_DIR} (or set OLYMPIA_KG_BIN)`);
  }
  let lastError;
  // Another process may take the port between our probe and the server's bind: retry then.
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const output = [];
    const child = spawn(binary, ['--addr', `127.0.0.1:${port}`, '--log-level', 'warn', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...cleanEnv(), ...env },
    });
    child.stdout.on('data', (d) => output.push(d.toString()));
    child.stderr.on('data', (d) => output.push(d.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await waitForHealth(base, child, output, readyMs);
    } catch (e) {
      lastError = e;
      child.kill('SIGKILL');
      await exited;
      continue;
    }
    let stopped = false;
    return {
      base,
      port,
      graphql: `${base}/graphql`,
      output,
      async stop() {
        if (stopped) return;
        stopped = true;
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
      },
    };
  }
  throw lastError;
}

/** POSTs one GraphQL request as JSON and returns the parsed body (throws on non-2xx). */
export async function gql(endpoint, query, variables, init = {}) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    ...init,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${endpoint}: ${text}`);
  return JSON.parse(text);
}
