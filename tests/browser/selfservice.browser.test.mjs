// The built-in self-service UI in Debian's Chromium against the published server (out/custos), with the courier
// delivering to a real SMTP server (MailDev): a person registers, verifies the email with the code the email brings,
// signs out, mistypes the password, signs in, edits the profile, changes the password, recovers the account with an
// emailed code, sets a new password and signs in with it; the same sign-in also works with JavaScript disabled.
// Every page is captured as a screenshot (see lib/browser.mjs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useServer } from '../e2e/lib/server.mjs';
import { contrast, newPage, screenshot, useBrowser } from './lib/browser.mjs';
import {
  EMAIL_LABEL,
  expectSignedIn,
  messageIds,
  NEW_PASSWORD,
  PASSWORD,
  RECOVERED_PASSWORD,
  register,
  signIn,
  signOut,
  uiServerOptions,
} from './lib/journey.mjs';
import { codeIn, useMailDev } from './lib/maildev.mjs';

const INVALID_CREDENTIALS = 4000006;
const SETTINGS_SAVED = 1050001;
const RECOVERED = 1060001;
const RECOVERY_CODE_SENT = 1060003;
const VERIFIED = 1080002;
const VERIFICATION_CODE_SENT = 1080003;

describe('built-in UI in Chromium', () => {
  const mail = useMailDev();
  const server = useServer(uiServerOptions({ smtpUri: mail.smtpUri }));
  const chromium = useBrowser();
  const email = `ada-${Date.now()}@example.com`;

  test('register, verify the email, sign out, wrong password, sign in, change name and password, recover with the emailed code, sign in', async () => {
    const inbox = await mail.get();
    const { publicUrl, adminUrl } = await server.get();
    const { context, page, problems } = await newPage(await chromium.get());
    try {
      await page.goto(`${publicUrl}/ui/registration`);
      await screenshot(page, 'registration');
      await register(page, publicUrl, { email, first: 'Ada', last: 'Byron' });

      // show_verification_ui: the browser lands on the verification page of the flow whose code was just emailed.
      await page.waitForURL(/\/ui\/verification\?flow=/);
      assert.ok((await messageIds(page)).includes(VERIFICATION_CODE_SENT), 'the page says a code was emailed');
      const verificationMail = await inbox.waitFor(email, { subject: 'verify' });
      const verificationCode = codeIn(verificationMail.text);
      assert.ok(verificationMail.html.includes(verificationCode), 'the HTML part carries the code too');
      assert.ok(
        (await devMailboxTexts(context, publicUrl))[0].includes(verificationCode),
        'the dev mailbox shows the same message, newest first',
      );
      await page.getByLabel('Verification code').fill(verificationCode);
      await screenshot(page, 'verification');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(/\/ui\/verification\?flow=/);
      assert.ok((await messageIds(page)).includes(VERIFIED), 'the address is verified');
      await page.getByRole('link', { name: 'Continue' }).click();
      await expectSignedIn(page, email);
      assert.equal(await page.getByTestId('name').innerText(), 'Ada Byron');
      assert.equal(await page.getByTestId('address-status').innerText(), 'verified');
      const [identity] = await (await fetch(`${adminUrl}/admin/identities?credentials_identifier=${encodeURIComponent(email)}`)).json();
      assert.deepEqual(
        identity.verifiable_addresses.map((a) => [a.value, a.verified, a.status]),
        [[email, true, 'completed']],
        'the admin API agrees',
      );
      await screenshot(page, 'welcome');

      await signOut(page);
      await screenshot(page, 'login');
      await signIn(page, publicUrl, email, 'not the password');
      await page.waitForURL(/\/ui\/login\?flow=/);
      assert.ok((await messageIds(page)).includes(INVALID_CREDENTIALS), 'the invalid-credentials message is shown');
      assert.equal(await page.getByLabel(EMAIL_LABEL).inputValue(), email, 'the identifier is kept');
      await screenshot(page, 'login-error');

      await signIn(page, publicUrl, email, PASSWORD);
      await expectSignedIn(page, email);

      await page.getByRole('link', { name: 'Account settings' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      const profile = page.locator('section[data-group="profile"]');
      await profile.getByLabel('First name').fill('Augusta Ada');
      await profile.getByLabel('Last name').fill('King');
      await profile.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      assert.ok((await messageIds(page)).includes(SETTINGS_SAVED), 'the profile change is confirmed');
      assert.equal(await page.locator('section[data-group="profile"]').getByLabel('First name').inputValue(), 'Augusta Ada');
      await screenshot(page, 'settings');

      await changePassword(page, NEW_PASSWORD);
      await page.getByRole('link', { name: 'Home' }).click();
      await expectSignedIn(page, email);
      assert.equal(await page.getByTestId('name').innerText(), 'Augusta Ada King');
      await signOut(page);
      await signIn(page, publicUrl, email, PASSWORD);
      await page.waitForURL(/\/ui\/login\?flow=/);
      assert.ok((await messageIds(page)).includes(INVALID_CREDENTIALS), 'the old password no longer works');
      await signIn(page, publicUrl, email, NEW_PASSWORD);
      await expectSignedIn(page, email);
      await signOut(page);

      // Forgot the new password: recover the account with a code sent by email.
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.waitForURL(/\/ui\/recovery\?flow=/);
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(/\/ui\/recovery\?flow=/);
      assert.ok((await messageIds(page)).includes(RECOVERY_CODE_SENT), 'the page says a code was emailed');
      const recoveryMail = await inbox.waitFor(email, { subject: 'recover', seen: [verificationMail.id] });
      await page.getByLabel('Recovery code').fill(codeIn(recoveryMail.text));
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      assert.ok((await messageIds(page)).includes(RECOVERED), 'the settings page says the account was recovered');
      await page.locator('section[data-group="password"]').getByLabel('Password').fill(RECOVERED_PASSWORD);
      await screenshot(page, 'recovery');
      await page.locator('section[data-group="password"]').getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/ui\/settings\?flow=/);
      assert.ok((await messageIds(page)).includes(SETTINGS_SAVED), 'the new password is saved');
      await page.getByRole('link', { name: 'Home' }).click();
      await expectSignedIn(page, email);
      await signOut(page);

      await signIn(page, publicUrl, email, NEW_PASSWORD);
      await page.waitForURL(/\/ui\/login\?flow=/);
      assert.ok((await messageIds(page)).includes(INVALID_CREDENTIALS), 'the password from before the recovery no longer works');
      await signIn(page, publicUrl, email, RECOVERED_PASSWORD);
      await expectSignedIn(page, email);

      await checkDevMailbox(page, publicUrl, email, recoveryMail);
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    } finally {
      await context.close();
    }
  });

  test('sign in with JavaScript disabled (plain form posts)', async () => {
    const { publicUrl } = await server.get();
    const { context, page } = await newPage(await chromium.get(), { javaScriptEnabled: false });
    try {
      await signIn(page, publicUrl, email, RECOVERED_PASSWORD);
      await expectSignedIn(page, email);
      await screenshot(page, 'welcome-no-js');
      await signOut(page);
    } finally {
      await context.close();
    }
  });

  test('revoke another session from the welcome page', async () => {
    const { publicUrl } = await server.get();
    const browser = await chromium.get();
    const laptop = await newPage(browser);
    const phone = await newPage(browser);
    try {
      await signIn(phone.page, publicUrl, email, RECOVERED_PASSWORD);
      await expectSignedIn(phone.page, email);
      await signIn(laptop.page, publicUrl, email, RECOVERED_PASSWORD);
      await expectSignedIn(laptop.page, email);
      const others = laptop.page.getByTestId('other-session');
      assert.ok((await others.count()) >= 1, 'the phone session is listed');

      await laptop.page.getByRole('button', { name: 'Sign out all other sessions' }).click();
      await laptop.page.waitForURL(/notice=revoked-others/);
      assert.equal(await laptop.page.getByTestId('other-session').count(), 0);
      await phone.page.reload();
      await phone.page.waitForURL(/\/ui\/login\?flow=/);
    } finally {
      await laptop.context.close();
      await phone.context.close();
    }
  });

  test('login page at phone width: usable by keyboard, readable contrast', async () => {
    const { publicUrl } = await server.get();
    const { context, page } = await newPage(await chromium.get(), { viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${publicUrl}/ui/login`);
      await page.waitForURL(/\/ui\/login\?flow=/);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `no horizontal scrolling at phone width (scrollWidth ${width})`);
      await screenshot(page, 'login-phone');

      await page.getByLabel(EMAIL_LABEL).focus();
      await page.keyboard.type(email);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('name')), 'password');
      await page.keyboard.type(RECOVERED_PASSWORD);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Sign in with password');
      await page.keyboard.press('Enter');
      await expectSignedIn(page, email);

      await page.goto(`${publicUrl}/ui/settings`);
      await page.waitForURL(/\/ui\/settings\?flow=/);
      const colours = await page.evaluate(() => {
        const style = (sel) => getComputedStyle(document.querySelector(sel));
        return {
          button: [style('.button.primary').color, style('.button.primary').backgroundColor],
          body: [style('body').color, style('main').backgroundColor],
          intro: [style('.intro').color, style('main').backgroundColor],
        };
      });
      for (const [what, [fg, bg]] of Object.entries(colours)) {
        assert.ok(contrast(fg, bg) >= 4.5, `${what}: contrast ${contrast(fg, bg).toFixed(2)} of ${fg} on ${bg} is at least 4.5`);
      }
    } finally {
      await context.close();
    }
  });

  test('error page', async () => {
    const { publicUrl } = await server.get();
    const { context, page, problems } = await newPage(await chromium.get());
    try {
      const error = await page.goto(`${publicUrl}/ui/error?id=stub:500`);
      assert.equal(error.status(), 200);
      assert.match(await page.locator('.message-error').innerText(), /internal server error/i);
      await screenshot(page, 'error');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

async function changePassword(page, password) {
  const section = page.locator('section[data-group="password"]');
  await section.getByLabel('Password').fill(password);
  await section.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/ui\/settings\?flow=/);
  assert.ok((await messageIds(page)).includes(SETTINGS_SAVED), 'the password change is confirmed');
}

/** The plaintext of the messages /ui/dev/mailbox lists, newest first, read in a second tab. */
async function devMailboxTexts(context, publicUrl) {
  const tab = await context.newPage();
  try {
    await tab.goto(`${publicUrl}/ui/dev/mailbox`);
    return await tab.getByTestId('mail-text').allInnerTexts();
  } finally {
    await tab.close();
  }
}

/**
 * The dev mailbox lists both emails, newest first, with their plaintext and their HTML body in a frame that is
 * sandboxed (no scripts, no same origin) and still styled by the email's own inline styles.
 */
async function checkDevMailbox(page, publicUrl, email, recoveryMail) {
  const response = await page.goto(`${publicUrl}/ui/dev/mailbox`);
  assert.equal(response.status(), 200);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Dev mailbox');
  const mails = page.getByTestId('mail').filter({ hasText: email });
  assert.equal(await mails.count(), 2, 'the verification and the recovery email are listed');
  const newest = mails.first();
  assert.equal(await newest.locator('.subject').innerText(), recoveryMail.subject);
  assert.ok((await newest.getByTestId('mail-text').innerText()).includes(codeIn(recoveryMail.text)));

  const frame = newest.getByTestId('mail-html');
  const sandbox = (await frame.getAttribute('sandbox')).split(/\s+/);
  assert.ok(!sandbox.includes('allow-scripts') && !sandbox.includes('allow-same-origin'), `sandbox="${sandbox.join(' ')}"`);
  const body = frame.contentFrame().locator('body');
  await body.getByText(codeIn(recoveryMail.text)).waitFor();
  const styled = await body.evaluate((b) => ({ background: getComputedStyle(b).backgroundColor, origin: b.ownerDocument.defaultView.origin }));
  assert.equal(styled.background, 'rgb(244, 245, 247)', "the email's inline styles apply inside the frame");
  assert.equal(styled.origin, 'null', 'the frame has an opaque origin');
  await screenshot(page, 'mailbox');
}
