// Self-service flows through the official Ory SDK (@ory/kratos-client-fetch), as a native app and as a
// single-page app would use them against Kratos: registration, login, whoami, settings, sessions, logout.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Configuration, FrontendApi, ResponseError } from '@ory/kratos-client-fetch';
import { useServer } from './lib/server.mjs';
import { uniqueEmail } from './lib/sdk.mjs';

const PASSWORD = 'a long enough e2e password 1!';
const EXTRA = {
  selfservice: {
    methods: { password: { config: { haveibeenpwned_enabled: false } } },
    flows: { registration: { after: { password: { hooks: [{ hook: 'session' }] } } } },
  },
};

/** A fetch that keeps cookies like a browser does for an SPA on the same site. */
function cookieJarFetch() {
  const jar = new Map();
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(input, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const expired = attributes.some((a) => /max-age=(0|-)/i.test(a.trim()));
      if (expired) jar.delete(name);
      else jar.set(name, pair.slice(index + 1).trim());
    }
    return response;
  };
}

async function errorBody(promise) {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ResponseError) return { status: e.response.status, body: await e.response.json() };
    throw e;
  }
  assert.fail('the call was expected to fail');
}

describe('self-service flows through @ory/kratos-client-fetch', () => {
  const server = useServer({ hasher: 'argon2', config: EXTRA });
  // SPAs set Accept: application/json on the fetch SDK (it sends no Accept header of its own), as with Kratos.
  const frontend = async (fetchApi) =>
    new FrontendApi(new Configuration({ basePath: (await server.get()).publicUrl, fetchApi, headers: fetchApi ? { Accept: 'application/json' } : undefined }));

  test('native: register → login → whoami → settings (profile, password) → sessions → logout', async () => {
    const api = await frontend();
    const email = uniqueEmail('native');

    const registrationFlow = await api.createNativeRegistrationFlow();
    const registered = await api.updateRegistrationFlow({
      flow: registrationFlow.id,
      updateRegistrationFlowBody: { method: 'password', traits: { email }, password: PASSWORD },
    });
    assert.match(registered.session_token, /^ory_st_[A-Za-z0-9]{32}$/);
    assert.equal(registered.identity.traits.email, email);

    const loginFlow = await api.createNativeLoginFlow();
    const login = await api.updateLoginFlow({ flow: loginFlow.id, updateLoginFlowBody: { method: 'password', identifier: email, password: PASSWORD } });
    const token = login.session_token;
    assert.match(token, /^ory_st_/);

    const session = await api.toSession({ xSessionToken: token });
    assert.equal(session.identity.traits.email, email);
    assert.equal(session.authentication_methods[0].method, 'password');

    const settings = await api.createNativeSettingsFlow({ xSessionToken: token });
    const profile = await api.updateSettingsFlow({
      flow: settings.id,
      xSessionToken: token,
      updateSettingsFlowBody: { method: 'profile', traits: { email, name: { first: 'Grace' } } },
    });
    assert.equal(profile.state, 'success');
    const password = await api.updateSettingsFlow({
      flow: settings.id,
      xSessionToken: token,
      updateSettingsFlowBody: { method: 'password', password: 'an even longer e2e password 2!' },
    });
    assert.equal(password.state, 'success');
    assert.equal((await api.toSession({ xSessionToken: token })).identity.traits.name.first, 'Grace');

    const others = await api.listMySessions({ xSessionToken: token });
    assert.ok(others.length >= 1, 'the registration session is another session');
    const revoked = await api.disableMyOtherSessions({ xSessionToken: token });
    assert.ok(revoked.count >= 1);
    assert.equal((await api.listMySessions({ xSessionToken: token })).length, 0);

    await api.performNativeLogout({ performNativeLogoutBody: { session_token: token } });
    const after = await errorBody(api.toSession({ xSessionToken: token }));
    assert.equal(after.status, 401);

    const relogin = await api.createNativeLoginFlow();
    const ok = await api.updateLoginFlow({ flow: relogin.id, updateLoginFlowBody: { method: 'password', identifier: email, password: 'an even longer e2e password 2!' } });
    assert.match(ok.session_token, /^ory_st_/);
  });

  test('native: a wrong password answers 400 with message 4000006', async () => {
    const api = await frontend();
    const flow = await api.createNativeLoginFlow();
    const failed = await errorBody(api.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: 'password', identifier: uniqueEmail('nobody'), password: 'whatever it is' } }));
    assert.equal(failed.status, 400);
    assert.deepEqual(failed.body.ui.messages.map((m) => m.id), [4000006]);
  });

  test('SPA: browser flows with a cookie jar (CSRF cookie + token, session cookie, logout)', async () => {
    const jarFetch = cookieJarFetch();
    const spa = await frontend(jarFetch);
    const email = uniqueEmail('spa');
    const registration = await spa.createBrowserRegistrationFlow();
    const csrf = (flow) => flow.ui.nodes.find((n) => n.attributes.name === 'csrf_token').attributes.value;
    const registered = await spa.updateRegistrationFlow({
      flow: registration.id,
      updateRegistrationFlowBody: { method: 'password', traits: { email }, password: PASSWORD, csrf_token: csrf(registration) },
    });
    assert.equal(registered.session_token, undefined);
    assert.equal((await spa.toSession()).identity.traits.email, email);

    const logout = await spa.createBrowserLogoutFlow();
    await spa.updateLogoutFlow({ token: logout.logout_token });
    assert.equal((await errorBody(spa.toSession())).status, 401);

    const login = await spa.createBrowserLoginFlow();
    const signedIn = await spa.updateLoginFlow({ flow: login.id, updateLoginFlowBody: { method: 'password', identifier: email, password: PASSWORD, csrf_token: csrf(login) } });
    assert.equal(signedIn.session_token, undefined);
    assert.equal(signedIn.continue_with[0].action, 'redirect_browser_to');
    assert.equal((await spa.toSession()).identity.traits.email, email);

    const other = await spa.createBrowserLoginFlow({ refresh: true });
    const forged = await errorBody(spa.updateLoginFlow({ flow: other.id, updateLoginFlowBody: { method: 'password', identifier: email, password: PASSWORD, csrf_token: 'forged' } }));
    assert.equal(forged.status, 403);
    assert.equal(forged.body.error.id, 'security_csrf_violation');
  });
});
