// A real SMTP server for the browser journeys: MailDev 2.2.1 through npx (as the .NET mail tests start it, see
// tests/Custos.IntegrationTests/Courier/MailDevServer.cs) on free loopback ports, stopped afterwards. Mails are read
// back through its REST API (`GET /email`), the way a person reads their inbox.
import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { freePort } from '../../e2e/lib/server.mjs';

const MAILDEV = 'maildev@2.2.1';
const START_TIMEOUT_MS = 120_000;
const MAIL_TIMEOUT_MS = 30_000;
const MAX_OUTPUT_CHARS = 20_000;

const running = new Set();
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child, signal) {
  try {
    // npx runs MailDev as a child of its own: the whole process group goes.
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * One MailDev for the enclosing suite. Its ports are chosen in a `before` hook, so a server config function can
 * read `smtpUri()` when the suite's server starts; `get()` resolves once MailDev answers, or rejects with why not.
 */
export function useMailDev() {
  let ports;
  let starting;
  before(async () => {
    const smtp = await freePort();
    let web = await freePort();
    while (web === smtp) web = await freePort();
    ports = { smtp, web };
    starting = start(ports);
    starting.catch(() => {});
  });
  after(async () => {
    const mail = await starting?.catch(() => null);
    await mail?.stop();
  });
  return {
    /** Courier config for Custos: plain SMTP to this MailDev (no STARTTLS on loopback). */
    smtpUri: () => `smtp://127.0.0.1:${ports.smtp}/?disable_starttls=true`,
    get: () => starting,
  };
}

async function start({ smtp, web }) {
  const args = ['--yes', MAILDEV, '--smtp', String(smtp), '--web', String(web), '--ip', '127.0.0.1', '--silent'];
  const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  let output = '';
  const collect = (chunk) => {
    if (output.length < MAX_OUTPUT_CHARS) output += chunk;
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((r) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      r(code ?? signal);
    });
    child.once('error', (err) => {
      running.delete(child);
      r(err.message);
    });
  });
  let status;
  exited.then((s) => (status = s));

  const webUrl = `http://127.0.0.1:${web}`;
  const stop = async () => {
    if (status !== undefined) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (status !== undefined) throw new Error(`\`npx ${args.join(' ')}\` exited (${status}) before it answered:\n${output}`);
    try {
      const res = await fetch(`${webUrl}/email`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return mailbox(webUrl, stop);
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`MailDev did not answer on ${webUrl} within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
}

function mailbox(webUrl, stop) {
  const all = async () => {
    const res = await fetch(`${webUrl}/email`);
    if (!res.ok) throw new Error(`MailDev GET /email answered ${res.status}`);
    return res.json();
  };
  return {
    webUrl,
    stop,
    /** Every mail MailDev received, oldest first (MailDev's JSON: subject, text, html, to[].address, ...). */
    all,
    /**
     * Waits for the courier to deliver a mail to `recipient` whose subject contains `subject`, other than the
     * `seen` ones (mail ids), and returns it.
     */
    async waitFor(recipient, { subject = '', seen = [] } = {}) {
      const deadline = Date.now() + MAIL_TIMEOUT_MS;
      while (Date.now() < deadline) {
        const found = (await all()).find(
          (m) => !seen.includes(m.id) && m.subject.includes(subject) && m.to.some((t) => t.address === recipient),
        );
        if (found) return found;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no mail to ${recipient} with "${subject}" in its subject reached MailDev within ${MAIL_TIMEOUT_MS / 1000} s`);
    },
  };
}

/** The one-time code in a mail's text: six digits on their own. */
export function codeIn(text) {
  const match = /(?<![0-9])[0-9]{6}(?![0-9])/.exec(text);
  if (!match) throw new Error(`no 6-digit code in:\n${text}`);
  return match[0];
}
