// The audit log of an end-to-end run (issue 14 §2): a person registers, signs in, types a wrong password, changes a
// profile field and the password, and signs out through the official Ory SDK (@ory/kratos-client-fetch); an admin
// creates, patches and deletes an identity. GET /admin/audit-events (not in Kratos's SDK: plain fetch, the documented
// shape {id, type, occurred_at, actor{kind,id,name}, identity_id, session_id, ip_address, user_agent, details})
// lists each action, and nothing secret used on the way appears anywhere in its answers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Configuration, FrontendApi, ResponseError } from '@ory/kratos-client-fetch';
import { adminIdentityApi, uniqueEmail } from './lib/sdk.mjs';
import { useServer } from './lib/server.mjs';

const PASSWORD = 'a long enough e2e password 1!';
const NEW_PASSWORD = 'an even longer e2e password 2!';
const WRONG_PASSWORD = 'definitely not the password 3!';
const ADMIN_PASSWORD = 'the admin set this password 4!';
const EXTRA = {
  selfservice: {
    methods: { password: { config: { haveibeenpwned_enabled: false } } },
    flows: { registration: { after: { password: { hooks: [{ hook: 'session' }] } } } },
  },
};

async function auditEvents(server, query) {
  const response = await fetch(`${server.adminUrl}/admin/audit-events?${new URLSearchParams(query)}`);
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return { events: JSON.parse(text), text };
}

async function rejected(promise) {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ResponseError) return e.response.status;
    throw e;
  }
  assert.fail('the call was expected to fail');
}

describe('the audit log of an end-to-end run', () => {
  const server = useServer({ config: EXTRA });

  test('register → wrong password → login → settings (profile, password) → logout; admin create → patch → delete', async () => {
    const s = await server.get();
    const api = new FrontendApi(new Configuration({ basePath: s.publicUrl }));
    const email = uniqueEmail('audit');

    const registration = await api.createNativeRegistrationFlow();
    const registered = await api.updateRegistrationFlow({
      flow: registration.id,
      updateRegistrationFlowBody: { method: 'password', traits: { email }, password: PASSWORD },
    });
    const identityId = registered.identity.id;

    const wrong = await api.createNativeLoginFlow();
    assert.equal(await rejected(api.updateLoginFlow({ flow: wrong.id, updateLoginFlowBody: { method: 'password', identifier: email, password: WRONG_PASSWORD } })), 400);
    const loginFlow = await api.createNativeLoginFlow();
    const login = await api.updateLoginFlow({ flow: loginFlow.id, updateLoginFlowBody: { method: 'password', identifier: email, password: PASSWORD } });
    const token = login.session_token;

    const settings = await api.createNativeSettingsFlow({ xSessionToken: token });
    await api.updateSettingsFlow({ flow: settings.id, xSessionToken: token, updateSettingsFlowBody: { method: 'profile', traits: { email, name: { first: 'Ada' } } } });
    await api.updateSettingsFlow({ flow: settings.id, xSessionToken: token, updateSettingsFlowBody: { method: 'password', password: NEW_PASSWORD } });
    await api.performNativeLogout({ performNativeLogoutBody: { session_token: token } });

    const admin = adminIdentityApi(s);
    const adminEmail = uniqueEmail('audit-admin');
    const created = await admin.createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email: adminEmail }, credentials: { password: { config: { password: ADMIN_PASSWORD } } } },
    });
    await admin.patchIdentity({ id: created.id, jsonPatch: [{ op: 'replace', path: '/state', value: 'inactive' }] });
    await admin.deleteIdentity({ id: created.id });

    const person = await auditEvents(s, { identity_id: identityId });
    const types = person.events.map((e) => e.type);
    for (const type of ['registration.succeeded', 'login.failed', 'login.succeeded', 'settings.updated', 'credential.added', 'session.revoked']) {
      assert.ok(types.includes(type), `${type} is listed: ${types.join(', ')}`);
    }
    const failed = person.events.find((e) => e.type === 'login.failed');
    assert.equal(failed.details.reason, 'invalid_credentials');
    const succeeded = person.events.find((e) => e.type === 'login.succeeded');
    assert.equal(succeeded.session_id, login.session.id);
    assert.equal(succeeded.actor.kind, 'identity');
    assert.equal(succeeded.actor.id, identityId);
    assert.deepEqual(person.events.filter((e) => e.type === 'settings.updated').map((e) => e.details.method).sort(), ['password', 'profile']);
    assert.equal(person.events.find((e) => e.type === 'credential.added').details.type, 'password');
    assert.equal(person.events.find((e) => e.type === 'session.revoked').details.reason, 'logout');
    for (const event of person.events) {
      assert.ok(event.id && event.occurred_at, 'each event has an id and a time');
      assert.equal(event.identity_id, identityId);
    }

    const managed = await auditEvents(s, { identity_id: created.id });
    assert.deepEqual(managed.events.map((e) => e.type).sort(), ['identity.created', 'identity.deleted', 'identity.updated']);
    const updated = managed.events.find((e) => e.type === 'identity.updated');
    assert.deepEqual(updated.details.state, { from: 'active', to: 'inactive' });
    const byType = await auditEvents(s, { type: 'identity.deleted' });
    assert.ok(byType.events.some((e) => e.identity_id === created.id));
    assert.ok(byType.events.every((e) => e.type === 'identity.deleted'));

    for (const text of [person.text, managed.text]) {
      for (const secret of [PASSWORD, NEW_PASSWORD, WRONG_PASSWORD, ADMIN_PASSWORD, token, email, adminEmail]) {
        assert.ok(!text.includes(secret), `the audit list does not contain ${secret.slice(0, 10)}…`);
      }
      assert.ok(!/ory_st_|\$argon2|\$2[aby]\$|hashed_password/.test(text), 'no token or hash');
    }
  });
});
