// Verification and account recovery through the official Ory SDK (@ory/kratos-client-fetch), as a native app uses
// them against Kratos. Codes are read back from the admin courier API (bodies are visible in --dev).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Configuration, CourierApi, FrontendApi, IdentityApi, ResponseError } from '@ory/kratos-client-fetch';
import { useServer } from './lib/server.mjs';
import { uniqueEmail } from './lib/sdk.mjs';

const PASSWORD = 'a long enough e2e password 1!';
const NEW_PASSWORD = 'another long enough password 2!';
// As in Kratos's quickstart (email-password/kratos.yml): recovery by code, the link method enabled too.
const EXTRA = {
  selfservice: {
    methods: { link: { enabled: true }, password: { config: { haveibeenpwned_enabled: false } } },
    flows: {
      registration: { after: { password: { hooks: [{ hook: 'session' }, { hook: 'show_verification_ui' }] } } },
      verification: { enabled: true },
      recovery: { enabled: true },
    },
  },
  feature_flags: { use_continue_with_transitions: true },
};

async function latestCode(courier, recipient) {
  const messages = await courier.listCourierMessages({ recipient });
  assert.ok(messages.length > 0, `a message was queued for ${recipient}`);
  const match = /(?<![0-9])[0-9]{6}(?![0-9])/.exec(`${messages[0].subject}\n${messages[0].body}`);
  assert.ok(match, 'the message carries a 6-digit code');
  return { code: match[0], message: messages[0] };
}

// What a browser does with an emailed or handed-out link: one GET, no redirect followed; returns the redirect and the cookies.
async function click(link) {
  const response = await fetch(link, { redirect: 'manual' });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';', 1)[0]).join('; ');
  return { status: response.status, location: response.headers.get('location'), cookie };
}

/** A fetch that keeps cookies like a browser does for an SPA on the same site. */
function cookieJarFetch() {
  const jar = new Map();
  const jarFetch = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(input, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      jar.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
    return response;
  };
  return jarFetch;
}

async function failure(promise) {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ResponseError) return { status: e.response.status, body: await e.response.json() };
    throw e;
  }
  assert.fail('the call was expected to fail');
}

describe('verification and recovery through @ory/kratos-client-fetch', () => {
  const server = useServer({ hasher: 'bcrypt', dev: true, config: EXTRA });
  const apis = async () => {
    const s = await server.get();
    return {
      frontend: new FrontendApi(new Configuration({ basePath: s.publicUrl, headers: { Accept: 'application/json' } })),
      courier: new CourierApi(new Configuration({ basePath: s.adminUrl })),
      identity: new IdentityApi(new Configuration({ basePath: s.adminUrl })),
    };
  };

  test('native: register → show_verification_ui → wrong code (200, 4070006) → right code → verified', async () => {
    const { frontend, courier, identity } = await apis();
    const email = uniqueEmail('verify');
    const registration = await frontend.createNativeRegistrationFlow();
    const registered = await frontend.updateRegistrationFlow({
      flow: registration.id,
      updateRegistrationFlowBody: { method: 'password', traits: { email }, password: PASSWORD },
    });
    const show = registered.continue_with.find((c) => c.action === 'show_verification_ui');
    assert.ok(show, 'continue_with carries show_verification_ui');
    assert.equal(show.flow.verifiable_address, email);

    const { code, message } = await latestCode(courier, email);
    assert.equal(message.template_type, 'verification_code_valid');
    const wrong = await frontend.updateVerificationFlow({
      flow: show.flow.id,
      updateVerificationFlowBody: { method: 'code', code: code === '000000' ? '111111' : '000000' },
    });
    assert.ok(wrong.ui.messages.some((m) => m.id === 4070006));
    const passed = await frontend.updateVerificationFlow({ flow: show.flow.id, updateVerificationFlowBody: { method: 'code', code } });
    assert.equal(passed.state, 'passed_challenge');
    assert.ok(passed.ui.messages.some((m) => m.id === 1080002));

    const stored = await identity.getIdentity({ id: registered.identity.id });
    assert.equal(stored.verifiable_addresses[0].verified, true);
    assert.equal(stored.verifiable_addresses[0].status, 'completed');
  });

  test('native: recovery code → session token + settings flow → new password → login', async () => {
    const { frontend, courier, identity } = await apis();
    const email = uniqueEmail('recover');
    await identity.createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email }, credentials: { password: { config: { password: PASSWORD } } } },
    });

    const flow = await frontend.createNativeRecoveryFlow();
    const sent = await frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: 'code', email } });
    assert.equal(sent.state, 'sent_email');
    const { code } = await latestCode(courier, email);
    const recovered = await frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: 'code', code } });
    const token = recovered.continue_with.find((c) => c.action === 'set_ory_session_token').ory_session_token;
    const settingsRef = recovered.continue_with.find((c) => c.action === 'show_settings_ui').flow;

    const settings = await frontend.getSettingsFlow({ id: settingsRef.id, xSessionToken: token });
    assert.ok(settings.ui.messages.some((m) => m.id === 1060001));
    await frontend.updateSettingsFlow({
      flow: settings.id,
      xSessionToken: token,
      updateSettingsFlowBody: { method: 'password', password: NEW_PASSWORD },
    });
    const login = await frontend.createNativeLoginFlow();
    const signedIn = await frontend.updateLoginFlow({
      flow: login.id,
      updateLoginFlowBody: { method: 'password', identifier: email, password: NEW_PASSWORD },
    });
    assert.ok(signedIn.session_token.startsWith('ory_st_'));
  });

  test('admin: createRecoveryCodeForIdentity → the code recovers the account; bad input is a 4xx', async () => {
    const { frontend, identity } = await apis();
    const email = uniqueEmail('admin-recover');
    const created = await identity.createIdentity({ createIdentityBody: { schema_id: 'default', traits: { email } } });
    const code = await identity.createRecoveryCodeForIdentity({
      createRecoveryCodeForIdentityBody: { identity_id: created.id, expires_in: '10m', flow_type: 'api' },
    });
    assert.match(code.recovery_code, /^[0-9]{6}$/);
    const flowId = new URL(code.recovery_link).searchParams.get('flow');
    const recovered = await frontend.updateRecoveryFlow({ flow: flowId, updateRecoveryFlowBody: { method: 'code', code: code.recovery_code } });
    assert.ok(recovered.continue_with.some((c) => c.action === 'set_ory_session_token'));

    const missing = await failure(identity.createRecoveryCodeForIdentity({
      createRecoveryCodeForIdentityBody: { identity_id: '00000000-0000-4000-8000-000000000000' },
    }));
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 404);
  });

  test('admin: createRecoveryLinkForIdentity under recovery.use: code → the link signs the browser in → settings (1060001)', async () => {
    const { frontend, identity } = await apis();
    const email = uniqueEmail('admin-link-use-code');
    const created = await identity.createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email }, credentials: { password: { config: { password: PASSWORD } } } },
    });
    const { recovery_link: link } = await identity.createRecoveryLinkForIdentity({
      createRecoveryLinkForIdentityBody: { identity_id: created.id, expires_in: '10m' },
    });

    const clicked = await click(link);
    assert.equal(clicked.status, 303, `the link redirects: ${clicked.location}`);
    assert.match(clicked.cookie, /ory_kratos_session=/, 'the link sets the session cookie');
    const settingsId = new URL(clicked.location).searchParams.get('flow');
    assert.ok(settingsId, `redirected to the settings UI: ${clicked.location}`);
    const session = await frontend.toSession({ cookie: clicked.cookie });
    assert.equal(session.identity.id, created.id);
    assert.equal(session.authentication_methods[0].method, 'link_recovery');
    const settings = await frontend.getSettingsFlow({ id: settingsId, cookie: clicked.cookie });
    assert.ok(settings.ui.messages.some((m) => m.id === 1060001), 'the settings flow says the account was recovered');
  });
});

describe('recovery and verification links through @ory/kratos-client-fetch', () => {
  const server = useServer({
    hasher: 'bcrypt',
    dev: true,
    config: {
      selfservice: {
        methods: { link: { enabled: true }, password: { config: { haveibeenpwned_enabled: false } } },
        flows: { verification: { enabled: true, use: 'link' }, recovery: { enabled: true, use: 'link' } },
      },
    },
  });
  const apis = async () => {
    const s = await server.get();
    return {
      frontend: new FrontendApi(new Configuration({ basePath: s.publicUrl, headers: { Accept: 'application/json' } })),
      courier: new CourierApi(new Configuration({ basePath: s.adminUrl })),
      identity: new IdentityApi(new Configuration({ basePath: s.adminUrl })),
    };
  };

  test('admin: createRecoveryLinkForIdentity → the link signs in → settings flow → new password → login', async () => {
    const { frontend, identity } = await apis();
    const email = uniqueEmail('admin-link');
    const created = await identity.createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email }, credentials: { password: { config: { password: PASSWORD } } } },
    });
    const { recovery_link: link } = await identity.createRecoveryLinkForIdentity({
      createRecoveryLinkForIdentityBody: { identity_id: created.id, expires_in: '10m' },
    });

    const clicked = await click(link);
    assert.equal(clicked.status, 303);
    const settingsId = new URL(clicked.location).searchParams.get('flow');
    assert.ok(settingsId, `redirected to the settings UI: ${clicked.location}`);
    const settings = await frontend.getSettingsFlow({ id: settingsId, cookie: clicked.cookie });
    assert.ok(settings.ui.messages.some((m) => m.id === 1060001), 'the settings flow says the account was recovered');
    const csrf = settings.ui.nodes.find((n) => n.attributes.name === 'csrf_token').attributes.value;
    await frontend.updateSettingsFlow({
      flow: settingsId,
      cookie: clicked.cookie,
      updateSettingsFlowBody: { method: 'password', password: NEW_PASSWORD, csrf_token: csrf },
    });

    const login = await frontend.createNativeLoginFlow();
    const signedIn = await frontend.updateLoginFlow({
      flow: login.id,
      updateLoginFlowBody: { method: 'password', identifier: email, password: NEW_PASSWORD },
    });
    assert.equal(signedIn.session.identity.id, created.id);
    assert.equal((await click(link)).status, 303, 'a used link leads back to a new recovery flow');
  });

  test('admin: createRecoveryCodeForIdentity under recovery.use: link → an SPA submits the code → signed in + settings (1060001)', async () => {
    const { identity } = await apis();
    const s = await server.get();
    const spa = new FrontendApi(new Configuration({ basePath: s.publicUrl, fetchApi: cookieJarFetch(), headers: { Accept: 'application/json' } }));
    const email = uniqueEmail('admin-code-use-link');
    const created = await identity.createIdentity({ createIdentityBody: { schema_id: 'default', traits: { email } } });
    const code = await identity.createRecoveryCodeForIdentity({ createRecoveryCodeForIdentityBody: { identity_id: created.id } });
    const flow = await spa.getRecoveryFlow({ id: new URL(code.recovery_link).searchParams.get('flow') });
    assert.equal(flow.active, 'code');
    const csrf = flow.ui.nodes.find((n) => n.attributes.name === 'csrf_token').attributes.value;

    // Without continue_with transitions Kratos answers a JSON client 422 browser_location_change_required.
    const used = await failure(spa.updateRecoveryFlow({
      flow: flow.id,
      updateRecoveryFlowBody: { method: 'code', code: code.recovery_code, csrf_token: csrf },
    }));
    assert.equal(used.status, 422, JSON.stringify(used.body));
    assert.equal(used.body.error.id, 'browser_location_change_required');
    const settingsId = new URL(used.body.redirect_browser_to).searchParams.get('flow');
    const session = await spa.toSession();
    assert.equal(session.identity.id, created.id);
    assert.equal(session.authentication_methods[0].method, 'code_recovery');
    const settings = await spa.getSettingsFlow({ id: settingsId });
    assert.ok(settings.ui.messages.some((m) => m.id === 1060001), 'the settings flow says the account was recovered');
  });

  test('admin: a resend on an admin code flow under recovery.use: link mails a code, not a link', async () => {
    const { courier, identity } = await apis();
    const s = await server.get();
    const spa = new FrontendApi(new Configuration({ basePath: s.publicUrl, fetchApi: cookieJarFetch(), headers: { Accept: 'application/json' } }));
    const email = uniqueEmail('admin-code-resend');
    const created = await identity.createIdentity({ createIdentityBody: { schema_id: 'default', traits: { email } } });
    const code = await identity.createRecoveryCodeForIdentity({ createRecoveryCodeForIdentityBody: { identity_id: created.id } });
    const flow = await spa.getRecoveryFlow({ id: new URL(code.recovery_link).searchParams.get('flow') });
    const csrf = flow.ui.nodes.find((n) => n.attributes.name === 'csrf_token').attributes.value;

    const resent = await spa.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: 'code', email, csrf_token: csrf } });

    assert.equal(resent.active, 'code');
    assert.ok(resent.ui.messages.some((m) => m.id === 1060003), 'the flow says a code was sent');
    const { message } = await latestCode(courier, email);
    assert.equal(message.template_type, 'recovery_code_valid');
  });

  test('native: verification by link → the emailed link verifies the address', async () => {
    const { frontend, courier, identity } = await apis();
    const email = uniqueEmail('verify-link');
    const created = await identity.createIdentity({ createIdentityBody: { schema_id: 'default', traits: { email } } });
    const flow = await frontend.createNativeVerificationFlow();
    const sent = await frontend.updateVerificationFlow({ flow: flow.id, updateVerificationFlowBody: { method: 'link', email } });
    assert.equal(sent.state, 'sent_email');

    const [message] = await courier.listCourierMessages({ recipient: email });
    assert.equal(message.template_type, 'verification_valid');
    const link = /https?:\/\/\S+\/self-service\/verification\?\S+/.exec(message.body)[0];
    assert.equal((await click(link)).status, 303);

    const verified = await identity.getIdentity({ id: created.id });
    assert.equal(verified.verifiable_addresses[0].verified, true);
    assert.equal(verified.verifiable_addresses[0].status, 'completed');
  });
});
