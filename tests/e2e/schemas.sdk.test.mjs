// Identity schemas stored through PUT /admin/identity-schemas/{id} (issue 14 §5), seen through the official Ory SDK
// (@ory/kratos-client-fetch): listIdentitySchemas and getIdentitySchema show a stored schema beside the configured one,
// and createIdentity accepts it as schema_id. The SDK has no call for storing a schema, so that part is plain fetch.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { useServer } from './lib/server.mjs';
import { adminIdentityApi, base64Url, expectApiError, publicIdentityApi } from './lib/sdk.mjs';

const USERNAME_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    traits: {
      type: 'object',
      properties: {
        username: {
          type: 'string',
          minLength: 3,
          'ory.sh/kratos': { credentials: { password: { identifier: true } } },
        },
      },
      required: ['username'],
      additionalProperties: false,
    },
  },
};

async function putSchema(adminUrl, id, schema) {
  return fetch(`${adminUrl}/admin/identity-schemas/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(schema),
  });
}

describe('stored identity schemas through @ory/kratos-client-fetch', () => {
  const server = useServer();

  test('listIdentitySchemas and getIdentitySchema show a stored schema beside the configured one', async () => {
    const s = await server.get();
    const id = `stored-${randomUUID().slice(0, 8)}`;

    const put = await putSchema(s.adminUrl, id, USERNAME_SCHEMA);
    const schemas = await publicIdentityApi(s).listIdentitySchemas({});
    const byId = await publicIdentityApi(s).getIdentitySchema({ id });
    const byEncodedId = await publicIdentityApi(s).getIdentitySchema({ id: base64Url(id) });

    assert.equal(put.status, 201);
    assert.deepEqual(schemas.map((x) => x.id).slice(0, 1), ['default']);
    assert.deepEqual(schemas.find((x) => x.id === id)?.schema, USERNAME_SCHEMA);
    assert.deepEqual(byId, USERNAME_SCHEMA);
    assert.deepEqual(byEncodedId, USERNAME_SCHEMA);
  });

  test('createIdentity takes the stored schema as schema_id and enforces it', async () => {
    const s = await server.get();
    const id = `stored-${randomUUID().slice(0, 8)}`;
    await putSchema(s.adminUrl, id, USERNAME_SCHEMA);
    const api = adminIdentityApi(s);

    const identity = await api.createIdentity({ createIdentityBody: { schema_id: id, traits: { username: `u${randomUUID().slice(0, 8)}` } } });
    await expectApiError(api.createIdentity({ createIdentityBody: { schema_id: id, traits: { username: 'ab' } } }), 400);

    assert.equal(identity.schema_id, id);
    assert.equal(identity.schema_url, `${s.publicUrl}/schemas/${base64Url(id)}`);
  });

  test('a schema that fails the identity meta-schema is refused with 400 and never listed', async () => {
    const s = await server.get();
    const id = `bad-${randomUUID().slice(0, 8)}`;

    const put = await putSchema(s.adminUrl, id, { type: 'object', properties: { email: { type: 'string' } } });
    const body = await put.json();
    const schemas = await publicIdentityApi(s).listIdentitySchemas({});

    assert.equal(put.status, 400);
    assert.equal(body.error.code, 400);
    assert.match(body.error.reason, /traits/);
    assert.equal(schemas.find((x) => x.id === id), undefined);
    await expectApiError(publicIdentityApi(s).getIdentitySchema({ id }), 404);
  });

  test('GET /admin/config answers the effective configuration without the secrets', async () => {
    const s = await server.get();

    const response = await fetch(`${s.adminUrl}/admin/config`);
    const config = await response.json();

    assert.equal(response.status, 200);
    assert.equal(config.serve.public.base_url, `${s.publicUrl}/`);
    for (const secret of config.secrets?.default ?? []) {
      assert.equal(secret, '<redacted>');
    }
  });
});
