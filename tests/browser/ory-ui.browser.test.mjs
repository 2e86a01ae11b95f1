// Ory's own reference UI (kratos-selfservice-ui-node, vendored in tests/ory-ui) against the published Custos in
// Chromium: every selfservice ui_url points at it, and a person signs up, sees the signed-in pages, changes a name in
// settings, signs out, signs in again and mistypes the password, through the UI's links, labels and buttons only.
// Custos and the UI run on different ports of 127.0.0.1, so the browser sends Custos's cookies to both (cookies do not
// look at ports), and the UI reads the session by forwarding them to Custos's whoami.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useServer } from '../e2e/lib/server.mjs';
import { newPage, screenshot, useBrowser } from './lib/browser.mjs';
import { PASSWORD } from './lib/journey.mjs';
import { useOryUi } from './lib/ory-ui.mjs';

/** Kratos's text for message 4000006 (text.NewErrorValidationInvalidCredentials). */
const INVALID_CREDENTIALS =
  'The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.';

describe("Ory's reference UI (kratos-selfservice-ui-node) in Chromium", () => {
  const ui = useOryUi();
  const server = useServer({
    config: () => {
      const at = (path) => `${ui.url()}${path}`;
      return {
        selfservice: {
          default_browser_return_url: at('/welcome'),
          allowed_return_urls: [ui.url()],
          methods: { password: { config: { haveibeenpwned_enabled: false } } },
          flows: {
            login: { ui_url: at('/login') },
            registration: { ui_url: at('/registration'), after: { password: { hooks: [{ hook: 'session' }] } } },
            settings: { ui_url: at('/settings') },
            recovery: { enabled: true, ui_url: at('/recovery') },
            verification: { enabled: true, ui_url: at('/verification') },
            error: { ui_url: at('/error') },
            logout: { after: { default_browser_return_url: at('/login') } },
          },
        },
      };
    },
  });
  const chromium = useBrowser();
  // The UI's elements tag each Kratos message with data-testid="ui/message/<id>".
  const messageIds = (page) =>
    page.locator('[data-testid^="ui/message/"]').evaluateAll((els) => els.map((e) => Number(e.dataset.testid.split('/').pop())));

  test('sign up, signed-in pages, settings, sign out, sign in, and a wrong password', async () => {
    const custos = await server.get();
    const { url } = await ui.get(custos.publicUrl);
    const { context, page, problems } = await newPage(await chromium.get());
    // The UI's menu opens its links in a new tab (target=_blank); the test follows them in the same tab.
    const linkTarget = async (name) => new URL(await page.getByRole('link', { name }).getAttribute('href'), page.url()).href;
    const follow = async (name) => page.goto(await linkTarget(name));
    const custosRequests = [];
    page.on('request', (r) => r.url().startsWith(custos.publicUrl) && custosRequests.push(`${r.method()} ${r.url().slice(custos.publicUrl.length)}`));
    page.setDefaultTimeout(10_000);
    const email = `ory-ui-${Date.now()}@example.com`;
    try {
      // Anonymous: the welcome page offers "Sign In", which starts a login flow through Custos.
      await page.goto(`${url}/welcome`);
      await follow('Sign In');
      await page.waitForURL((u) => u.href.startsWith(`${url}/login?flow=`));
      assert.ok(
        custosRequests.includes('GET /self-service/login/browser?aal=&refresh=&return_to=&organization=&via='),
        `the UI started the login flow with its empty parameters; Custos saw: ${custosRequests.join(', ')}`,
      );
      await screenshot(page, 'ory-ui-login');

      // Sign up: "Sign up" on the login card, the profile first, then the password.
      await page.getByRole('link', { name: 'Sign up' }).click();
      await page.waitForURL((u) => u.href.startsWith(`${url}/registration?flow=`));
      await page.getByLabel(/^E-Mail/).fill(email);
      await page.getByLabel(/^First name/).fill('Ada');
      await page.getByLabel(/^Last name/).fill('Lovelace');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await screenshot(page, 'ory-ui-registration-password');
      await page.getByRole('button', { name: 'Sign up' }).first().click();

      // Signed in: the welcome page's menu offers "Log out" instead of "Sign In", and the session page names the person.
      await page.waitForURL(`${url}/welcome`);
      await screenshot(page, 'ory-ui-welcome');
      await follow('Session Information');
      await page.getByText(`you are currently logged in as ${email}`).waitFor();
      await screenshot(page, 'ory-ui-session');

      // Settings: the profile form saves a new last name.
      await follow('Account Settings');
      await page.waitForURL((u) => u.href.startsWith(`${url}/settings?flow=`));
      await page.getByLabel(/^Last name/).fill('Byron');
      await page.locator('form[data-testid="profile-settings-card"]').getByRole('button', { name: 'Save' }).click();
      await page.getByText('Your changes have been saved!').waitFor();
      await screenshot(page, 'ory-ui-settings-saved');
      await follow('Back');
      await follow('Session Information');
      await page.getByText('{"first":"Ada","last":"Byron"}').waitFor();

      // Sign out: Kratos's logout URL from the menu lands on a fresh login page, with no error on it.
      const logoutUrl = await linkTarget('Log out');
      assert.match(logoutUrl, new RegExp(`^${custos.publicUrl}/self-service/logout\\?token=`));
      await page.goto(logoutUrl);
      await page.waitForURL((u) => u.href.startsWith(`${url}/login?flow=`));
      assert.ok(!(await context.cookies()).some((c) => c.name === 'ory_kratos_session'), 'the session cookie is gone');
      assert.deepEqual(await messageIds(page), [], 'the login page shows no message');

      // Sign in again with the password.
      await page.getByLabel(/^E-Mail/).fill(email);
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${url}/welcome`);
      await follow('Session Information');
      await page.getByText(`you are currently logged in as ${email}`).waitFor();

      // A wrong password: signed out, the login page shows Kratos's message.
      await follow('Log out');
      await page.waitForURL((u) => u.href.startsWith(`${url}/login?flow=`));
      await page.getByLabel(/^E-Mail/).fill(email);
      await page.getByLabel(/^Password/).fill('not the password at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText(INVALID_CREDENTIALS).waitFor();
      assert.deepEqual(await messageIds(page), [4000006], 'exactly the one message, with its Kratos id');
      assert.match(page.url(), new RegExp(`^${url}/login\\?flow=`));
      await screenshot(page, 'ory-ui-wrong-password');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
