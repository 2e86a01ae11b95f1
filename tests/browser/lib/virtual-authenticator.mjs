// Chromium's virtual WebAuthn authenticators through the DevTools protocol (Playwright's CDP session): the page's
// navigator.credentials talks to a software authenticator that Chromium runs itself, so the built-in UI and
// /.well-known/ory/webauthn.js do the real ceremonies, and the test can read back what the authenticator holds.
//
// WebAuthn needs a secure context and an RP id the page's origin belongs to: visit the UI as http://localhost:<port>
// (localhost is a secure context over plain HTTP; 127.0.0.1 is not a valid RP id) with rp.id `localhost`.

/**
 * A platform authenticator with discoverable credentials and user verification, as a phone or laptop that keeps
 * passkeys (CTAP 2, transport `internal`).
 */
export const PASSKEY_AUTHENTICATOR = {
  protocol: 'ctap2',
  transport: 'internal',
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  automaticPresenceSimulation: true,
};

/** A roaming security key on USB (CTAP 2, cross-platform): no user verification, credentials not discoverable. */
export const SECURITY_KEY_AUTHENTICATOR = {
  protocol: 'ctap2',
  transport: 'usb',
  hasResidentKey: false,
  hasUserVerification: false,
  isUserVerified: false,
  automaticPresenceSimulation: true,
};

/**
 * Adds a virtual authenticator to `page` (it stays across the page's navigations, and goes with the page). Returns
 * `{ id, credentials(), remove() }`; `credentials()` lists what the authenticator stores (WebAuthn.getCredentials:
 * credentialId, isResidentCredential, rpId, userHandle, signCount, ...).
 */
export async function addVirtualAuthenticator(context, page, options = PASSKEY_AUTHENTICATOR) {
  const cdp = await context.newCDPSession(page);
  // No browser UI: requests are answered by the virtual authenticator alone.
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', { options });
  return {
    id: authenticatorId,
    async credentials() {
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      return credentials;
    },
    async remove() {
      await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
      await cdp.detach();
    },
  };
}

/** `http://localhost:<port>` for the harness's `http://127.0.0.1:<port>`: the origin WebAuthn accepts. */
export function localhostUrl(url) {
  const u = new URL(url);
  u.hostname = 'localhost';
  return u.origin;
}
