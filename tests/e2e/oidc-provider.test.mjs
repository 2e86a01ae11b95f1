// The test OpenID Provider (lib/oidc-provider.mjs, panva's oidc-provider) checked on its own, with no Custos:
// discovery, JWKS, the headless authorization code + PKCE walk (lib/oidc-flow.mjs) to a recording redirect_uri,
// the token request with both client authentication methods, ID tokens verified with node:crypto, userinfo,
// and the provider's refusals (a wrong code_verifier, a missing code_challenge, a replayed code).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { ALICE, useOidcProvider } from './lib/oidc-provider.mjs';
import { authorizationUrl, exchangeCode, pkcePair, verifyJwt } from './lib/oidc-flow.mjs';

/** The relying party's callback: a loopback server that records each request's query and answers 200. */
async function startCallbackServer() {
  const received = [];
  const server = http.createServer((req, res) => {
    received.push(Object.fromEntries(new URL(req.url, 'http://rp.invalid').searchParams));
    res.end('ok');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, received, stop: () => new Promise((resolve) => server.close(resolve)) };
}

const BOB = { sub: 'bob-0002', email: 'bob@example.org', email_verified: false, name: 'Bob Builder', given_name: 'Bob', family_name: 'Builder' };

describe('OpenID Provider (test harness)', () => {
  let rp;
  before(async () => {
    rp = await startCallbackServer();
  });
  after(() => rp?.stop());
  const callback = (provider) => `${rp.base}/self-service/methods/oidc/callback/${provider}`;
  const secret = randomBytes(16).toString('hex');
  // The clients need the callback server's port: the options are a function, called on first use (after `before`).
  const op = useOidcProvider(() => ({
    accounts: [ALICE, BOB],
    clients: [
      { client_id: 'custos-basic', client_secret: secret, redirect_uris: [callback('basic')] },
      { client_id: 'custos-post', client_secret: secret, redirect_uris: [callback('post')], token_endpoint_auth_method: 'client_secret_post', id_token_signed_response_alg: 'ES256' },
    ],
  }));
  const provider = () => op.get();

  /** Sign in through the provider as `account` and return the callback's query plus what was sent. */
  async function authorize(clientId, name, account, extra = {}) {
    const op = await provider();
    const pkce = pkcePair();
    const state = randomBytes(8).toString('hex');
    const nonce = randomBytes(8).toString('hex');
    const url = authorizationUrl(op.issuer, {
      clientId, redirectUri: callback(name), state, nonce, code_challenge: pkce.challenge, code_challenge_method: 'S256', ...extra,
    });
    const final = new URL(await op.signIn(url, { account }));
    const hit = await fetch(final); // the browser's last hop lands on the relying party's callback
    assert.equal(hit.status, 200);
    return { op, pkce, state, nonce, final, query: rp.received.at(-1) };
  }

  test('discovery advertises the code flow, S256 PKCE, both client secret methods and RS256/ES256', async () => {
    const op = await provider();
    const doc = await (await fetch(`${op.issuer}/.well-known/openid-configuration`)).json();
    assert.equal(doc.issuer, op.issuer);
    assert.match(op.issuer, /^http:\/\/127\.0\.0\.1:\d+$/);
    for (const key of ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'jwks_uri']) {
      assert.ok(doc[key].startsWith(`${op.issuer}/`), `${key}: ${doc[key]}`);
    }
    assert.deepEqual(doc.response_types_supported, ['code']);
    assert.deepEqual(doc.code_challenge_methods_supported, ['S256']);
    assert.ok(doc.grant_types_supported.includes('authorization_code'));
    for (const m of ['client_secret_basic', 'client_secret_post']) assert.ok(doc.token_endpoint_auth_methods_supported.includes(m), m);
    for (const alg of ['RS256', 'ES256']) assert.ok(doc.id_token_signing_alg_values_supported.includes(alg), alg);
    for (const scope of ['openid', 'email', 'profile']) assert.ok(doc.scopes_supported.includes(scope), scope);
    for (const claim of ['sub', 'email', 'email_verified', 'given_name', 'family_name', 'picture', 'hd']) assert.ok(doc.claims_supported.includes(claim), claim);
  });

  test('the JWKS holds public RS256 and ES256 signing keys only', async () => {
    const op = await provider();
    const doc = await (await fetch(`${op.issuer}/.well-known/openid-configuration`)).json();
    const { keys } = await (await fetch(doc.jwks_uri)).json();
    assert.deepEqual(keys.map((k) => k.alg).sort(), ['ES256', 'RS256']);
    for (const key of keys) {
      assert.equal(key.use, 'sig');
      assert.ok(key.kid);
      for (const priv of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.equal(key[priv], undefined, `${key.alg} exposes ${priv}`);
    }
  });

  test('authorization code + PKCE round trip: code at the callback, token with client_secret_basic, RS256 id_token, userinfo', async () => {
    const { op, pkce, state, nonce, final, query } = await authorize('custos-basic', 'basic', 'alice@example.com');
    assert.equal(final.pathname, '/self-service/methods/oidc/callback/basic');
    assert.equal(query.state, state);
    assert.equal(query.iss, op.issuer); // RFC 9207, oidc-provider sends it
    assert.ok(query.code);

    const doc = await (await fetch(`${op.issuer}/.well-known/openid-configuration`)).json();
    const token = await exchangeCode(doc.token_endpoint, {
      clientId: 'custos-basic', clientSecret: secret, code: query.code, redirectUri: callback('basic'), codeVerifier: pkce.verifier,
    });
    assert.equal(token.status, 200, JSON.stringify(token.body));
    assert.equal(token.body.token_type, 'Bearer');
    assert.ok(token.body.access_token);

    const jwks = await (await fetch(doc.jwks_uri)).json();
    const { header, payload } = verifyJwt(token.body.id_token, jwks);
    assert.equal(header.alg, 'RS256');
    assert.equal(payload.iss, op.issuer);
    assert.equal(payload.aud, 'custos-basic');
    assert.equal(payload.sub, ALICE.sub);
    assert.equal(payload.nonce, nonce);
    assert.equal(payload.email, ALICE.email);
    assert.equal(payload.email_verified, true);
    assert.equal(payload.given_name, 'Alice');
    assert.equal(payload.family_name, 'Liddell');
    assert.equal(payload.picture, ALICE.picture);
    assert.equal(payload.hd, 'example.com');
    assert.ok(payload.exp > Date.now() / 1000);

    const tampered = `${token.body.id_token.slice(0, -4)}AAAA`;
    assert.throws(() => verifyJwt(tampered, jwks), /bad JWS signature/);

    const info = await fetch(doc.userinfo_endpoint, { headers: { authorization: `Bearer ${token.body.access_token}` } });
    assert.equal(info.status, 200);
    const claims = await info.json();
    assert.equal(claims.sub, ALICE.sub);
    assert.equal(claims.email, ALICE.email);
    assert.equal(claims.name, ALICE.name);
  });

  test('client_secret_post client gets an ES256 id_token for the account it picked', async () => {
    const { op, pkce, nonce, query } = await authorize('custos-post', 'post', BOB.sub);
    const doc = await (await fetch(`${op.issuer}/.well-known/openid-configuration`)).json();
    const base = { clientId: 'custos-post', clientSecret: secret, code: query.code, redirectUri: callback('post'), codeVerifier: pkce.verifier };
    const wrongSecret = await exchangeCode(doc.token_endpoint, { ...base, clientSecret: 'not-the-secret', auth: 'client_secret_post' });
    assert.equal(wrongSecret.status, 401, JSON.stringify(wrongSecret.body));
    assert.equal(wrongSecret.body.error, 'invalid_client');

    const token = await exchangeCode(doc.token_endpoint, { ...base, auth: 'client_secret_post' });
    assert.equal(token.status, 200, JSON.stringify(token.body));
    const { header, payload } = verifyJwt(token.body.id_token, await (await fetch(doc.jwks_uri)).json());
    assert.equal(header.alg, 'ES256');
    assert.equal(payload.sub, BOB.sub);
    assert.equal(payload.email, BOB.email);
    assert.equal(payload.email_verified, false);
    assert.equal(payload.nonce, nonce);
    assert.equal(payload.aud, 'custos-post');
  });

  test('a wrong or missing code_verifier is refused with invalid_grant; the right one still redeems the code, once', async () => {
    const { op, pkce, query } = await authorize('custos-basic', 'basic', ALICE.sub);
    const doc = await (await fetch(`${op.issuer}/.well-known/openid-configuration`)).json();
    const base = { clientId: 'custos-basic', clientSecret: secret, code: query.code, redirectUri: callback('basic') };
    const wrong = await exchangeCode(doc.token_endpoint, { ...base, codeVerifier: pkcePair().verifier });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error, 'invalid_grant');
    const missing = await exchangeCode(doc.token_endpoint, { ...base });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error, 'invalid_grant');
    assert.ok(op.events.some((e) => /code_verifier does not match code_challenge/.test(e.error)), JSON.stringify(op.events));
    // The PKCE check comes before the code is consumed, so the right verifier still works, and only once.
    const right = await exchangeCode(doc.token_endpoint, { ...base, codeVerifier: pkce.verifier });
    assert.equal(right.status, 200, JSON.stringify(right.body));
    const replay = await exchangeCode(doc.token_endpoint, { ...base, codeVerifier: pkce.verifier });
    assert.equal(replay.status, 400);
    assert.equal(replay.body.error, 'invalid_grant');
  });

  test('a request without code_challenge comes back to the callback with an error, not a code', async () => {
    const op = await provider();
    const url = authorizationUrl(op.issuer, { clientId: 'custos-basic', redirectUri: callback('basic'), state: 's1' });
    const final = new URL(await op.signIn(url));
    assert.equal(final.searchParams.get('error'), 'invalid_request');
    assert.match(final.searchParams.get('error_description'), /PKCE/);
    assert.equal(final.searchParams.get('state'), 's1');
    assert.equal(final.searchParams.get('code'), null);
  });

  test('denying consent returns access_denied to the callback; the state is passed through untouched', async () => {
    const op = await provider();
    const state = 'not-checked-by-the-provider';
    const url = authorizationUrl(op.issuer, { clientId: 'custos-basic', redirectUri: callback('basic'), state, code_challenge: pkcePair().challenge, code_challenge_method: 'S256' });
    const final = new URL(await op.signIn(url, { account: ALICE.email, consent: 'deny' }));
    assert.equal(final.searchParams.get('error'), 'access_denied');
    assert.equal(final.searchParams.get('state'), state);
  });

  test('the interaction page lists one sign-in link per account for a browser', async () => {
    const op = await provider();
    const url = authorizationUrl(op.issuer, { clientId: 'custos-basic', redirectUri: callback('basic'), state: 'x', code_challenge: pkcePair().challenge, code_challenge_method: 'S256' });
    const res = await fetch(url, { redirect: 'manual' });
    assert.equal(res.status, 303);
    const page = await fetch(new URL(res.headers.get('location'), op.issuer), { headers: { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') } });
    const html = await page.text();
    assert.equal(page.status, 200, html);
    assert.match(html, /Sign in as alice@example\.com/);
    assert.match(html, /Sign in as bob@example\.org/);
    const unknown = await op.signIn(url, { account: 'nobody@example.com' }).catch((e) => e);
    assert.match(String(unknown), /400.*no test account/);
  });
});

describe('OpenID Provider (test harness) with pkce: optional', () => {
  const redirectUri = 'http://127.0.0.1:9/self-service/methods/oidc/callback/nopkce';
  const op = useOidcProvider({ pkce: 'optional', clients: [{ client_id: 'no-pkce', client_secret: 'secret', redirect_uris: [redirectUri] }] });

  test('a request without code_challenge gets a code that redeems without code_verifier', async () => {
    const provider = await op.get();
    const final = new URL(await provider.signIn(authorizationUrl(provider.issuer, { clientId: 'no-pkce', redirectUri, state: 's', nonce: 'n' })));
    assert.equal(final.searchParams.get('error'), null, final.toString());
    const code = final.searchParams.get('code');
    assert.ok(code);
    const token = await exchangeCode(`${provider.issuer}/token`, { clientId: 'no-pkce', clientSecret: 'secret', code, redirectUri });
    assert.equal(token.status, 200, JSON.stringify(token.body));
    assert.equal(verifyJwt(token.body.id_token, await (await fetch(`${provider.issuer}/jwks`)).json()).payload.sub, ALICE.sub);
  });
});
