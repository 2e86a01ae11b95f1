// Test harness: runs the published Custos server (out/custos, or $CUSTOS_BIN) on free loopback ports
// with a temp SQLite database and a config file written here, and stops it afterwards.
//
//   const server = await startServer();          // migrate, serve, wait for /health/ready
//   server.publicUrl, server.adminUrl            // http://127.0.0.1:PORT
//   await server.stop();
//
// In a test file, prefer `useServer()`, which starts one server lazily for the enclosing suite, turns a
// failed start (binary missing, crash, timeout) into a failing test with the reason, and stops the server
// in an `after` hook.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, accessSync, constants as fsConstants } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const MAX_OUTPUT_CHARS = 200_000;

/** The server executable under test: $CUSTOS_BIN, else <repo>/out/custos (from `dotnet publish ... -o out`). */
export function serverBinary() {
  return process.env.CUSTOS_BIN || join(REPO_ROOT, 'out', 'custos');
}

/**
 * The identity schema the tests use: email + password, the email also used for verification and recovery,
 * plus an optional name.
 */
export const PERSON_SCHEMA = {
  $id: 'https://custos.test/schemas/e2e-person.schema.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Person',
  type: 'object',
  properties: {
    traits: {
      type: 'object',
      properties: {
        email: {
          type: 'string',
          format: 'email',
          title: 'E-Mail',
          minLength: 3,
          maxLength: 320,
          'ory.sh/kratos': {
            credentials: { password: { identifier: true } },
            verification: { via: 'email' },
            recovery: { via: 'email' },
          },
        },
        name: {
          type: 'object',
          properties: {
            first: { type: 'string', title: 'First name' },
            last: { type: 'string', title: 'Last name' },
          },
        },
      },
      required: ['email'],
      additionalProperties: false,
    },
  },
};

// Children still running when this process goes away are killed, so a crashed test run leaves no server behind.
const liveChildren = new Set();
process.once('exit', () => {
  for (const child of liveChildren) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of liveChildren) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** Minimal YAML writer for plain JSON-like values (JSON strings are valid YAML double-quoted scalars). */
export function toYaml(value, indent = 0) {
  const pad = ' '.repeat(indent);
  const scalar = (v) => (v === null || v === undefined ? 'null' : typeof v === 'string' ? JSON.stringify(v) : String(v));
  const isNested = (v) => v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
  if (Array.isArray(value)) {
    if (value.length === 0) return `${pad}[]\n`;
    return value
      .map((item) => {
        if (!isNested(item)) return `${pad}- ${Array.isArray(item) ? '[]' : item && typeof item === 'object' ? '{}' : scalar(item)}\n`;
        const body = toYaml(item, indent + 2);
        return `${pad}- ${body.slice(indent + 2)}`;
      })
      .join('');
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => {
        const key = /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(k) ? k : JSON.stringify(k);
        if (!isNested(v)) return `${pad}${key}: ${Array.isArray(v) ? '[]' : v && typeof v === 'object' ? '{}' : scalar(v)}\n`;
        return `${pad}${key}:\n${toYaml(v, indent + 2)}`;
      })
      .join('');
  }
  return `${pad}${scalar(value)}\n`;
}

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep merge of plain objects; arrays and scalars in `override` replace. */
export function mergeConfig(base, override) {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = k in base ? mergeConfig(base[k], v) : v;
  return out;
}

/** The Kratos-format config the harness writes (only keys that kratos/config.schema.json defines). */
export function buildConfig({ dir, publicPort, adminPort, hasher = 'argon2', extra = {} }) {
  const publicUrl = `http://127.0.0.1:${publicPort}`;
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const hashers =
    hasher === 'bcrypt'
      ? // Cost 4 is accepted only with --dev; without it Kratos raises it to 12.
        { algorithm: 'bcrypt', bcrypt: { cost: 4 } }
      : // Parallelism 1, little memory: fast and still a real argon2id hash.
        { algorithm: 'argon2', argon2: { memory: '16MB', iterations: 1, parallelism: 1, salt_length: 16, key_length: 32 } };
  const config = {
    dsn: `sqlite://${join(dir, 'custos.db')}?_fk=true`,
    log: { level: 'info', format: 'text', leak_sensitive_values: false },
    serve: {
      public: { port: publicPort, host: '127.0.0.1', base_url: `${publicUrl}/` },
      admin: { port: adminPort, host: '127.0.0.1', base_url: `${adminUrl}/` },
    },
    identity: {
      default_schema_id: 'default',
      schemas: [{ id: 'default', url: `file://${join(dir, 'person.schema.json')}` }],
    },
    selfservice: {
      default_browser_return_url: 'http://127.0.0.1:4455/',
      allowed_return_urls: ['http://127.0.0.1:4455'],
    },
    secrets: {
      default: ['e2e-default-secret-do-not-use-in-production'],
      cookie: ['e2e-cookie-secret-do-not-use-in-production'],
      cipher: ['32-LONG-SECRET-NOT-SECURE-AT-ALL'],
    },
    hashers,
    courier: { smtp: { connection_uri: 'smtp://127.0.0.1:1025/?disable_starttls=true' } },
  };
  const override = typeof extra === 'function' ? extra({ publicUrl, adminUrl, dir }) : extra;
  return { config: mergeConfig(config, override), publicUrl, adminUrl };
}

function collectOutput(child, logPath) {
  let text = '';
  const file = logPath ? createWriteStream(logPath, { flags: 'a' }) : null;
  const onData = (chunk) => {
    const s = chunk.toString();
    if (text.length < MAX_OUTPUT_CHARS) text += s;
    file?.write(s);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    text: () => text,
    close: () => new Promise((r) => (file ? file.end(r) : r())),
  };
}

/** Runs the binary to completion; resolves { code, output }. */
function runToCompletion(bin, args, env, logPath, timeoutMs = 60_000) {
  return new Promise((resolveRun) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    liveChildren.add(child);
    const out = collectOutput(child, logPath);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      liveChildren.delete(child);
      resolveRun({ code: -1, output: `${out.text()}\n${err.message}` });
    });
    child.once('exit', async (code, signal) => {
      clearTimeout(timer);
      liveChildren.delete(child);
      await out.close();
      resolveRun({ code: code ?? signal, output: out.text() });
    });
  });
}

function serverEnv(extraEnv) {
  // Environment variables override config keys (Kratos names: DSN, SERVE_PUBLIC_PORT, ...); a developer's
  // shell must not leak into the server under test.
  const env = {};
  const configPrefixes = ['DSN', 'SERVE_', 'IDENTITY_', 'SELFSERVICE_', 'SECRETS_', 'HASHERS_', 'LOG_', 'COURIER_', 'SESSION_', 'CIPHERS_', 'DEV'];
  for (const [k, v] of Object.entries(process.env)) {
    if (!configPrefixes.some((p) => k === p || k.startsWith(p))) env[k] = v;
  }
  // Every test of a file talks to its server from 127.0.0.1, far past security.throttling's per-address limits
  // (20 registrations an hour); a test about throttling passes SECURITY_THROTTLING_ENABLED: 'true'.
  return { ...env, SECURITY_THROTTLING_ENABLED: 'false', ...extraEnv };
}

function failure(message, output) {
  const shown = output?.trim() ? output.trimEnd() : '(the server printed nothing)';
  const err = new Error(`${message}\n----- server output -----\n${shown}\n-------------------------`);
  // Kept off the enumerable properties so the test runner does not print the output twice.
  Object.defineProperty(err, 'serverOutput', { value: output ?? '', enumerable: false });
  return err;
}

async function waitReady(adminUrl, child, exited, out) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (exited.done) {
      throw failure(`custos exited (${exited.code}) before ${adminUrl}/health/ready answered 200`, out.text());
    }
    try {
      const res = await fetch(`${adminUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      lastProblem = `HTTP ${res.status}: ${(await res.text()).slice(0, 500)}`;
    } catch (err) {
      lastProblem = err.cause?.code ?? err.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw failure(`custos did not become ready within ${READY_TIMEOUT_MS / 1000}s (last: ${lastProblem})`, out.text());
}

let serverCounter = 0;

/**
 * Starts a server. Options: hasher ('argon2' | 'bcrypt'), dev (pass --dev), config (deep-merged into the
 * generated config; or a function of { publicUrl, adminUrl, dir } returning it), schema (identity schema object), migrate (run `migrate sql -e --yes` first; default true),
 * env (extra environment),
 * watchCourier (pass --watch-courier).
 */
export async function startServer(options = {}) {
  const bin = serverBinary();
  if (!existsSync(bin)) {
    throw new Error(
      `server binary not found: ${bin} (build it with \`dotnet publish src/Custos/Custos.csproj -c Release -o out\`, or set CUSTOS_BIN)`,
    );
  }
  try {
    accessSync(bin, fsConstants.X_OK);
  } catch {
    throw new Error(`server binary is not executable: ${bin}`);
  }

  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await startOnce(bin, options);
    } catch (err) {
      lastError = err;
      // Another process may take a port between picking and binding it: retry on fresh ports.
      if (!/address already in use|EADDRINUSE|failed to bind/i.test(err.serverOutput ?? '')) throw err;
    }
  }
  throw lastError;
}

async function startOnce(bin, options) {
  const dir = await mkdtemp(join(tmpdir(), 'custos-e2e-'));
  const id = ++serverCounter;
  const logDir = process.env.CUSTOS_E2E_LOG_DIR;
  const logPath = logDir ? join(logDir, `server-${process.pid}-${id}.log`) : join(dir, 'server.log');
  // A test may fix the public port beforehand: an OpenID Provider must know Custos's callback URL before Custos starts.
  const publicPort = options.publicPort ?? await freePort();
  let adminPort = await freePort();
  while (adminPort === publicPort) adminPort = await freePort();

  const { config, publicUrl, adminUrl } = buildConfig({
    dir,
    publicPort,
    adminPort,
    hasher: options.hasher,
    extra: options.config,
  });
  const configPath = join(dir, 'custos.yml');
  await writeFile(join(dir, 'person.schema.json'), JSON.stringify(options.schema ?? PERSON_SCHEMA, null, 2));
  await writeFile(configPath, toYaml(config));
  const env = serverEnv(options.env ?? {});
  const cleanupDir = async () => {
    if (!process.env.CUSTOS_E2E_KEEP) await rm(dir, { recursive: true, force: true });
  };

  if (options.migrate !== false) {
    const migrate = await runToCompletion(bin, ['migrate', 'sql', '-e', '--yes', '-c', configPath], env, logPath);
    if (migrate.code !== 0) {
      await cleanupDir();
      throw failure(`\`custos migrate sql -e --yes -c ${configPath}\` failed (exit ${migrate.code})`, migrate.output);
    }
  }

  const args = ['serve', '-c', configPath, ...(options.dev ? ['--dev'] : []), ...(options.watchCourier ? ['--watch-courier'] : [])];
  const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  liveChildren.add(child);
  const out = collectOutput(child, logPath);
  const exited = { done: false, code: null };
  const exitPromise = new Promise((r) => {
    child.once('exit', (code, signal) => {
      exited.done = true;
      exited.code = code ?? signal;
      liveChildren.delete(child);
      r();
    });
    child.once('error', (err) => {
      exited.done = true;
      exited.code = err.message;
      liveChildren.delete(child);
      r();
    });
  });

  const stop = async () => {
    if (!exited.done) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exitPromise;
      clearTimeout(timer);
    }
    await out.close();
    await cleanupDir();
  };

  try {
    await waitReady(adminUrl, child, exited, out);
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    await stop();
    throw err;
  }

  return {
    publicUrl,
    adminUrl,
    dir,
    configPath,
    config,
    dsn: config.dsn,
    pid: child.pid,
    output: () => out.text(),
    stop,
  };
}

/**
 * One server for the enclosing suite, started on first use. `get()` resolves the running server or
 * rejects with why it could not start (every test that needs it then fails with that reason).
 * The server is stopped in an `after` hook registered here.
 */
export function useServer(options = {}) {
  let starting;
  after(async () => {
    if (!starting) return;
    const server = await starting.catch(() => null);
    await server?.stop();
  });
  return {
    get() {
      starting ??= startServer(options);
      return starting;
    },
  };
}
