// Ory's reference UI (kratos-selfservice-ui-node, vendored in tests/ory-ui) shows and uses Custos's second factors in
// Chromium: its settings page renders the "Manage 2FA TOTP Authenticator App" and "Manage 2FA Backup Recovery Codes"
// sections from the flow's `totp` and `lookup_secret` nodes, a person links an authenticator app by typing the code
// computed from the secret shown, signs in again with the password and the app's code on the UI's aal2 login page, then
// saves backup codes and signs in with one of them. Everything goes through the UI's labels and buttons; at each step
// the flow's nodes are also fetched from Custos (with the browser's cookies) and compared with Kratos's node lists.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useServer } from '../e2e/lib/server.mjs';
import { newPage, screenshot, useBrowser } from './lib/browser.mjs';
import { PASSWORD } from './lib/journey.mjs';
import { useOryUi } from './lib/ory-ui.mjs';
import {
  assertGroup,
  codeMessage,
  csrfNode,
  groupNodes,
  loginLookup,
  loginTotp,
  settingsLookupExisting,
  settingsLookupNone,
  settingsLookupRegenerated,
  settingsLookupRevealed,
  settingsTotpLinked,
  settingsTotpSetup,
  usedCodeMessage,
} from './lib/second-factor-nodes.mjs';
import { totpCode } from './lib/totp.mjs';

const SAVED = 'Your changes have been saved!';
const TOTP_TITLE = 'Manage 2FA TOTP Authenticator App';
const LOOKUP_TITLE = 'Manage 2FA Backup Recovery Codes';
/** Kratos's text for message 1010004, which the aal2 login page shows. */
const SECOND_FACTOR = 'Please complete the second authentication challenge.';
/** Custos refuses a TOTP code of a step it already accepted (docs/differences.md, "Code replay"). */
const STEP_MS = 30_000;
const ISSUER = 'Custos Ory UI test';

describe("Ory's reference UI: TOTP and backup codes against Custos", () => {
  const ui = useOryUi();
  const server = useServer({
    config: () => {
      const at = (path) => `${ui.url()}${path}`;
      return {
        selfservice: {
          default_browser_return_url: at('/welcome'),
          allowed_return_urls: [ui.url()],
          methods: {
            password: { config: { haveibeenpwned_enabled: false } },
            totp: { enabled: true, config: { issuer: ISSUER } },
            lookup_secret: { enabled: true },
          },
          flows: {
            login: { ui_url: at('/login') },
            registration: { ui_url: at('/registration'), after: { password: { hooks: [{ hook: 'session' }] } } },
            settings: { ui_url: at('/settings') },
            error: { ui_url: at('/error') },
            logout: { after: { default_browser_return_url: at('/login') } },
          },
        },
      };
    },
  });
  const chromium = useBrowser();

  test('settings show both sections; sign in with the authenticator app, then with a backup code', { timeout: 240_000 }, async () => {
    const custos = await server.get();
    const { url } = await ui.get(custos.publicUrl);
    const { context, page, problems } = await newPage(await chromium.get());
    page.setDefaultTimeout(10_000);
    const email = `ory-ui-2fa-${Date.now()}@example.com`;
    const flowId = () => new URL(page.url()).searchParams.get('flow');
    // The flow as Ory's UI reads it: Custos's public API with the browser's cookies.
    const fetchFlow = async (kind) => {
      const res = await page.request.get(`${custos.publicUrl}/self-service/${kind}/flows?id=${flowId()}`);
      assert.equal(res.status(), 200, `GET ${kind} flow: ${await res.text()}`);
      return res.json();
    };
    const linkTarget = async (name) => new URL(await page.getByRole('link', { name }).getAttribute('href'), page.url()).href;
    const follow = async (name) => page.goto(await linkTarget(name));
    const openSettings = async () => {
      await page.goto(`${url}/settings`);
      await page.waitForURL((u) => u.href.startsWith(`${url}/settings?flow=`));
    };
    const signOutAndSignIn = async () => {
      await page.goto(`${url}/welcome`);
      await page.goto(await linkTarget('Log out'));
      await page.waitForURL((u) => u.href.startsWith(`${url}/login?flow=`));
      const firstFactor = page.url();
      await page.getByLabel(/^E-Mail/).fill(email);
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Custos answers the password with the aal2 login (whoami requires the highest available level).
      await page.waitForURL((u) => u.href.startsWith(`${url}/login?flow=`) && u.href !== firstFactor);
      await page.getByText(SECOND_FACTOR).waitFor();
      const flow = await fetchFlow('login');
      assert.equal(flow.requested_aal, 'aal2');
      return flow;
    };
    const expectSession = async (aalText, method) => {
      await page.goto(`${url}/sessions`);
      await page.getByText(`you are currently logged in as ${email}`).waitFor();
      await page.getByText(aalText).waitFor();
      await page.getByText(new RegExp(`^${method} \\(`)).last().waitFor();
    };

    try {
      // Sign up through the UI: the profile first, then the password.
      await page.goto(`${url}/registration`);
      await page.waitForURL((u) => u.href.startsWith(`${url}/registration?flow=`));
      await page.getByLabel(/^E-Mail/).fill(email);
      await page.getByLabel(/^First name/).fill('Grace');
      await page.getByLabel(/^Last name/).fill('Hopper');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign up' }).first().click();
      await page.waitForURL(`${url}/welcome`);

      // Settings: both sections, with the QR image and the secret as text.
      await openSettings();
      const totpCard = page.locator('form[data-testid="totp-settings-card"]');
      const lookupCard = page.locator('form[data-testid="lookup_secret-settings-card"]');
      await page.getByRole('heading', { name: TOTP_TITLE }).waitFor();
      await page.getByRole('heading', { name: LOOKUP_TITLE }).waitFor();
      const qr = totpCard.getByRole('img', { name: 'Authenticator app QR code' });
      const qrSrc = await qr.getAttribute('src');
      assert.match(qrSrc, /^data:image\/png;base64,iVBORw0KGgo/, 'the QR code is a PNG data URI');
      assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'Chromium decoded the QR image');
      await totpCard.getByText('This is your authenticator app secret. Use it if you can not scan the QR code.').waitFor();
      const secret = (await totpCard.locator('[data-testid="node/text/totp_secret_key/text"]').innerText()).trim();
      assert.match(secret, /^[A-Z2-7]{32}$/, 'a 160-bit base32 secret, no padding');
      await lookupCard.getByRole('button', { name: 'Generate new backup recovery codes' }).waitFor();
      await screenshot(page, 'ory-ui-settings-2fa');

      let flow = await fetchFlow('settings');
      assert.deepEqual(
        flow.ui.nodes.find((n) => n.attributes.name === 'csrf_token'),
        csrfNode(flow.ui.nodes.find((n) => n.attributes.name === 'csrf_token')?.attributes.value),
      );
      assertGroup(flow, 'totp', settingsTotpSetup({ qrSrc, secret }), 'settings without TOTP');
      assertGroup(flow, 'lookup_secret', settingsLookupNone(), 'settings without backup codes');

      // Link the app: the code an authenticator app shows for the secret on screen.
      const linkedAt = Date.now();
      await totpCard.getByLabel('Verify code').fill(totpCode(secret, linkedAt));
      await totpCard.getByRole('button', { name: 'Save' }).click();
      await page.getByText(SAVED).waitFor();
      await totpCard.getByRole('button', { name: 'Unlink TOTP Authenticator App' }).waitFor();
      flow = await fetchFlow('settings');
      assert.equal(flow.state, 'success');
      assertGroup(flow, 'totp', settingsTotpLinked(), 'settings after linking');
      await expectSession('two-factor used (aal2)', 'totp');
      // The secret on screen is the one stored: the credential's key URI (admin API) carries it.
      const whoami = await (await page.request.get(`${custos.publicUrl}/sessions/whoami`)).json();
      const admin = await fetch(`${custos.adminUrl}/admin/identities/${whoami.identity.id}?include_credential=totp`);
      const keyUri = new URL((await admin.json()).credentials.totp.config.totp_url);
      assert.equal(`${keyUri.protocol}//${keyUri.host}`, 'otpauth://totp');
      assert.equal(decodeURIComponent(keyUri.pathname), `/${ISSUER}:${whoami.identity.id}`);
      assert.deepEqual(Object.fromEntries(keyUri.searchParams), { algorithm: 'SHA1', digits: '6', issuer: ISSUER, period: '30', secret });

      // Sign out, sign in with the password: the UI's aal2 page asks for the app's code.
      flow = await signOutAndSignIn();
      assertGroup(flow, 'totp', loginTotp(), 'aal2 login with TOTP');
      assert.deepEqual(groupNodes(flow, 'lookup_secret'), {}, 'no backup codes yet');
      assert.deepEqual(groupNodes(flow, 'password'), {}, 'an aal2 login asks for no password');
      const totpForm = page.locator('form[data-testid="totp-flow"]');
      await screenshot(page, 'ory-ui-login-aal2-totp');
      // A code of a later step than the one used to link the app (Custos refuses a replayed step).
      const wait = STEP_MS - (linkedAt % STEP_MS) + 200;
      if (Math.floor(Date.now() / STEP_MS) === Math.floor(linkedAt / STEP_MS)) await new Promise((r) => setTimeout(r, wait));
      await totpForm.getByLabel('Authentication code').fill(totpCode(secret));
      await totpForm.getByRole('button', { name: 'Use Authenticator' }).click();
      await page.waitForURL((u) => !u.href.startsWith(`${url}/login`));
      await expectSession('two-factor used (aal2)', 'totp');
      await screenshot(page, 'ory-ui-session-aal2-totp');

      // Backup codes: generate, read them off the screen, confirm.
      await openSettings();
      await lookupCard.getByRole('button', { name: 'Generate new backup recovery codes' }).click();
      await lookupCard.getByRole('button', { name: 'Confirm backup recovery codes' }).waitFor();
      await lookupCard.getByText('These are your back up recovery codes. Please keep them in a safe place!').waitFor();
      const codes = (await lookupCard.locator('[data-testid="node/text/lookup_secret_codes/text"]').allInnerTexts()).map((c) => c.trim());
      assert.equal(codes.length, 12, `twelve codes on screen: ${codes}`);
      for (const code of codes) assert.match(code, /^[a-z0-9]{8}$/);
      await screenshot(page, 'ory-ui-settings-backup-codes');
      flow = await fetchFlow('settings');
      assertGroup(flow, 'lookup_secret', settingsLookupRegenerated(codes), 'settings after "Generate"');
      assertGroup(flow, 'totp', settingsTotpLinked(), 'settings after "Generate"');

      await lookupCard.getByRole('button', { name: 'Confirm backup recovery codes' }).click();
      await page.getByText(SAVED).waitFor();
      await lookupCard.getByRole('button', { name: 'Reveal backup recovery codes' }).waitFor();
      flow = await fetchFlow('settings');
      assert.equal(flow.state, 'success');
      assertGroup(flow, 'lookup_secret', settingsLookupExisting(), 'settings after "Confirm"');

      // Sign out, sign in with the password, and use a backup code as the second factor.
      flow = await signOutAndSignIn();
      assertGroup(flow, 'totp', loginTotp(), 'aal2 login with TOTP and backup codes');
      assertGroup(flow, 'lookup_secret', loginLookup(), 'aal2 login with TOTP and backup codes');
      await screenshot(page, 'ory-ui-login-aal2-both');
      const lookupForm = page.locator('form[data-testid="lookup-secret-flow"]');
      await lookupForm.getByLabel('Backup recovery code').fill(codes[4]);
      await lookupForm.getByRole('button', { name: 'Use backup recovery code' }).click();
      await page.waitForURL((u) => !u.href.startsWith(`${url}/login`));
      await expectSession('two-factor used (aal2)', 'lookup_secret');

      // The used code reads "used" when the codes are revealed; Custos masks the unused ones (docs/differences.md).
      await openSettings();
      await lookupCard.getByRole('button', { name: 'Reveal backup recovery codes' }).click();
      await lookupCard.getByRole('button', { name: 'Disable this method' }).waitFor();
      flow = await fetchFlow('settings');
      const listed = groupNodes(flow, 'lookup_secret').lookup_secret_codes?.attributes.text.context.secrets ?? [];
      const usedAt = listed[4]?.context?.used_at;
      assert.ok(usedAt, `the fifth code is used: ${JSON.stringify(listed)}`);
      const hidden = codeMessage('********');
      const texts = codes.map((_, i) => (i === 4 ? 'used' : '********'));
      const secrets = codes.map((_, i) => (i === 4 ? usedCodeMessage(usedAt) : hidden));
      assertGroup(flow, 'lookup_secret', settingsLookupRevealed(texts, secrets), 'settings after "Reveal"');
      await lookupCard.getByText(usedCodeMessage(usedAt).text).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
