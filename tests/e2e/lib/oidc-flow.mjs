// The relying party's side of an OpenID Connect authorization code flow, headless and in node:crypto only:
// PKCE pairs, authorization URLs, the browser's redirect walk through the test provider (lib/oidc-provider.mjs) with
// a cookie jar, the token request and ID token verification against the provider's JWKS. Custos is the relying party
// in the real tests; the self-test (oidc-provider.test.mjs) plays it with these helpers.
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';

const MAX_REDIRECTS = 20;

/** A PKCE pair: a random `verifier` and its S256 `challenge`. */
export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url'), method: 'S256' };
}

/** `<issuer>/auth?...` for a code flow; `params` are added as they are (state, nonce, code_challenge, prompt, ...). */
export function authorizationUrl(issuer, { clientId, redirectUri, scope = 'openid email profile', ...params }) {
  const url = new URL('/auth', issuer);
  url.search = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope, ...params }).toString();
  return url.toString();
}

/** A cookie jar for one origin: name → value, path and expiry ignored (the provider's cookie names differ per use). */
export function cookieJar() {
  const cookies = new Map();
  return {
    cookies,
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    store(response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair, ...attributes] = line.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq).trim();
        const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()));
        if (expired) cookies.delete(name);
        else cookies.set(name, pair.slice(eq + 1).trim());
      }
    },
  };
}

/**
 * Follows an authorization request the way a browser would, signing in as `account` (sub or email) and allowing
 * consent, and returns the URL the provider finally redirects to outside itself (the client's redirect_uri with
 * `code` and `state`, or `error`), without requesting it. Options: `account` (default: the first account),
 * `consent` ('allow' (default) or 'deny'), `jar` (reuse a jar, e.g. to keep the provider's session for a second
 * sign-in), `onStep(url)` (sees every URL requested).
 */
export async function signIn(issuer, authorizeUrl, { account, consent = 'allow', jar = cookieJar(), onStep } = {}) {
  const origin = new URL(issuer).origin;
  let url = new URL(authorizeUrl, issuer).toString();
  for (let i = 0; i < MAX_REDIRECTS; i++) {
    if (new URL(url).origin !== origin) return url;
    onStep?.(url);
    const interaction = /^\/interaction\/([^/]+)$/.exec(new URL(url).pathname);
    if (interaction) url = await nextInteractionStep(url, interaction[1], { account, consent, jar });
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`the provider answered ${response.status} at ${url} instead of redirecting: ${(await response.text()).slice(0, 500)}`);
    }
    url = new URL(location, url).toString();
  }
  throw new Error(`more than ${MAX_REDIRECTS} redirects from ${authorizeUrl}`);
}

/** Reads the interaction's prompt and picks the link a person would click. */
async function nextInteractionStep(url, uid, { account, consent, jar }) {
  const response = await fetch(url, { headers: { cookie: jar.header(), accept: 'application/json' } });
  jar.store(response);
  if (!response.ok) throw new Error(`interaction ${uid}: ${response.status} ${await response.text()}`);
  const { prompt, accounts } = await response.json();
  if (prompt.name === 'login') {
    const id = account ?? accounts[0]?.sub;
    return `${url}/login?account=${encodeURIComponent(id)}`;
  }
  return `${url}/${consent === 'deny' ? 'abort' : 'consent'}`;
}

/**
 * POSTs to the token endpoint. `auth` is 'client_secret_basic' (default) or 'client_secret_post'. Returns
 * `{ status, body }` without throwing, so a test can check the provider's refusals (invalid_grant, ...).
 */
export async function exchangeCode(tokenEndpoint, { clientId, clientSecret, code, redirectUri, codeVerifier, auth = 'client_secret_basic' }) {
  const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
  if (codeVerifier !== undefined) form.set('code_verifier', codeVerifier);
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (auth === 'client_secret_post') {
    form.set('client_id', clientId);
    form.set('client_secret', clientSecret);
  } else {
    // RFC 6749 2.3.1: both parts are form-urlencoded before the Basic encoding.
    const encode = (s) => encodeURIComponent(s).replace(/%20/g, '+');
    headers.authorization = `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
  }
  const response = await fetch(tokenEndpoint, { method: 'POST', headers, body: form });
  return { status: response.status, body: await response.json() };
}

const JWS_ALGORITHMS = {
  RS256: { hash: 'sha256', kty: 'RSA' },
  ES256: { hash: 'sha256', kty: 'EC', dsaEncoding: 'ieee-p1363' },
};

/**
 * Verifies a compact JWS (RS256 or ES256) with the JWKS key its header's `kid` names and returns
 * `{ header, payload }`; throws when the key is unknown, the algorithm does not fit the key or the signature is wrong.
 */
export function verifyJwt(token, jwks) {
  const [h, p, s] = token.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  const alg = JWS_ALGORITHMS[header.alg];
  if (!alg) throw new Error(`unsupported alg ${header.alg}`);
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk || jwk.kty !== alg.kty) throw new Error(`no ${alg.kty} key ${header.kid} in the JWKS`);
  const key = { key: createPublicKey({ key: jwk, format: 'jwk' }), ...(alg.dsaEncoding ? { dsaEncoding: alg.dsaEncoding } : {}) };
  if (!verify(alg.hash, Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))) throw new Error('bad JWS signature');
  return { header, payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) };
}
