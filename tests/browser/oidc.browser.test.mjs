// Social sign-in in Chromium against the published server and a real OpenID Provider in this process (panva's
// oidc-provider, tests/e2e/lib/oidc-provider.mjs, on loopback), clicked through as a person would: the provider button
// on the built-in UI's sign-in page, the provider's "Sign in as <email>" and "Allow" links, and back. Journeys: the
// first sign-in registers and a second one after signing out reaches the same identity; an account without an e-mail
// completes the sign-up form; an e-mail that belongs to a password account is linked after the password; settings link
// and unlink the provider; and the same first journey through Ory's reference UI (tests/ory-ui). Every page is checked
// for console errors and CSP violations (the form's redirect to the provider must pass the page's `form-action`).
// Expectations: the strategies contract §5 (5.2–5.11).
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { base64Jsonnet } from '../e2e/lib/hook-server.mjs';
import { ALICE, useOidcProvider } from '../e2e/lib/oidc-provider.mjs';
import { freePort, startServer } from '../e2e/lib/server.mjs';
import { newPage, screenshot, screenshotOf, useBrowser } from './lib/browser.mjs';
import { EMAIL_LABEL, expectSignedIn, messageIds, PASSWORD, signIn, signOut } from './lib/journey.mjs';
import { useOryUi } from './lib/ory-ui.mjs';

const PROVIDER = 'op';
const LABEL = 'Test OP';
const ACCOUNT_LINK_MESSAGE = 1010016;
const SETTINGS_SAVED = 1050001;
const MAPPER = base64Jsonnet(`local claims = std.extVar('claims');
{
  identity: {
    traits: {
      [if 'email' in claims then 'email']: claims.email,
      [if 'given_name' in claims then 'name']: { first: claims.given_name, last: claims.family_name },
    },
    verified_addresses: if 'email' in claims && claims.email_verified then [{ via: 'email', value: claims.email }] else [],
  },
}`);

/** One provider account per journey, so the journeys do not depend on each other. */
const account = (label) => ({ ...ALICE, sub: `${label}-sub`, email: `${label}@example.com` });
const NO_EMAIL = { sub: 'no-email-sub', name: 'No Mail', given_name: 'No', family_name: 'Mail' };
const ACCOUNTS = [account('social'), account('linking'), account('settings'), account('ory-ui'), NO_EMAIL];

// The provider must know the callback URLs before Custos starts: both servers' public ports are fixed here.
const builtInPort = await freePort();
let oryUiPort = await freePort();
while (oryUiPort === builtInPort) oryUiPort = await freePort();
const callback = (port) => `http://127.0.0.1:${port}/self-service/methods/oidc/callback/${PROVIDER}`;
const op = useOidcProvider({
  clients: [{ client_id: 'custos', client_secret: 'custos-secret', redirect_uris: [callback(builtInPort), callback(oryUiPort)] }],
  accounts: ACCOUNTS,
});

/** Custos with the provider configured; `config(publicUrl)` adds the UI's settings. Stopped after the file. */
function custos(publicPort, config) {
  let starting;
  after(async () => (await starting?.catch(() => null))?.stop());
  return {
    get: () => {
      starting ??= (async () => {
        const { issuer } = await op.get();
        return startServer({
          dev: true,
          publicPort,
          config: ({ publicUrl }) => {
            const ui = config(publicUrl);
            return {
              ...ui,
              // The provider is on loopback; Custos refuses private addresses unless told otherwise.
              clients: { http: { disallow_private_ip_ranges: false } },
              selfservice: {
                ...ui.selfservice,
                methods: {
                  password: { config: { haveibeenpwned_enabled: false } },
                  oidc: {
                    enabled: true,
                    config: {
                      providers: [{
                        id: PROVIDER, provider: 'generic', label: LABEL, client_id: 'custos', client_secret: 'custos-secret',
                        issuer_url: issuer, mapper_url: MAPPER, scope: ['openid', 'email', 'profile'],
                      }],
                    },
                  },
                },
              },
            };
          },
        });
      })();
      return starting;
    },
  };
}

const sessionHooks = { after: { oidc: { hooks: [{ hook: 'session' }] }, password: { hooks: [{ hook: 'session' }] } } };

/**
 * The person at the provider: on its sign-in page they click "Sign in as <who>", on its consent page "Allow", until
 * `done` (a locator on the page Custos sends them back to) shows. A provider that remembers the person and the grant
 * sends them straight back without either page.
 */
async function throughProvider(page, who, done) {
  const signInAs = page.getByRole('link', { name: `Sign in as ${who}`, exact: true });
  const allow = page.getByRole('link', { name: 'Allow', exact: true });
  for (let step = 0; step < 4; step++) {
    await signInAs.or(allow).or(done).first().waitFor();
    if (await done.isVisible()) return;
    const link = (await signInAs.isVisible()) ? signInAs : allow;
    await link.click();
    await link.waitFor({ state: 'detached' });
  }
  await done.waitFor();
}

/** Records every request that reaches the provider, to show that the redirect left the page. */
function requestsTo(page, origin) {
  const seen = [];
  page.on('request', (r) => r.url().startsWith(origin) && seen.push(new URL(r.url()).pathname));
  return seen;
}

/**
 * Console errors (CSP violations among them) and page errors, with where they happened; newPage's list without the
 * provider's favicon.ico, which Chromium asks every origin for and the test provider does not have.
 */
function problemsOn(page, issuer) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && m.location().url !== `${issuer}/favicon.ico` && problems.push(`${m.text()} (${m.location().url})`));
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

async function adminIdentity(server, id, credential) {
  const query = credential ? `?include_credential=${credential}` : '';
  const response = await fetch(`${server.adminUrl}/admin/identities/${id}${query}`);
  assert.equal(response.status, 200);
  return response.json();
}

async function whoami(page, server) {
  const response = await page.request.get(`${server.publicUrl}/sessions/whoami`);
  assert.equal(response.status(), 200, await response.text());
  return response.json();
}

async function createPasswordAccount(server, email) {
  const response = await fetch(`${server.adminUrl}/admin/identities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ schema_id: 'default', traits: { email }, credentials: { password: { config: { password: PASSWORD } } } }),
  });
  const body = await response.text();
  assert.equal(response.status, 201, body);
  return JSON.parse(body);
}

describe('social sign-in in the built-in UI (Chromium)', () => {
  const server = custos(builtInPort, (publicUrl) => ({
    selfservice: {
      default_browser_return_url: `${publicUrl}/ui/welcome`,
      allowed_return_urls: [publicUrl],
      flows: { registration: sessionHooks },
    },
  }));
  const chromium = useBrowser();
  const signedInAs = (page) => page.getByTestId('signed-in-as');

  test('sign in with the provider button registers; after signing out, the button signs in to the same identity', async () => {
    const s = await server.get();
    const { issuer } = await op.get();
    const email = 'social@example.com';
    const { context, page } = await newPage(await chromium.get());
    const problems = problemsOn(page, (await op.get()).issuer);
    page.setDefaultTimeout(15_000);
    const atProvider = requestsTo(page, issuer);
    try {
      const login = await page.goto(`${s.publicUrl}/ui/login`);
      await page.waitForURL(/\/ui\/login\?flow=/);
      const formAction = /(?:^|;)\s*form-action ([^;]*)/.exec(login.headers()['content-security-policy'])?.[1].split(' ');
      assert.ok(formAction?.includes(issuer), `form-action allows the provider's origin: ${formAction}`);
      const button = page.getByRole('button', { name: `Sign in with ${LABEL}` });
      assert.equal(await button.getAttribute('data-provider'), PROVIDER);
      await screenshot(page, 'login-social');
      await button.click();
      // The form's redirect reached the provider: the page's form-action allows the provider's origin.
      await page.getByRole('link', { name: `Sign in as ${email}` }).waitFor();
      assert.ok(page.url().startsWith(`${issuer}/interaction/`), page.url());
      await throughProvider(page, email, signedInAs(page));
      await expectSignedIn(page, email);
      const first = await whoami(page, s);
      assert.deepEqual(first.identity.traits, { email, name: { first: 'Alice', last: 'Liddell' } });
      assert.deepEqual(first.authentication_methods.map((m) => [m.method, m.provider]), [['oidc', PROVIDER]]);

      await signOut(page);
      const before = atProvider.length;
      await page.getByRole('button', { name: `Sign in with ${LABEL}` }).click();
      await throughProvider(page, email, signedInAs(page));
      await expectSignedIn(page, email);
      assert.ok(atProvider.length > before, 'the second sign-in went through the provider too');
      const second = await whoami(page, s);
      assert.equal(second.identity.id, first.identity.id, 'the same identity');
      assert.notEqual(second.id, first.id, 'a new session');
      const identity = await adminIdentity(s, first.identity.id, 'oidc');
      assert.deepEqual(identity.credentials.oidc.identifiers, [`${PROVIDER}:social-sub`]);
      assert.ok(atProvider.some((p) => p === '/auth'), `the browser was sent to the provider's authorization endpoint: ${atProvider}`);
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    } finally {
      await context.close();
    }
  });

  test('an account without an e-mail completes the sign-up form, goes round the provider again, and is signed in', async () => {
    const s = await server.get();
    const email = 'completed@example.com';
    const { context, page } = await newPage(await chromium.get());
    const problems = problemsOn(page, (await op.get()).issuer);
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${s.publicUrl}/ui/login`);
      await page.getByRole('button', { name: `Sign in with ${LABEL}` }).click();
      const cont = page.getByRole('button', { name: 'Continue', exact: true });
      await throughProvider(page, NO_EMAIL.sub, cont);
      await page.waitForURL(/\/ui\/registration\?flow=/);
      const emailInput = page.getByLabel(EMAIL_LABEL);
      assert.equal(await emailInput.inputValue(), '');
      assert.equal(await page.getByLabel('First name').inputValue(), 'No', 'the provider\'s data is filled in');
      assert.equal(await page.getByLabel('Last name').inputValue(), 'Mail');
      assert.equal(await page.getByLabel('Password').count(), 0, 'only the traits and Continue');
      assert.equal(await cont.getAttribute('data-provider'), PROVIDER);
      await screenshot(page, 'registration-social-completion');

      await emailInput.fill(email);
      await cont.click();
      await throughProvider(page, NO_EMAIL.sub, signedInAs(page));
      await expectSignedIn(page, email);
      const session = await whoami(page, s);
      assert.deepEqual(session.identity.traits, { email, name: { first: 'No', last: 'Mail' } });
      const identity = await adminIdentity(s, session.identity.id, 'oidc');
      assert.deepEqual(identity.credentials.oidc.identifiers, [`${PROVIDER}:${NO_EMAIL.sub}`]);
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    } finally {
      await context.close();
    }
  });

  test('an e-mail of a password account: the sign-in page asks for the password, then the provider is linked', async () => {
    const s = await server.get();
    const email = 'linking@example.com';
    const existing = await createPasswordAccount(s, email);
    const { context, page } = await newPage(await chromium.get());
    const problems = problemsOn(page, (await op.get()).issuer);
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${s.publicUrl}/ui/login`);
      await page.getByRole('button', { name: `Sign in with ${LABEL}` }).click();
      const password = page.getByLabel('Password');
      await throughProvider(page, email, password);
      await page.waitForURL(/\/ui\/login\?flow=/);
      assert.deepEqual(await messageIds(page), [ACCOUNT_LINK_MESSAGE]);
      assert.match(await page.locator(`[data-message-id="${ACCOUNT_LINK_MESSAGE}"]`).innerText(), new RegExp(email.replace('.', '\\.')));
      assert.equal(await page.getByRole('button', { name: `Sign in with ${LABEL}` }).count(), 0, 'the provider just used is not offered again');
      await screenshot(page, 'login-social-linking');

      await password.fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in with password' }).click();
      await expectSignedIn(page, email);
      const session = await whoami(page, s);
      assert.equal(session.identity.id, existing.id);
      assert.deepEqual(session.authentication_methods.map((m) => m.method), ['password', 'oidc']);
      const identity = await adminIdentity(s, existing.id, 'oidc');
      assert.deepEqual(identity.credentials.oidc.identifiers, [`${PROVIDER}:linking-sub`]);
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    } finally {
      await context.close();
    }
  });

  test('settings: a password user links the provider under "Connected accounts", then unlinks it', async () => {
    const s = await server.get();
    const email = 'settings@example.com';
    const existing = await createPasswordAccount(s, email);
    const { context, page } = await newPage(await chromium.get());
    const problems = problemsOn(page, (await op.get()).issuer);
    page.setDefaultTimeout(15_000);
    try {
      await signIn(page, s.publicUrl, email, PASSWORD);
      await expectSignedIn(page, email);
      await page.getByRole('link', { name: 'Account settings' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      const connected = page.locator('section[data-group="oidc"]');
      assert.equal(await connected.getByRole('heading', { level: 2 }).innerText(), 'Connected accounts');
      await connected.getByRole('button', { name: `Link ${LABEL}` }).click();
      const unlink = page.locator('section[data-group="oidc"]').getByRole('button', { name: `Unlink ${LABEL}` });
      await throughProvider(page, email, unlink);
      await page.waitForURL(/\/ui\/settings\?flow=/);
      assert.deepEqual(await messageIds(page), [SETTINGS_SAVED], 'the settings flow reports the link as saved');
      await screenshotOf(page.locator('section[data-group="oidc"]'), 'settings-connected-accounts');
      const linked = await adminIdentity(s, existing.id, 'oidc');
      assert.deepEqual(linked.credentials.oidc.identifiers, [`${PROVIDER}:settings-sub`]);

      await unlink.click();
      await page.locator('section[data-group="oidc"]').getByRole('button', { name: `Link ${LABEL}` }).waitFor();
      const unlinked = await adminIdentity(s, existing.id, 'oidc');
      assert.ok(!unlinked.credentials?.oidc || unlinked.credentials.oidc.identifiers.length === 0, JSON.stringify(unlinked.credentials));
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    } finally {
      await context.close();
    }
  });
});

describe("social sign-in in Ory's reference UI (Chromium)", () => {
  const ui = useOryUi();
  const server = custos(oryUiPort, () => {
    const at = (path) => `${ui.url()}${path}`;
    return {
      selfservice: {
        default_browser_return_url: at('/welcome'),
        allowed_return_urls: [ui.url()],
        flows: {
          login: { ui_url: at('/login') },
          registration: { ui_url: at('/registration'), ...sessionHooks },
          settings: { ui_url: at('/settings') },
          error: { ui_url: at('/error') },
          logout: { after: { default_browser_return_url: at('/login') } },
        },
      },
    };
  });
  const chromium = useBrowser();

  test('sign up and, after signing out, sign in with the provider button to the same identity', { timeout: 120_000 }, async () => {
    const s = await server.get();
    const { url } = await ui.get(s.publicUrl);
    const email = 'ory-ui@example.com';
    const { context, page } = await newPage(await chromium.get());
    const problems = problemsOn(page, (await op.get()).issuer);
    page.setDefaultTimeout(15_000);
    const atProvider = requestsTo(page, (await op.get()).issuer);
    const welcome = page.getByRole('link', { name: 'Log out' });
    const logOut = async () => {
      await page.goto(new URL(await welcome.getAttribute('href'), page.url()).href);
      await page.waitForURL((u) => u.href.startsWith(`${url}/login?flow=`));
    };
    try {
      await page.goto(`${url}/registration`);
      await page.waitForURL((u) => u.href.startsWith(`${url}/registration?flow=`));
      const signUp = page.getByRole('button', { name: `Sign up with ${LABEL}` });
      await signUp.waitFor();
      await screenshot(page, 'ory-ui-registration-social');
      await signUp.click();
      await throughProvider(page, email, welcome);
      await page.waitForURL(`${url}/welcome`);
      const first = await whoami(page, s);
      assert.equal(first.identity.traits.email, email);
      assert.deepEqual(first.authentication_methods.map((m) => [m.method, m.provider]), [['oidc', PROVIDER]]);

      await logOut();
      await page.getByRole('button', { name: `Sign in with ${LABEL}` }).click();
      await throughProvider(page, email, welcome);
      await page.waitForURL(`${url}/welcome`);
      const second = await whoami(page, s);
      assert.equal(second.identity.id, first.identity.id, 'the same identity');
      assert.notEqual(second.id, first.id, 'a new session');
      const identity = await adminIdentity(s, first.identity.id, 'oidc');
      assert.deepEqual(identity.credentials.oidc.identifiers, [`${PROVIDER}:ory-ui-sub`]);
      assert.deepEqual(problems, [], 'no console errors, CORS or CSP refusals');
    } finally {
      await context.close();
    }
  });
});
