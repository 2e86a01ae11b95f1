// Admin API keys (serve.admin.api_key_required) and impersonation through the official Ory SDK
// (@ory/kratos-client-fetch). The SDK sends Kratos's `oryAccessToken` scheme from `Configuration.apiKey`
// (the generated admin APIs call `configuration.apiKey("Authorization")`; `accessToken` is not consulted by them),
// so a key is configured as `apiKey: 'Bearer ' + key`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { Configuration, FrontendApi, IdentityApi } from '@ory/kratos-client-fetch';
import { serverBinary, useServer } from './lib/server.mjs';
import { expectApiError, uniqueEmail } from './lib/sdk.mjs';

const run = promisify(execFile);
const EXTRA = {
  serve: { admin: { api_key_required: true } },
  selfservice: { methods: { password: { config: { haveibeenpwned_enabled: false } } } },
};

describe('admin API keys through @ory/kratos-client-fetch', () => {
  const server = useServer({ config: EXTRA });

  /** `custos admin-keys create` against the server's own config file; returns { id, key }. */
  async function createKey(...scopes) {
    const { configPath } = await server.get();
    const args = ['admin-keys', 'create', '-c', configPath, '--name', `e2e-${scopes.join('-')}`];
    for (const scope of scopes) args.push('--scope', scope);
    const { stdout } = await run(serverBinary(), args);
    return JSON.parse(stdout);
  }

  const identityApi = async (key) =>
    new IdentityApi(new Configuration({ basePath: (await server.get()).adminUrl, ...(key ? { apiKey: `Bearer ${key}` } : {}) }));

  test('no key is 401, a key without the scope 403, the right scope passes', async () => {
    const reader = await createKey('identities:read');

    const { error: unauthorized } = await expectApiError((await identityApi()).listIdentities({}), 401);
    const list = await (await identityApi(reader.key)).listIdentities({});
    const { error: forbidden } = await expectApiError(
      (await identityApi(reader.key)).createIdentity({ createIdentityBody: { schema_id: 'default', traits: { email: uniqueEmail() } } }),
      403,
    );

    assert.equal(unauthorized.message, 'The request could not be authorized');
    assert.ok(Array.isArray(list));
    assert.match(forbidden.reason, /identities:write/);
  });

  test('impersonation: a marked session that may edit the profile but not the password', async () => {
    const admin = await createKey('identities:write', 'impersonate');
    const { adminUrl, publicUrl } = await server.get();
    const email = uniqueEmail('person');
    const person = await (await identityApi(admin.key)).createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email }, credentials: { password: { config: { password: 'a long enough e2e password 1!' } } } },
    });

    const started = await fetch(`${adminUrl}/admin/identities/${person.id}/impersonate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'support ticket 17', ttl: '5m' }),
    });
    const body = await started.json();
    const frontend = new FrontendApi(new Configuration({ basePath: publicUrl }));
    const whoami = await frontend.toSession({ xSessionToken: body.session_token });
    const flow = await frontend.createNativeSettingsFlow({ xSessionToken: body.session_token });
    const profile = await frontend.updateSettingsFlow({
      flow: flow.id,
      xSessionToken: body.session_token,
      updateSettingsFlowBody: { method: 'profile', traits: { email, name: { first: 'Grace' } } },
    });
    const { error } = await expectApiError(
      frontend.updateSettingsFlow({ flow: flow.id, xSessionToken: body.session_token, updateSettingsFlowBody: { method: 'password', password: 'an even longer e2e password 2!' } }),
      403,
    );

    assert.equal(started.status, 201);
    assert.deepEqual(body.session.impersonator, { key_id: admin.id, key_name: admin.name, reason: 'support ticket 17' });
    assert.equal(whoami.identity.id, person.id);
    assert.equal(whoami.authenticator_assurance_level, 'aal1');
    assert.equal(whoami.authentication_methods[0].method, 'impersonation');
    assert.equal(profile.state, 'success');
    assert.match(error.reason, /impersonated/);
  });
});
