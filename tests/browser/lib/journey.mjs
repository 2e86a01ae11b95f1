// Steps of the self-service journeys, written as a person uses the built-in UI: labels, buttons and links only.
import assert from 'node:assert/strict';

/** The label of the email trait in the harness's identity schema (tests/e2e/lib/server.mjs PERSON_SCHEMA). */
export const EMAIL_LABEL = 'E-Mail';

export const PASSWORD = 'correct horse battery staple 42';
export const NEW_PASSWORD = 'a brand new passphrase 2026';

/** The server options: the built-in UI for every page (the harness otherwise points return URLs at :4455). */
export function uiServerOptions(extra = {}) {
  return {
    dev: true,
    config: ({ publicUrl }) => ({
      selfservice: {
        default_browser_return_url: `${publicUrl}/ui/welcome`,
        allowed_return_urls: [publicUrl],
        flows: { registration: { after: { password: { hooks: [{ hook: 'session' }] } } } },
      },
      ...extra,
    }),
  };
}

export async function register(page, baseUrl, { email, first, last, password = PASSWORD }) {
  await page.goto(`${baseUrl}/ui/registration`);
  await page.getByLabel(EMAIL_LABEL).fill(email);
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByRole('button', { name: 'Sign up' }).click();
  // Profile first: the second screen asks for the password.
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).first().click();
  await page.waitForURL(/\/ui\/welcome/);
}

export async function signIn(page, baseUrl, email, password) {
  await page.goto(`${baseUrl}/ui/login`);
  await page.waitForURL(/\/ui\/login\?flow=/);
  await page.getByLabel(EMAIL_LABEL).fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
}

export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL(/\/ui\/login\?flow=/);
}

export async function expectSignedIn(page, email) {
  await page.waitForURL(/\/ui\/welcome/);
  assert.equal((await page.getByTestId('signed-in-as').innerText()).trim(), `Signed in as ${email}`);
}

/** The ids of the Kratos messages shown on the page (data-message-id). */
export async function messageIds(page) {
  return page.locator('[data-message-id]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-message-id'))));
}
