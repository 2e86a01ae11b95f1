// Steps of the self-service journeys, written as a person uses the built-in UI: labels, buttons and links only.
import assert from 'node:assert/strict';

/** The label of the email trait in the harness's identity schema (tests/e2e/lib/server.mjs PERSON_SCHEMA). */
export const EMAIL_LABEL = 'E-Mail';

export const PASSWORD = 'correct horse battery staple 42';
export const NEW_PASSWORD = 'a brand new passphrase 2026';
/** The password set after recovering the account with an emailed code. */
export const RECOVERED_PASSWORD = 'recovered at last, passphrase 7';

/**
 * The server options: the built-in UI for every page (the harness otherwise points return URLs at :4455), the dev
 * mailbox, verification and recovery by emailed code, and the courier worker delivering to `smtpUri()` (a MailDev).
 * Registration signs in and then shows the verification page, as `show_verification_ui` does in Kratos.
 */
export function uiServerOptions({ smtpUri }) {
  return {
    dev: true,
    watchCourier: true,
    config: ({ publicUrl }) => ({
      selfservice: {
        default_browser_return_url: `${publicUrl}/ui/welcome`,
        allowed_return_urls: [publicUrl],
        methods: { password: { config: { haveibeenpwned_enabled: false } } },
        flows: {
          registration: { after: { password: { hooks: [{ hook: 'session' }, { hook: 'show_verification_ui' }] } } },
          verification: { enabled: true, use: 'code' },
          recovery: { enabled: true, use: 'code' },
        },
      },
      courier: { smtp: { connection_uri: smtpUri(), from_address: 'accounts@custos.test' }, worker: { pull_wait: '100ms' } },
    }),
  };
}

/** Registers on /ui/registration (profile first, then the password); ends wherever the flow sends the browser. */
export async function register(page, baseUrl, { email, first, last, password = PASSWORD }) {
  await page.goto(`${baseUrl}/ui/registration`);
  await page.getByLabel(EMAIL_LABEL).fill(email);
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByRole('button', { name: 'Sign up' }).click();
  // Profile first: the second screen asks for the password.
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).first().click();
  await page.waitForURL((url) => !/\/ui\/registration/.test(url.pathname));
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
