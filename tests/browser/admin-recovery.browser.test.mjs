// An admin recovery link in Chromium under Kratos's quickstart recovery settings (recovery.use: code, the link
// method enabled too): the link an admin hands out signs the browser in and opens the built-in settings page with
// the "recovered" message, where the person sets a new password.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useServer } from '../e2e/lib/server.mjs';
import { newPage, screenshot, useBrowser } from './lib/browser.mjs';
import { expectSignedIn, messageIds, PASSWORD, RECOVERED_PASSWORD, signIn, signOut } from './lib/journey.mjs';

const RECOVERED = 1060001;
const SETTINGS_SAVED = 1050001;

describe('admin recovery link in Chromium (recovery.use: code)', () => {
  const server = useServer({
    dev: true,
    config: ({ publicUrl }) => ({
      selfservice: {
        default_browser_return_url: `${publicUrl}/ui/welcome`,
        allowed_return_urls: [publicUrl],
        methods: { link: { enabled: true }, code: { enabled: true }, password: { config: { haveibeenpwned_enabled: false } } },
        flows: { recovery: { enabled: true, use: 'code' } },
      },
    }),
  });
  const chromium = useBrowser();

  test('the link signs in, opens settings with the recovered message, and the new password works', async () => {
    const { publicUrl, adminUrl } = await server.get();
    const email = `admin-link-${Date.now()}@example.com`;
    const created = await fetch(`${adminUrl}/admin/identities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ schema_id: 'default', traits: { email }, credentials: { password: { config: { password: PASSWORD } } } }),
    });
    assert.equal(created.status, 201);
    const linkResponse = await fetch(`${adminUrl}/admin/recovery/link`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identity_id: (await created.json()).id, expires_in: '10m' }),
    });
    assert.equal(linkResponse.status, 200);
    const { recovery_link: link } = await linkResponse.json();
    const { context, page, problems } = await newPage(await chromium.get());
    try {
      await page.goto(link);

      await page.waitForURL(/\/ui\/settings\?flow=/);
      assert.ok((await messageIds(page)).includes(RECOVERED), 'the settings page says the account was recovered');
      assert.ok((await context.cookies()).some((c) => c.name === 'ory_kratos_session'), 'the browser holds a session cookie');
      await screenshot(page, 'admin-recovery-link');
      await page.locator('section[data-group="password"]').getByLabel('Password').fill(RECOVERED_PASSWORD);
      await page.locator('section[data-group="password"]').getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      assert.ok((await messageIds(page)).includes(SETTINGS_SAVED), 'the new password is saved');
      await page.getByRole('link', { name: 'Home' }).click();
      await expectSignedIn(page, email);
      await signOut(page);
      await signIn(page, publicUrl, email, RECOVERED_PASSWORD);
      await expectSignedIn(page, email);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
