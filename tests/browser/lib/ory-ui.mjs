// Ory's reference self-service UI (tests/ory-ui, vendored from ory/kratos-selfservice-ui-node) as a real process:
// `node lib/index.js` from its folder on a free loopback port, configured only through its environment variables,
// and stopped afterwards. `scripts/test.sh` runs `npm ci` and `npm run build` there before the browser tests.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { freePort, REPO_ROOT } from '../../e2e/lib/server.mjs';

export const ORY_UI_DIR = join(REPO_ROOT, 'tests', 'ory-ui');
const START_TIMEOUT_MS = 30_000;
const MAX_OUTPUT_CHARS = 100_000;

/**
 * One Ory UI for the enclosing suite. Its port is chosen in a `before` hook, so a Custos config function can read
 * `url()` for the `ui_url`s; `get(kratosPublicUrl)` starts it on first use (it needs Custos's address) and resolves
 * once `/health/ready` answers, or rejects with why not.
 */
export function useOryUi() {
  let port;
  let starting;
  before(async () => {
    port = await freePort();
  });
  after(async () => {
    const ui = await starting?.catch(() => null);
    await ui?.stop();
  });
  return {
    url: () => `http://127.0.0.1:${port}`,
    get(kratosPublicUrl) {
      starting ??= start(port, kratosPublicUrl);
      return starting;
    },
  };
}

async function start(port, kratosPublicUrl) {
  const entry = join(ORY_UI_DIR, 'lib', 'index.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} not found: build the Ory UI first (cd tests/ory-ui && npm ci && npm run build)`);
  }
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    KRATOS_PUBLIC_URL: kratosPublicUrl,
    KRATOS_BROWSER_URL: kratosPublicUrl,
    COOKIE_SECRET: 'ory-ui-cookie-secret-for-tests',
    CSRF_COOKIE_NAME: 'ory_ui_csrf',
    CSRF_COOKIE_SECRET: 'ory-ui-csrf-secret-for-tests',
    // Plain http on loopback: a Secure cookie would never come back.
    DANGEROUSLY_DISABLE_SECURE_CSRF_COOKIES: 'true',
  };
  // It serves public/ and node_modules/@ory/elements-markup/dist/ relative to its working directory.
  const child = spawn(process.execPath, [entry], { cwd: ORY_UI_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Its log goes next to the servers' logs when the test script keeps them ($CUSTOS_E2E_LOG_DIR).
  const logDir = process.env.CUSTOS_E2E_LOG_DIR;
  const log = logDir ? createWriteStream(join(logDir, `ory-ui-${process.pid}-${port}.log`), { flags: 'a' }) : null;
  let output = '';
  const collect = (chunk) => {
    log?.write(chunk);
    if (output.length < MAX_OUTPUT_CHARS) output += chunk;
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let status;
  const exited = new Promise((r) => {
    child.once('exit', (code, signal) => {
      log?.end();
      r((status = code ?? signal));
    });
    child.once('error', (err) => r((status = err.message)));
  });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const stop = async () => {
    process.removeListener('exit', kill);
    if (status !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(kill, 5_000);
    await exited;
    clearTimeout(timer);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (status !== undefined) throw new Error(`the Ory UI exited (${status}) before it answered:\n${output}`);
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return { url, stop, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`the Ory UI did not answer on ${url}/health/ready within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
}
