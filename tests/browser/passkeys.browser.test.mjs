// Passkeys and security keys in the built-in UI, in Debian's Chromium against the published server, with Chromium's
// virtual authenticators (lib/virtual-authenticator.mjs) doing the WebAuthn ceremonies that Kratos's webauthn.js
// starts: a person adds a passkey in settings and signs in with it alone; another signs up with a passkey; a third adds
// a security key as second factor and signs in with password and key (aal2). WebAuthn needs a secure context and a
// matching RP id, so the server's public URL and every page are http://localhost:<port>, rp.id `localhost`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PERSON_SCHEMA, useServer } from '../e2e/lib/server.mjs';
import { newPage, screenshot, screenshotOf, useBrowser } from './lib/browser.mjs';
import { EMAIL_LABEL, expectSignedIn, messageIds, PASSWORD, register, signIn, signOut } from './lib/journey.mjs';
import { addVirtualAuthenticator, localhostUrl, PASSKEY_AUTHENTICATOR, SECURITY_KEY_AUTHENTICATOR } from './lib/virtual-authenticator.mjs';

const SETTINGS_SAVED = 1050001;

/** The harness's person schema with the email also the security-key identifier and the passkey's display name. */
const WEBAUTHN_SCHEMA = structuredClone(PERSON_SCHEMA);
Object.assign(WEBAUTHN_SCHEMA.properties.traits.properties.email['ory.sh/kratos'].credentials, {
  webauthn: { identifier: true },
  passkey: { display_name: true },
});

describe('passkeys and security keys in Chromium', () => {
  const server = useServer({
    dev: true,
    schema: WEBAUTHN_SCHEMA,
    config: ({ publicUrl }) => {
      const origin = localhostUrl(publicUrl);
      const rp = { id: 'localhost', display_name: 'Custos', origins: [origin] };
      return {
        serve: { public: { base_url: `${origin}/` } },
        selfservice: {
          default_browser_return_url: `${origin}/ui/welcome`,
          allowed_return_urls: [origin],
          methods: {
            password: { config: { haveibeenpwned_enabled: false } },
            passkey: { enabled: true, config: { rp } },
            webauthn: { enabled: true, config: { passwordless: false, rp } },
          },
          flows: {
            registration: {
              after: { password: { hooks: [{ hook: 'session' }] }, passkey: { hooks: [{ hook: 'session' }] } },
            },
          },
        },
        session: { whoami: { required_aal: 'highest_available' } },
      };
    },
  });
  const chromium = useBrowser();

  test('sign up with a password, add a passkey in settings, sign out, sign in with the passkey alone', async () => {
    const baseUrl = localhostUrl((await server.get()).publicUrl);
    const email = `ada-${Date.now()}@example.com`;
    const { context, page, problems } = await newPage(await chromium.get());
    try {
      const authenticator = await addVirtualAuthenticator(context, page, PASSKEY_AUTHENTICATOR);
      await register(page, baseUrl, { email, first: 'Ada', last: 'Lovelace' });
      await expectSignedIn(page, email);

      await page.getByRole('link', { name: 'Account settings' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      const passkeys = page.locator('section[data-group="passkey"]');
      assert.equal(await passkeys.getByRole('heading', { level: 2 }).innerText(), 'Passkeys');
      await passkeys.getByRole('button', { name: 'Add passkey' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      await page.waitForFunction(() => document.querySelector('[data-message-id="1050001"]'));
      assert.ok((await messageIds(page)).includes(SETTINGS_SAVED), 'the passkey is saved');
      const [credential] = await authenticator.credentials();
      assert.equal(credential.rpId, 'localhost');
      assert.equal(credential.isResidentCredential, true, 'a passkey is a discoverable credential');
      const added = page.locator('section[data-group="passkey"]');
      assert.equal(await added.getByRole('button', { name: /^Remove passkey/ }).count(), 1, 'the new passkey can be removed');
      await screenshotOf(added, 'settings-passkey');

      await page.getByRole('link', { name: 'Home' }).click();
      await expectSignedIn(page, email);
      await signOut(page);
      // The login page asks for a passkey through the browser's autofill (conditional mediation); Chromium's virtual
      // authenticator answers it by itself, as a person picking the passkey from the list would.
      await expectSignedIn(page, email);
      const session = await whoami(page, baseUrl);
      assert.equal(session.authenticator_assurance_level, 'aal1');
      assert.deepEqual(session.authentication_methods.map((m) => m.method), ['passkey']);
      assert.ok((await authenticator.credentials())[0].signCount > credential.signCount, 'the passkey signed the login');
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    } finally {
      await context.close();
    }
  });

  test('sign up with a passkey, sign out, sign in with the "Sign in with passkey" button', async () => {
    const baseUrl = localhostUrl((await server.get()).publicUrl);
    const email = `grace-${Date.now()}@example.com`;
    const { context, page, problems } = await newPage(await chromium.get());
    try {
      // A browser without passkey autofill: the login page's button is the way in.
      await page.addInitScript(() => {
        if (window.PublicKeyCredential) {
          window.PublicKeyCredential.isConditionalMediationAvailable = async () => false;
        }
      });
      const authenticator = await addVirtualAuthenticator(context, page, PASSKEY_AUTHENTICATOR);
      await page.goto(`${baseUrl}/ui/registration`);
      await page.getByLabel(EMAIL_LABEL).fill(email);
      await page.getByLabel('First name').fill('Grace');
      await page.getByLabel('Last name').fill('Hopper');
      await page.getByRole('button', { name: 'Sign up', exact: true }).click();
      await page.waitForURL(/\/ui\/registration\?flow=/);
      const signUp = page.getByRole('button', { name: 'Sign up with passkey' });
      await signUp.waitFor();
      await screenshot(page, 'registration-passkey');
      await signUp.click();
      await expectSignedIn(page, email);
      const [credential] = await authenticator.credentials();
      assert.equal(credential.isResidentCredential, true);
      assert.equal((await whoami(page, baseUrl)).authentication_methods[0].method, 'passkey');

      await signOut(page);
      const signInButton = page.getByRole('button', { name: 'Sign in with passkey' });
      assert.equal(await page.locator('[data-group="passkey"] .group-caption').innerText(), 'Use a passkey');
      assert.equal(await page.getByLabel(EMAIL_LABEL).getAttribute('autocomplete'), 'username webauthn');
      await screenshot(page, 'login-passkey');
      await signInButton.click();
      await expectSignedIn(page, email);
      const session = await whoami(page, baseUrl);
      assert.equal(session.authenticator_assurance_level, 'aal1');
      assert.equal(session.identity.traits.email, email);
      assert.ok((await authenticator.credentials())[0].signCount > credential.signCount, 'the passkey signed the login');
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    } finally {
      await context.close();
    }
  });

  test('add a security key as second factor, sign in with password and key: aal2', async () => {
    const baseUrl = localhostUrl((await server.get()).publicUrl);
    const email = `katherine-${Date.now()}@example.com`;
    const { context, page, problems } = await newPage(await chromium.get());
    try {
      const key = await addVirtualAuthenticator(context, page, SECURITY_KEY_AUTHENTICATOR);
      await register(page, baseUrl, { email, first: 'Katherine', last: 'Johnson' });
      await expectSignedIn(page, email);

      await page.getByRole('link', { name: 'Account settings' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      const keys = page.locator('section[data-group="webauthn"]');
      assert.equal(await keys.getByRole('heading', { level: 2 }).innerText(), 'Security keys');
      await keys.getByLabel('Name of the security key').fill('Blue key');
      await keys.getByRole('button', { name: 'Add security key' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      await page.waitForFunction(() => document.querySelector('[data-message-id="1050001"]'));
      const [credential] = await key.credentials();
      assert.equal(credential.isResidentCredential, false, 'a security key for a second factor needs no discoverable credential');
      const added = page.locator('section[data-group="webauthn"]');
      assert.equal(await added.getByRole('button', { name: 'Remove security key "Blue key"' }).count(), 1);
      await screenshotOf(added, 'settings-security-key');

      await page.getByRole('link', { name: 'Home' }).click();
      await expectSignedIn(page, email);
      await signOut(page);
      await signIn(page, baseUrl, email, PASSWORD);
      await page.waitForURL(/\/ui\/login\?flow=/);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Second factor');
      assert.equal(await page.getByLabel('Password').count(), 0);
      const hardwareKey = page.locator('[data-group="webauthn"]').getByRole('button', { name: /hardware key/ });
      await hardwareKey.waitFor();
      await screenshot(page, 'second-factor-security-key');
      await hardwareKey.click();
      await expectSignedIn(page, email);
      const session = await whoami(page, baseUrl);
      assert.equal(session.authenticator_assurance_level, 'aal2');
      assert.deepEqual(session.authentication_methods.map((m) => [m.method, m.aal]), [['password', 'aal1'], ['webauthn', 'aal2']]);
      assert.ok((await key.credentials())[0].signCount > credential.signCount, 'the key signed the login');
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    } finally {
      await context.close();
    }
  });
});

/** The browser's session from whoami, with the page's cookies. */
async function whoami(page, baseUrl) {
  const response = await page.request.get(`${baseUrl}/sessions/whoami`);
  assert.equal(response.status(), 200, await response.text());
  return response.json();
}
