// Second factors and code login in the built-in UI, in Debian's Chromium against the published server: a person signs
// up with a password, adds an authenticator app by typing in the secret the settings page shows (the code is computed
// with RFC 6238, as the app would), creates backup codes and downloads them, signs out, signs in with the password and
// is asked for the second factor, passes it with the app and, another time, with a backup code; another person signs
// in with nothing but a code emailed to them (read from MailDev). Each new page is captured as a screenshot.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { PERSON_SCHEMA, useServer } from '../e2e/lib/server.mjs';
import { newPage, screenshot, screenshotOf, useBrowser } from './lib/browser.mjs';
import { EMAIL_LABEL, expectSignedIn, messageIds, PASSWORD, register, signIn, signOut } from './lib/journey.mjs';
import { codeIn, useMailDev } from './lib/maildev.mjs';
import { stepAt, totp } from './lib/totp.mjs';

const SETTINGS_SAVED = 1050001;
const LOGIN_CODE_SENT = 1010014;

/** The harness's person schema with the email also a `code` identifier (code login by email). */
const CODE_SCHEMA = structuredClone(PERSON_SCHEMA);
CODE_SCHEMA.properties.traits.properties.email['ory.sh/kratos'].credentials.code = { identifier: true, via: 'email' };

describe('second factors and code login in Chromium', () => {
  const mail = useMailDev();
  const server = useServer({
    dev: true,
    watchCourier: true,
    schema: CODE_SCHEMA,
    config: ({ publicUrl }) => ({
      selfservice: {
        default_browser_return_url: `${publicUrl}/ui/welcome`,
        allowed_return_urls: [publicUrl],
        methods: {
          password: { config: { haveibeenpwned_enabled: false } },
          totp: { enabled: true, config: { issuer: 'Custos' } },
          lookup_secret: { enabled: true },
          code: { enabled: true, passwordless_enabled: true },
        },
        flows: { registration: { after: { password: { hooks: [{ hook: 'session' }] } } } },
      },
      session: { whoami: { required_aal: 'highest_available' } },
      courier: { smtp: { connection_uri: mail.smtpUri(), from_address: 'accounts@custos.test' }, worker: { pull_wait: '100ms' } },
    }),
  });
  const chromium = useBrowser();

  test('sign up, add an authenticator app and backup codes, sign in again: the second factor is asked for and passed', async () => {
    const { publicUrl } = await server.get();
    const email = `grace-${Date.now()}@example.com`;
    const { context, page, problems } = await newPage(await chromium.get());
    try {
      await register(page, publicUrl, { email, first: 'Grace', last: 'Hopper' });
      await expectSignedIn(page, email);

      await page.getByRole('link', { name: 'Account settings' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      const app = page.locator('section[data-group="totp"]');
      assert.equal(await app.getByRole('heading', { level: 2 }).innerText(), 'Authenticator app');
      const qr = app.getByRole('img', { name: 'Authenticator app QR code' });
      assert.match(await qr.getAttribute('src'), /^data:image\/png;base64,/);
      assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code image loads under the CSP');
      const secret = (await app.locator('#totp_secret_key code').innerText()).trim();
      assert.match(secret, /^[A-Z2-7]{16,}$/, 'the secret is shown as text, for typing in');
      await screenshotOf(app, 'settings-totp');
      const enrolledStep = stepAt();
      await app.getByLabel('Verify code').fill(totp(secret, enrolledStep));
      await app.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      assert.ok((await messageIds(page)).includes(SETTINGS_SAVED), 'the app is linked');
      assert.equal(await page.locator('section[data-group="totp"]').getByRole('button', { name: 'Unlink TOTP Authenticator App' }).count(), 1);

      const backup = page.locator('section[data-group="lookup_secret"]');
      assert.equal(await backup.getByRole('heading', { level: 2 }).innerText(), 'Backup recovery codes');
      await backup.getByRole('button', { name: 'Generate new backup recovery codes' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      const shown = await page.locator('section[data-group="lookup_secret"] ul.secrets code').allInnerTexts();
      assert.equal(shown.length, 12, 'twelve codes are listed');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
      assert.equal(download.suggestedFilename(), 'backup-recovery-codes.txt');
      const downloaded = (await readFile(await download.path(), 'utf8')).trim().split('\n');
      assert.deepEqual(downloaded, shown, 'the download holds the codes on the page');
      await screenshotOf(page.locator('section[data-group="lookup_secret"]'), 'backup-codes');
      await page.getByRole('button', { name: 'Confirm backup recovery codes' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      assert.ok((await messageIds(page)).includes(SETTINGS_SAVED), 'the backup codes are saved');

      await page.getByRole('link', { name: 'Home' }).click();
      await expectSignedIn(page, email);
      await signOut(page);
      await signIn(page, publicUrl, email, PASSWORD);
      await expectSecondFactorPage(page);
      await screenshot(page, 'second-factor');
      // A code is good once: the one that linked the app cannot be used again, so take the next step if need be.
      await page.getByLabel('Authentication code').fill(totp(secret, Math.max(stepAt(), enrolledStep + 1)));
      await page.getByRole('button', { name: 'Use Authenticator' }).click();
      await expectSignedIn(page, email);
      assert.equal(await assuranceLevel(page, publicUrl), 'aal2');

      await signOut(page);
      await signIn(page, publicUrl, email, PASSWORD);
      await expectSecondFactorPage(page);
      await page.getByLabel('Backup recovery code').fill(downloaded[0]);
      await page.getByRole('button', { name: 'Use backup recovery code' }).click();
      await expectSignedIn(page, email);
      assert.equal(await assuranceLevel(page, publicUrl), 'aal2');
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    } finally {
      await context.close();
    }
  });

  test('sign in with an emailed code only', async () => {
    const inbox = await mail.get();
    const { publicUrl, adminUrl } = await server.get();
    const email = `katherine-${Date.now()}@example.com`;
    const created = await fetch(`${adminUrl}/admin/identities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ schema_id: 'default', traits: { email } }),
    });
    assert.equal(created.status, 201, await created.text());
    const { context, page, problems } = await newPage(await chromium.get());
    try {
      await page.goto(`${publicUrl}/ui/login`);
      await page.waitForURL(/\/ui\/login\?flow=/);
      const code = page.locator('[data-group="code"]');
      assert.equal(await code.locator('.group-caption').innerText(), 'Email me a code');
      await screenshot(page, 'login-code');
      await page.getByLabel(EMAIL_LABEL).fill(email);
      await code.getByRole('button', { name: 'Send sign in code' }).click();

      await page.waitForURL(/\/ui\/login\?flow=/);
      assert.ok((await messageIds(page)).includes(LOGIN_CODE_SENT), 'the page says a code was emailed');
      assert.equal(await page.getByRole('button', { name: 'Resend code' }).count(), 1);
      const message = await inbox.waitFor(email);
      await page.getByLabel('Login code').fill(codeIn(message.text));
      await screenshot(page, 'login-code-sent');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expectSignedIn(page, email);
      assert.equal(await assuranceLevel(page, publicUrl), 'aal1');
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    } finally {
      await context.close();
    }
  });
});

/** The login page at aal2: its heading, and only the second factors on offer (no password, no sign-up link). */
async function expectSecondFactorPage(page) {
  await page.waitForURL(/\/ui\/login\?flow=/);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Second factor');
  const groups = await page.locator('main [data-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
  assert.deepEqual(groups.sort(), ['lookup_secret', 'totp']);
  assert.equal(await page.getByLabel('Password').count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Create an account' }).count(), 0);
}

/** `authenticator_assurance_level` of the browser's session, from whoami with the page's cookies. */
async function assuranceLevel(page, publicUrl) {
  const whoami = await page.request.get(`${publicUrl}/sessions/whoami`);
  assert.equal(whoami.status(), 200);
  return (await whoami.json()).authenticator_assurance_level;
}
