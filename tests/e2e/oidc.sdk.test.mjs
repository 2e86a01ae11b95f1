// Social sign-in through the official Ory SDK (@ory/kratos-client-fetch) against a real OpenID Provider on loopback
// (panva's oidc-provider, lib/oidc-provider.mjs) as native apps, SPAs and server-rendered pages use it: the first
// sign-in registers, the second signs in to the same identity, the mapper's traits, state tampering and replay, the
// completion form for missing traits, account linking, link/unlink in settings. Expectations: the strategies
// contract §5 (5.2–5.11).
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { FlowClient, MODES, cookieJarFetch, failure, messageIds, node, nodes } from './lib/clients.mjs';
import { base64Jsonnet } from './lib/hook-server.mjs';
import { ALICE, useOidcProvider } from './lib/oidc-provider.mjs';
import { adminIdentityApi } from './lib/sdk.mjs';
import { freePort, startServer } from './lib/server.mjs';

const PROVIDER = 'op';
const MAPPER = base64Jsonnet(`local claims = std.extVar('claims');
{
  identity: {
    traits: {
      [if 'email' in claims then 'email']: claims.email,
      [if 'given_name' in claims then 'name']: { first: claims.given_name, last: claims.family_name },
    },
    verified_addresses: if 'email' in claims && claims.email_verified then [{ via: 'email', value: claims.email }] else [],
    metadata_public: { upstream_issuer: claims.iss },
  },
}`);

/** Test accounts: one per journey, so the tests do not depend on each other. */
const account = (label, extra = {}) => ({ ...ALICE, sub: `${label}-sub`, email: `${label}@example.com`, ...extra });
const ACCOUNTS = [
  ...MODES.map((m) => account(`first-${m}`)),
  ...MODES.map((m) => account(`link-${m}`)),
  ...MODES.map((m) => account(`settings-${m}`)),
  account('replay'), account('tamper'), account('exchange'), account('sync'), account('get-start'), account('nocookie'), account('mismatch'), account('unlink-last'),
  { sub: 'no-email-sub', name: 'No Mail', given_name: 'No', family_name: 'Mail' },
];

const publicPort = await freePort();
const CALLBACK = `http://127.0.0.1:${publicPort}/self-service/methods/oidc/callback/${PROVIDER}`;
const SYNC_CALLBACK = `http://127.0.0.1:${publicPort}/self-service/methods/oidc/callback/op-sync`;
const op = useOidcProvider({ clients: [{ client_id: 'custos', client_secret: 'custos-secret', redirect_uris: [CALLBACK, SYNC_CALLBACK] }], accounts: ACCOUNTS });

let starting;
after(async () => (await starting?.catch(() => null))?.stop());
/** Custos with the provider configured; started once, after the provider (its issuer goes into the config). */
function server() {
  starting ??= (async () => {
    const provider = await op.get();
    return startServer({
      dev: true,
      publicPort,
      config: {
        // The provider is on loopback; Custos refuses private addresses unless told otherwise.
        clients: { http: { disallow_private_ip_ranges: false } },
        selfservice: {
          methods: {
            password: { config: { haveibeenpwned_enabled: false } },
            oidc: {
              enabled: true,
              config: {
                providers: [{
                  id: PROVIDER, provider: 'generic', label: 'Test OP', client_id: 'custos', client_secret: 'custos-secret',
                  issuer_url: provider.issuer, mapper_url: MAPPER, scope: ['openid', 'email', 'profile'],
                }, {
                  id: 'op-sync', provider: 'generic', client_id: 'custos', client_secret: 'custos-secret',
                  issuer_url: provider.issuer, mapper_url: MAPPER, scope: ['openid', 'email', 'profile'], update_identity_on_login: 'automatic',
                }],
              },
            },
          },
          flows: {
            registration: { after: { oidc: { hooks: [{ hook: 'session' }] }, password: { hooks: [{ hook: 'session' }] } } },
          },
        },
      },
    });
  })();
  return starting;
}

async function client(mode) {
  return new FlowClient(await server(), mode);
}

/** Submits the provider button; returns the authorization URL the client is sent to (303, or 422 for JSON clients). */
async function startAt(c, type, flow, extra = {}) {
  const result = await c.submit(type, flow, { method: 'oidc', provider: PROVIDER, ...extra });
  if (c.mode === 'browser') {
    assert.equal(result.status, 303, JSON.stringify(result));
    return result.location;
  }
  assert.equal(result.status, 422, JSON.stringify(result.body));
  assert.equal(result.body.error.id, 'browser_location_change_required');
  return result.body.redirect_browser_to;
}

/** Opens the provider's redirect back in the client's browser (its cookies; a native app's in-app browser has none). */
async function openCallback(c, url, headers = {}) {
  const fetchApi = c.mode === 'native' ? (u, init) => fetch(u, { ...init, redirect: 'manual' }) : c.fetch;
  const response = await fetchApi(url, { headers: { Accept: 'text/html', ...headers } });
  const text = await response.text();
  let body;
  try { body = JSON.parse(text); } catch { body = text; }
  return { status: response.status, location: response.headers.get('location'), body };
}

/** A whole round trip: button, provider sign-in as `sub`, callback. */
async function signInWith(c, type, sub, extra = {}) {
  const s = await server();
  const flow = await c.create(type);
  const authorize = await startAt(c, type, flow, extra);
  const back = await (await op.get()).signIn(authorize, { account: sub });
  assert.ok(back.startsWith(CALLBACK), `the provider sends the person back to Custos: ${back}`);
  return { flow, callback: await openCallback(c, back), s };
}

/** Asserts the callback signed the client in and returns the session (whoami, or the native answer). */
async function signedIn(c, callback) {
  if (c.mode === 'native') {
    assert.equal(callback.status, 200, JSON.stringify(callback.body).slice(0, 600));
    assert.match(callback.body.session_token, /^ory_st_/);
    c.token = callback.body.session_token;
  } else {
    assert.equal(callback.status, 303, JSON.stringify(callback.body).slice(0, 600));
    assert.equal(callback.location, 'http://127.0.0.1:4455/');
  }
  const whoami = await c.whoami();
  assert.equal(whoami.status, 200, JSON.stringify(whoami.body));
  return whoami.body;
}

async function oidcCredential(identityId) {
  const admin = adminIdentityApi(await server());
  const identity = await admin.getIdentity({ id: identityId, includeCredential: ['oidc'] });
  return identity.credentials.oidc;
}

describe('social sign-in through @ory/kratos-client-fetch', () => {
  for (const mode of MODES) {
    test(`${mode}: the first sign-in registers with the mapped traits, the second signs in to the same identity`, async () => {
      const sub = `first-${mode}-sub`;
      const first = await client(mode);
      const { flow, callback } = await signInWith(first, 'login', sub);
      const providerNode = node(flow, 'provider', PROVIDER);
      assert.equal(providerNode.group, 'oidc');
      assert.equal(providerNode.meta.label.id, 1010002);
      const session = await signedIn(first, callback);
      const identity = session.identity;
      assert.deepEqual(identity.traits, { email: `first-${mode}@example.com`, name: { first: 'Alice', last: 'Liddell' } });
      assert.deepEqual(identity.metadata_public, { upstream_issuer: (await op.get()).issuer });
      assert.equal(identity.verifiable_addresses[0].verified, true, 'the mapper vouched for the address');
      const amr = session.authentication_methods.at(-1);
      assert.equal(amr.method, 'oidc');
      assert.equal(amr.aal, 'aal1');
      assert.equal(amr.provider, PROVIDER);

      const credential = await oidcCredential(identity.id);
      assert.deepEqual(credential.identifiers, [`${PROVIDER}:${sub}`]);
      const [entry] = credential.config.providers;
      assert.equal(entry.subject, sub);
      assert.equal(entry.provider, PROVIDER);
      assert.match(entry.initial_access_token, /.+/, 'the admin API shows the token decrypted');

      const second = await client(mode);
      const again = await signInWith(second, 'registration', sub);
      const secondSession = await signedIn(second, again.callback);
      assert.equal(secondSession.identity.id, identity.id, 'a registration for a known subject signs in');
    });
  }

  test('the state is single use: the same callback URL opened twice is refused the second time', async () => {
    const c = await client('browser');
    const s = await server();
    const flow = await c.create('login');
    const back = await (await op.get()).signIn(await startAt(c, 'login', flow), { account: 'replay-sub' });
    await signedIn(c, await openCallback(c, back));
    const replay = await openCallback(c, back, { Accept: 'application/json' });
    assert.equal(replay.status, 400, JSON.stringify(replay.body));
    assert.match(replay.body.error.reason, /state parameter is invalid|necessary cookie/);
    assert.ok(s);
  });

  test('a tampered state, a missing state and a state for another provider are refused before any exchange', async () => {
    const c = await client('browser');
    const flow = await c.create('login');
    const back = new URL(await (await op.get()).signIn(await startAt(c, 'login', flow), { account: 'tamper-sub' }));
    const state = back.searchParams.get('state');
    const flipped = state.slice(0, -2) + (state.at(-2) === 'A' ? 'B' : 'A') + state.at(-1);
    const json = { Accept: 'application/json' };

    back.searchParams.set('state', flipped);
    const tampered = await openCallback(c, back.href, json);
    assert.equal(tampered.status, 400);
    assert.match(tampered.body.error.reason, /state parameter/);

    back.searchParams.delete('state');
    const missing = await openCallback(c, back.href, json);
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.reason, 'Unable to complete OpenID Connect flow because the OpenID Provider did not return the state query parameter.');

    back.searchParams.set('state', state);
    const other = new URL(back.href.replace(`/callback/${PROVIDER}`, '/callback/other'));
    const mismatch = await openCallback(c, other.href, json);
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.body.error.reason, 'Unable to complete OpenID Connect flow: provider mismatch between internal state and URL.');

    // The genuine state still works: the refusals spent nothing.
    await signedIn(c, await openCallback(c, back.href));
  });

  test('a callback in another browser (no continuity cookie) is refused', async () => {
    const c = await client('browser');
    const flow = await c.create('login');
    const back = await (await op.get()).signIn(await startAt(c, 'login', flow), { account: 'nocookie-sub' });
    const stranger = cookieJarFetch();
    const response = await stranger(back, { headers: { Accept: 'application/json' } });
    assert.equal(response.status, 400);
    assert.match((await response.json()).error.reason, /does not contain the necessary cookie/);
  });

  test('only hd, prompt, auth_type and acr_values go upstream; login_hint never does', async () => {
    const c = await client('spa');
    const flow = await c.create('login');
    const url = new URL(await startAt(c, 'login', flow, { upstream_parameters: { prompt: 'login', login_hint: 'victim@example.com', foo: 'bar' } }));
    assert.equal(url.searchParams.get('prompt'), 'login');
    assert.equal(url.searchParams.get('login_hint'), null);
    assert.equal(url.searchParams.get('foo'), null);
    assert.equal(url.searchParams.get('response_type'), 'code');
    assert.equal(url.searchParams.get('client_id'), 'custos');
    assert.equal(url.searchParams.get('redirect_uri'), CALLBACK);
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256', 'the provider advertises S256, so PKCE is used');
    assert.ok(url.searchParams.get('state'));
    assert.equal(url.searchParams.get('nonce'), null, 'no nonce in redirect flows');
  });

  test('a browser may start with GET /self-service/login?flow=…&provider=… (no csrf_token), as Kratos documents', async () => {
    const c = await client('browser');
    const flow = await c.create('login');
    const response = await c.fetch(`${(await server()).publicUrl}/self-service/login?flow=${flow.id}&provider=${PROVIDER}`, { headers: { Accept: 'text/html' } });
    assert.equal(response.status, 303);
    const location = response.headers.get('location');
    assert.ok(location.startsWith((await op.get()).issuer), location);
    await signedIn(c, await openCallback(c, await (await op.get()).signIn(location, { account: 'get-start-sub' })));
  });

  test('an unknown provider is 404, and a generic provider refuses a submitted id_token with 502', async () => {
    const c = await client('native');
    const flow = await c.create('login');
    const unknown = await c.submit('login', flow, { method: 'oidc', provider: 'nope' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.reason, 'OpenID Connect Provider "nope" is unknown or has not been configured');
    const idToken = await c.submit('login', flow, { method: 'oidc', provider: PROVIDER, id_token: 'a.b.c', id_token_nonce: 'n' });
    assert.equal(idToken.status, 502);
    assert.equal(idToken.body.error.reason, 'The provider generic does not support id_token verification');
  });

  test('native: the sign-in ends in return_to?code=, which the app trades once at /sessions/token-exchange', async () => {
    const c = await client('native');
    const flow = await c.api.createNativeLoginFlow({ returnSessionTokenExchangeCode: true, returnTo: 'http://127.0.0.1:4455/app-callback' });
    assert.match(flow.session_token_exchange_code, /^[A-Za-z0-9]{64}$/);
    const back = await (await op.get()).signIn(await startAt(c, 'login', flow), { account: 'exchange-sub' });
    const callback = await openCallback(c, back);
    assert.equal(callback.status, 303, JSON.stringify(callback.body).slice(0, 400));
    const target = new URL(callback.location);
    assert.equal(`${target.origin}${target.pathname}`, 'http://127.0.0.1:4455/app-callback');
    const returnToCode = target.searchParams.get('code');
    assert.ok(returnToCode, 'the app gets a code, never the token, in its URL');
    const exchanged = await c.api.exchangeSessionToken({ initCode: flow.session_token_exchange_code, returnToCode });
    assert.match(exchanged.session_token, /^ory_st_/);
    assert.equal(exchanged.session.identity.traits.email, 'exchange@example.com');
    const again = await failure(c.api.exchangeSessionToken({ initCode: flow.session_token_exchange_code, returnToCode }));
    assert.equal(again.status, 404, 'the codes work once');
  });

  test('update_identity_on_login: automatic maps the claims again on every sign-in and saves what changed', async () => {
    const c = await client('spa');
    const flow = await c.create('login');
    const provider = await op.get();
    const startSync = async (f) => {
      const r = await c.submit('login', f, { method: 'oidc', provider: 'op-sync' });
      assert.equal(r.status, 422, JSON.stringify(r.body));
      return r.body.redirect_browser_to;
    };
    const first = await signedIn(c, await openCallback(c, await provider.signIn(await startSync(flow), { account: 'sync-sub' })));
    assert.equal(first.identity.traits.name.first, 'Alice');
    provider.accounts.find((a) => a.sub === 'sync-sub').given_name = 'Alicia';
    const later = await client('spa');
    const again = await later.create('login');
    const r = await later.submit('login', again, { method: 'oidc', provider: 'op-sync' });
    const second = await signedIn(later, await openCallback(later, await provider.signIn(r.body.redirect_browser_to, { account: 'sync-sub' })));
    assert.equal(second.identity.id, first.identity.id);
    assert.equal(second.identity.traits.name.first, 'Alicia', 'the new claim reached the stored traits');
    assert.equal(second.identity.traits.email, 'sync@example.com');
  });

  test('missing traits: the registration shows the completion form, and its submit finishes with the traits given', async () => {
    const c = await client('browser');
    const { callback } = await signInWith(c, 'login', 'no-email-sub');
    assert.equal(callback.status, 302, `back to the registration UI: ${JSON.stringify(callback)}`);
    const form = await c.get('registration', new URL(callback.location).searchParams.get('flow'));
    const email = node(form, 'traits.email');
    assert.deepEqual(email.messages.map((m) => m.id), [4000002]);
    assert.equal(node(form, 'traits.name.first').attributes.value, 'No');
    const cont = node(form, 'provider', PROVIDER);
    assert.equal(cont.meta.label.id, 1040003);
    assert.deepEqual(nodes(form, 'password'), [], 'only the traits and Continue');

    const authorize = await startAt(c, 'registration', form, { traits: { email: 'completed@example.com', name: { first: 'No', last: 'Mail' } } });
    const back = await (await op.get()).signIn(authorize, { account: 'no-email-sub' });
    const session = await signedIn(c, await openCallback(c, back));
    assert.equal(session.identity.traits.email, 'completed@example.com');
  });

  for (const mode of MODES) {
    test(`${mode}: an e-mail that belongs to a password account is linked only after that account signs in`, async () => {
      const email = `link-${mode}@example.com`;
      const admin = adminIdentityApi(await server());
      const existing = await admin.createIdentity({ createIdentityBody: {
        schema_id: 'default', traits: { email },
        credentials: { password: { config: { password: 'correct horse battery staple 1' } } },
      } });
      const c = await client(mode);
      const { callback } = await signInWith(c, 'login', `link-${mode}-sub`);
      let linking;
      if (mode === 'browser' || mode === 'spa') {
        assert.equal(callback.status, 303, JSON.stringify(callback.body).slice(0, 400));
        const target = new URL(callback.location);
        assert.equal(target.searchParams.get('no_org_ui'), 'true');
        linking = await c.get('login', target.searchParams.get('flow'));
      } else {
        assert.equal(callback.status, 303, JSON.stringify(callback.body).slice(0, 400));
        linking = await c.get('login', new URL(callback.location).searchParams.get('flow'));
      }
      assert.deepEqual(messageIds(linking), [1010016]);
      assert.equal(linking.ui.messages[0].context.duplicate_identifier, email);
      const identifier = node(linking, 'identifier');
      assert.equal(identifier.attributes.type, 'hidden');
      assert.equal(identifier.attributes.value, email);
      assert.deepEqual(nodes(linking, 'provider').filter((n) => n.attributes.value === PROVIDER), [], 'the provider just used is gone');
      // Kratos relabels only "Sign in" (1010001); the password button says "Sign in with password" (1010022) and keeps it.
      assert.equal(node(linking, 'method', 'password').meta.label.id, 1010022);

      const proved = await c.submit('login', linking, { method: 'password', identifier: email, password: 'correct horse battery staple 1' });
      c.loggedIn(proved);
      const credential = await oidcCredential(existing.id);
      assert.deepEqual(credential.identifiers, [`${PROVIDER}:link-${mode}-sub`]);
      const whoami = await c.whoami();
      assert.equal(whoami.body.identity.id, existing.id);
      assert.deepEqual(whoami.body.authentication_methods.map((m) => [m.method, m.provider ?? null]), [['password', null], ['oidc', PROVIDER]]);

      const later = await client(mode);
      const again = await signInWith(later, 'login', `link-${mode}-sub`);
      assert.equal((await signedIn(later, again.callback)).identity.id, existing.id, 'the linked account now signs in directly');
    });
  }

  test('account linking refuses a sign-in to another account than the one whose e-mail collided (4010009)', async () => {
    const admin = adminIdentityApi(await server());
    await admin.createIdentity({ createIdentityBody: { schema_id: 'default', traits: { email: 'mismatch@example.com' }, credentials: { password: { config: { password: 'correct horse battery staple 2' } } } } });
    await admin.createIdentity({ createIdentityBody: { schema_id: 'default', traits: { email: 'someone-else@example.com' }, credentials: { password: { config: { password: 'correct horse battery staple 3' } } } } });
    const c = await client('spa');
    const { callback } = await signInWith(c, 'login', 'mismatch-sub');
    const linking = await c.get('login', new URL(callback.location).searchParams.get('flow'));
    const refused = await c.submit('login', linking, { method: 'password', identifier: 'someone-else@example.com', password: 'correct horse battery staple 3' });
    assert.equal(refused.status, 400, JSON.stringify(refused.body).slice(0, 400));
    assert.deepEqual(messageIds(refused.body), [4010009]);
    assert.equal((await c.whoami()).status, 401, 'no session for the other account');
  });

  for (const mode of ['browser', 'spa']) {
    test(`${mode}: settings link a provider account to a password account, then unlink it`, async () => {
      const email = `settings-${mode}@example.com`;
      const admin = adminIdentityApi(await server());
      const identity = await admin.createIdentity({ createIdentityBody: { schema_id: 'default', traits: { email }, credentials: { password: { config: { password: 'correct horse battery staple 4' } } } } });
      const c = await client(mode);
      c.loggedIn(await c.passwordLogin(email, 'correct horse battery staple 4'));
      const settings = await c.create('settings');
      const link = node(settings, 'link', PROVIDER);
      assert.equal(link.meta.label.id, 1050002);
      const linked = await c.submit('settings', settings, { method: 'oidc', link: PROVIDER });
      const authorize = mode === 'browser' ? linked.location : linked.body.redirect_browser_to;
      assert.ok(authorize?.startsWith((await op.get()).issuer), JSON.stringify(linked).slice(0, 400));
      const back = await (await op.get()).signIn(authorize, { account: `settings-${mode}-sub` });
      const done = await openCallback(c, back);
      assert.equal(done.status, 303, JSON.stringify(done.body).slice(0, 400));
      if (done.location.includes('/error')) {
        const error = await c.api.getFlowError({ id: new URL(done.location).searchParams.get('id') });
        assert.fail(`the link callback failed: ${JSON.stringify(error.error)}`);
      }
      const shownId = new URL(done.location).searchParams.get('flow');
      if (shownId) {
        const shown = await c.get('settings', shownId);
        assert.equal(shown.state, 'success', JSON.stringify(shown.ui.messages));
      }
      assert.deepEqual((await oidcCredential(identity.id))?.identifiers, [`${PROVIDER}:settings-${mode}-sub`], `linked (callback sent to ${done.location})`);

      const after = await c.create('settings');
      assert.equal(node(after, 'unlink', PROVIDER).meta.label.id, 1050003);
      const unlinked = await c.submit('settings', after, { method: 'oidc', unlink: PROVIDER });
      assert.ok([200, 303].includes(unlinked.status), JSON.stringify(unlinked).slice(0, 400));
      const credential = await oidcCredential(identity.id);
      assert.ok(!credential || credential.identifiers.length === 0, 'the provider account is gone');
    });
  }

  test('settings refuse to unlink the last first factor', async () => {
    const c = await client('spa');
    const { callback } = await signInWith(c, 'registration', 'unlink-last-sub');
    await signedIn(c, callback);
    const settings = await c.create('settings');
    assert.deepEqual(nodes(settings, 'unlink'), [], 'no unlink button for the only first factor');
    const refused = await c.submit('settings', settings, { method: 'oidc', unlink: PROVIDER });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.ui.messages[0].text, 'can not unlink OpenID Connect connection because it is the last remaining first factor credential');
  });
});
