// Ory's reference UI (kratos-selfservice-ui-node, vendored in tests/ory-ui) with a security key against Custos, in
// Chromium with a virtual USB security key (lib/virtual-authenticator.mjs): the UI's "Manage Hardware Tokens" card adds
// a named key (Kratos's webauthn.js, loaded from Custos with the node's integrity, runs the ceremony the flow's options
// describe), and after a password sign-in the UI's aal2 page signs in with the key. As with Kratos, the UI's origin is
// allowed by `serve.public.cors` (the quickstart's setting), or the browser refuses to load webauthn.js across origins.
// WebAuthn needs a secure context and a valid RP id, so Custos and the UI are both visited as http://localhost:<port>.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PERSON_SCHEMA, useServer } from '../e2e/lib/server.mjs';
import { newPage, screenshot, useBrowser } from './lib/browser.mjs';
import { PASSWORD } from './lib/journey.mjs';
import { useOryUi } from './lib/ory-ui.mjs';
import { addVirtualAuthenticator, localhostUrl, SECURITY_KEY_AUTHENTICATOR } from './lib/virtual-authenticator.mjs';

/** The harness's person schema with the email also the security key's identifier (Kratos requires one, §4.1). */
const SCHEMA = structuredClone(PERSON_SCHEMA);
Object.assign(SCHEMA.properties.traits.properties.email['ory.sh/kratos'].credentials, { webauthn: { identifier: true } });

describe("Ory's reference UI: a security key against Custos", () => {
  const ui = useOryUi();
  const server = useServer({
    schema: SCHEMA,
    config: ({ publicUrl }) => {
      const origin = localhostUrl(ui.url());
      const at = (path) => `${origin}${path}`;
      return {
        serve: { public: { base_url: `${localhostUrl(publicUrl)}/`, cors: { enabled: true, allowed_origins: [origin], allow_credentials: true } } },
        selfservice: {
          default_browser_return_url: at('/welcome'),
          allowed_return_urls: [origin],
          methods: {
            password: { config: { haveibeenpwned_enabled: false } },
            webauthn: { enabled: true, config: { passwordless: false, rp: { id: 'localhost', display_name: 'Custos', origins: [origin] } } },
          },
          flows: {
            login: { ui_url: at('/login') },
            registration: { ui_url: at('/registration'), after: { password: { hooks: [{ hook: 'session' }] } } },
            settings: { ui_url: at('/settings') },
            error: { ui_url: at('/error') },
            logout: { after: { default_browser_return_url: at('/login') } },
          },
        },
        session: { whoami: { required_aal: 'highest_available' } },
      };
    },
  });
  const chromium = useBrowser();

  test('add a named security key in settings, then sign in with password and key (aal2)', { timeout: 180_000 }, async () => {
    const custos = await server.get();
    const custosUrl = localhostUrl(custos.publicUrl);
    const url = localhostUrl((await ui.get(custosUrl)).url);
    const { context, page, problems } = await newPage(await chromium.get());
    page.setDefaultTimeout(10_000);
    const email = `ory-ui-key-${Date.now()}@example.com`;
    try {
      const key = await addVirtualAuthenticator(context, page, SECURITY_KEY_AUTHENTICATOR);
      await page.goto(`${url}/registration`);
      await page.waitForURL((u) => u.href.startsWith(`${url}/registration?flow=`));
      await page.getByLabel(/^E-Mail/).fill(email);
      await page.getByLabel(/^First name/).fill('Grace');
      await page.getByLabel(/^Last name/).fill('Hopper');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign up' }).first().click();
      await page.waitForURL(`${url}/welcome`);

      // The UI's settings card, drawn from the flow's webauthn nodes; the button runs webauthn.js's ceremony.
      await page.goto(`${url}/settings`);
      await page.waitForURL((u) => u.href.startsWith(`${url}/settings?flow=`));
      await page.getByRole('heading', { name: 'Manage Hardware Tokens' }).waitFor();
      const card = page.locator('form[data-testid="webauthn-settings-card"]');
      await card.getByLabel('Name of the security key').fill('Blue key');
      await card.getByRole('button', { name: 'Add security key' }).click();
      await page.getByText('Your changes have been saved!').waitFor();
      await card.getByRole('button', { name: 'Remove security key "Blue key"' }).waitFor();
      await screenshot(page, 'ory-ui-settings-security-key');
      const [enrolled] = await key.credentials();
      assert.equal(enrolled.rpId, 'localhost');
      assert.equal(enrolled.isResidentCredential, false, 'a security key credential is not discoverable');

      const whoamiAfterAdd = await (await page.request.get(`${custosUrl}/sessions/whoami`)).json();
      const admin = await fetch(`${custos.adminUrl}/admin/identities/${whoamiAfterAdd.identity.id}?include_credential=webauthn`);
      const [stored] = (await admin.json()).credentials.webauthn.config.credentials;
      assert.equal(stored.display_name, 'Blue key');
      assert.equal(stored.is_passwordless, false);
      assert.equal(Buffer.from(stored.id, 'base64').toString('base64'), enrolled.credentialId, 'the key the authenticator holds is the one stored');

      // Sign out, sign in with the password: the UI's aal2 page offers the key, which completes the sign-in.
      await page.goto(`${url}/welcome`);
      await page.goto(new URL(await page.getByRole('link', { name: 'Log out' }).getAttribute('href'), page.url()).href);
      await page.waitForURL((u) => u.href.startsWith(`${url}/login?flow=`));
      const firstFactor = page.url();
      await page.getByLabel(/^E-Mail/).fill(email);
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => u.href.startsWith(`${url}/login?flow=`) && u.href !== firstFactor);
      await page.getByText('Please complete the second authentication challenge.').waitFor();
      await screenshot(page, 'ory-ui-login-aal2-security-key');
      await page.getByRole('button', { name: 'Sign in with hardware key' }).click();
      await page.waitForURL((u) => !u.href.startsWith(`${url}/login`));

      const whoami = await (await page.request.get(`${custosUrl}/sessions/whoami`)).json();
      assert.equal(whoami.authenticator_assurance_level, 'aal2');
      assert.deepEqual(whoami.authentication_methods.map((m) => `${m.method}:${m.aal}`), ['password:aal1', 'webauthn:aal2']);
      const [used] = await key.credentials();
      assert.equal(used.signCount, enrolled.signCount + 1, 'the key signed once more');
      assert.deepEqual(problems, [], 'no console errors, CORS or CSP refusals');
    } finally {
      await context.close();
    }
  });
});
