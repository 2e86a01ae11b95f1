// The admin identities API, identity schemas and health/version, driven through the official Ory SDK
// (@ory/kratos-client-fetch) against the published Custos server. The expectations are Kratos's contract
// (shared kratos/api.json and API_CONTRACT.md sections 1.9, 1.12 and 6), not Custos's implementation.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { PERSON_SCHEMA, useServer } from './lib/server.mjs';
import {
  adminIdentityApi,
  base64Url,
  expectApiError,
  metadataApi,
  parseLinkHeader,
  publicIdentityApi,
  uniqueEmail,
} from './lib/sdk.mjs';

// bcrypt (cost 4) of "correct horse battery staple", as exported from another system.
const IMPORTED_BCRYPT_HASH = '$2b$04$uo0Ao.le0n0WgZmAz6LiL.3vjddFAWYLPQQKeFzGxanmgd0TIGxqm';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('identities admin API through @ory/kratos-client-fetch', () => {
  const server = useServer({ hasher: 'argon2' });
  const admin = async () => adminIdentityApi(await server.get());

  async function createPerson(overrides = {}) {
    const email = overrides.email ?? uniqueEmail();
    const api = await admin();
    return api.createIdentity({
      createIdentityBody: {
        schema_id: 'default',
        traits: { email, name: { first: 'Ada', last: 'Lovelace' } },
        credentials: { password: { config: { password: 'a long enough e2e password 1!' } } },
        ...overrides.body,
      },
    });
  }

  describe('metadata', () => {
    test('isAlive, isReady and getVersion answer on the admin URL', async () => {
      const { adminUrl } = await server.get();
      const meta = metadataApi(adminUrl);

      const alive = await meta.isAlive();
      const ready = await meta.isReady();
      const version = await meta.getVersion();

      assert.equal(alive.status, 'ok');
      assert.equal(ready.status, 'ok');
      assert.equal(typeof version.version, 'string');
      assert.ok(version.version.length > 0, 'version is not empty');
    });

    test('isAlive and isReady also answer on the public URL', async () => {
      const { publicUrl } = await server.get();
      const meta = metadataApi(publicUrl);

      assert.equal((await meta.isAlive()).status, 'ok');
      assert.equal((await meta.isReady()).status, 'ok');
    });
  });

  describe('identity schemas (public URL)', () => {
    test('listIdentitySchemas returns the configured schema verbatim', async () => {
      const api = publicIdentityApi(await server.get());

      const schemas = await api.listIdentitySchemas({});

      const entry = schemas.find((s) => s.id === 'default');
      assert.ok(entry, `schema "default" listed: ${JSON.stringify(schemas.map((s) => s.id))}`);
      assert.deepEqual(entry.schema, PERSON_SCHEMA);
    });

    test('getIdentitySchema by id and by its base64url form', async () => {
      const api = publicIdentityApi(await server.get());

      const byId = await api.getIdentitySchema({ id: 'default' });
      const byEncodedId = await api.getIdentitySchema({ id: base64Url('default') });

      assert.deepEqual(byId, PERSON_SCHEMA);
      assert.deepEqual(byEncodedId, PERSON_SCHEMA);
    });

    test('getIdentitySchema for an unknown id is a 404 envelope', async () => {
      const api = publicIdentityApi(await server.get());

      await expectApiError(api.getIdentitySchema({ id: 'no-such-schema' }), 404);
    });
  });

  describe('create', () => {
    test('createIdentity with a cleartext password: 201, Location, derived identifiers and addresses', async () => {
      const { adminUrl, publicUrl } = await server.get();
      const api = await admin();
      const email = uniqueEmail('create');

      const res = await api.createIdentityRaw({
        createIdentityBody: {
          schema_id: 'default',
          traits: { email, name: { first: 'Ada', last: 'Lovelace' } },
          metadata_public: { plan: 'free' },
          metadata_admin: { note: 'created by e2e' },
          credentials: { password: { config: { password: 'a long enough e2e password 1!' } } },
        },
      });
      const identity = await res.value();

      assert.equal(res.raw.status, 201);
      assert.match(identity.id, UUID);
      assert.match(res.raw.headers.get('location') ?? '', new RegExp(`/identities/${identity.id}$`));
      assert.ok((res.raw.headers.get('location') ?? '').startsWith(adminUrl), 'Location points at the admin URL');
      assert.equal(identity.schema_id, 'default');
      assert.equal(identity.schema_url, `${publicUrl}/schemas/${base64Url('default')}`);
      assert.equal(identity.state, 'active');
      assert.deepEqual(identity.traits, { email, name: { first: 'Ada', last: 'Lovelace' } });
      assert.deepEqual(identity.metadata_public, { plan: 'free' });
      assert.deepEqual(identity.metadata_admin, { note: 'created by e2e' });
      assert.deepEqual(identity.credentials?.password?.identifiers, [email]);
      assert.equal(identity.credentials.password.config, undefined, 'no credential config in the create response');
      assert.equal(identity.verifiable_addresses?.length, 1);
      assert.equal(identity.verifiable_addresses[0].value, email);
      assert.equal(identity.verifiable_addresses[0].via, 'email');
      assert.equal(identity.verifiable_addresses[0].verified, false);
      assert.equal(identity.verifiable_addresses[0].status, 'pending');
      assert.equal(identity.recovery_addresses?.length, 1);
      assert.equal(identity.recovery_addresses[0].value, email);
      assert.equal(identity.recovery_addresses[0].via, 'email');
      assert.ok(identity.created_at instanceof Date && !Number.isNaN(identity.created_at.getTime()));
    });

    test('getIdentity includes the password hash only with includeCredential=password', async () => {
      const api = await admin();
      const created = await createPerson();

      const plain = await api.getIdentity({ id: created.id });
      const withHash = await api.getIdentity({ id: created.id, includeCredential: ['password'] });

      assert.ok(plain.credentials?.password, 'credentials are listed on admin GET');
      assert.equal(plain.credentials.password.config, undefined, 'config stripped without include_credential');
      assert.ok(!JSON.stringify(plain).includes('hashed_password'));
      const hash = withHash.credentials?.password?.config?.hashed_password;
      assert.equal(typeof hash, 'string', 'hashed_password present with include_credential=password');
      assert.match(hash, /^\$argon2id\$/, 'hashed with the configured hasher (argon2)');
      assert.ok(!hash.includes('a long enough e2e password'), 'the cleartext is never stored');
    });

    test('createIdentity imports a bcrypt hashed_password verbatim', async () => {
      const api = await admin();
      const email = uniqueEmail('import');

      const created = await api.createIdentity({
        createIdentityBody: {
          schema_id: 'default',
          traits: { email },
          credentials: { password: { config: { hashed_password: IMPORTED_BCRYPT_HASH } } },
        },
      });
      const fetched = await api.getIdentity({ id: created.id, includeCredential: ['password'] });

      assert.deepEqual(created.credentials?.password?.identifiers, [email]);
      assert.equal(fetched.credentials.password.config?.hashed_password, IMPORTED_BCRYPT_HASH);
    });

    test('createIdentity with a hash in no known format is a 400', async () => {
      const api = await admin();

      const { error } = await expectApiError(
        api.createIdentity({
          createIdentityBody: {
            schema_id: 'default',
            traits: { email: uniqueEmail('badhash') },
            credentials: { password: { config: { hashed_password: 'plain-text-is-not-a-hash' } } },
          },
        }),
        400,
      );

      assert.match(`${error.reason ?? ''} ${error.message}`, /hash/i);
    });

    test('createIdentity with a duplicate email is a 409', async () => {
      const api = await admin();
      const email = uniqueEmail('dup');
      await createPerson({ email });

      const { error } = await expectApiError(createPerson({ email }), 409);

      assert.equal(error.status, 'Conflict');
    });

    test('createIdentity with invalid traits is a 400 whose reason names the format', async () => {
      const api = await admin();

      const { error } = await expectApiError(
        api.createIdentity({ createIdentityBody: { schema_id: 'default', traits: { email: 'not-an-email' } } }),
        400,
      );

      assert.equal(error.status, 'Bad Request');
      assert.match(error.reason ?? '', /email/);
      assert.match(error.reason ?? '', /format|not valid/i);
    });
  });

  describe('list', () => {
    test('listIdentities with pageSize 1 walks every page through the Link header', async () => {
      const api = await admin();
      const mine = [];
      for (let i = 0; i < 3; i++) mine.push((await createPerson()).id);
      const everything = (await api.listIdentities({ pageSize: 500 })).map((i) => i.id);

      const seen = [];
      let pageToken;
      let sawFirst = false;
      for (let page = 0; page < 1000; page++) {
        const res = await api.listIdentitiesRaw({ pageSize: 1, ...(pageToken ? { pageToken } : {}) });
        const items = await res.value();
        assert.ok(items.length <= 1, `page ${page} has ${items.length} items with page_size=1`);
        seen.push(...items.map((i) => i.id));
        const links = parseLinkHeader(res.raw.headers.get('link'));
        sawFirst ||= Boolean(links.first);
        const next = links.next?.searchParams.get('page_token');
        if (!next || items.length === 0) break;
        assert.notEqual(next, pageToken, 'the next token moves forward');
        pageToken = next;
      }

      assert.ok(sawFirst, 'Link header has rel="first"');
      assert.equal(new Set(seen).size, seen.length, 'no identity is listed twice');
      assert.deepEqual([...seen].sort(), [...everything].sort(), 'pagination yields exactly the full list');
      for (const id of mine) assert.ok(seen.includes(id), `created identity ${id} was listed`);
      assert.deepEqual(seen, [...seen].sort(), 'ordered by id ascending');
    });

    test('listIdentities filters by credentialsIdentifier', async () => {
      const api = await admin();
      const email = uniqueEmail('filter');
      const target = await createPerson({ email });
      await createPerson();

      const hits = await api.listIdentities({ credentialsIdentifier: email });
      const none = await api.listIdentities({ credentialsIdentifier: uniqueEmail('nobody') });

      assert.deepEqual(
        hits.map((i) => i.id),
        [target.id],
      );
      assert.deepEqual(hits[0].traits.email, email);
      assert.deepEqual(none, []);
    });
  });

  describe('update', () => {
    test('updateIdentity (PUT) replaces traits, clears omitted metadata and changes state', async () => {
      const api = await admin();
      const email = uniqueEmail('put');
      const created = await createPerson({
        email,
        body: { metadata_public: { plan: 'pro' } },
      });

      const updated = await api.updateIdentity({
        id: created.id,
        updateIdentityBody: { schema_id: 'default', state: 'inactive', traits: { email, name: { first: 'Grace' } } },
      });
      const fetched = await api.getIdentity({ id: created.id });

      assert.deepEqual(updated.traits, { email, name: { first: 'Grace' } }, 'traits replaced, not merged');
      assert.equal(updated.state, 'inactive');
      assert.equal(updated.metadata_public, undefined, 'omitted metadata_public is cleared');
      assert.ok(updated.state_changed_at instanceof Date);
      if (created.state_changed_at instanceof Date) {
        assert.ok(updated.state_changed_at.getTime() >= created.state_changed_at.getTime());
      }
      assert.deepEqual(fetched.traits, updated.traits);
      assert.equal(fetched.state, 'inactive');
    });

    test('updateIdentity of an unknown id is a 404', async () => {
      const api = await admin();

      await expectApiError(
        api.updateIdentity({
          id: randomUUID(),
          updateIdentityBody: { schema_id: 'default', state: 'active', traits: { email: uniqueEmail() } },
        }),
        404,
      );
    });

    test('patchIdentity (JSON Patch) replaces /traits/name/first only', async () => {
      const api = await admin();
      const email = uniqueEmail('patch');
      const created = await createPerson({ email });

      const patched = await api.patchIdentity({
        id: created.id,
        jsonPatch: [{ op: 'replace', path: '/traits/name/first', value: 'Augusta' }],
      });

      assert.deepEqual(patched.traits, { email, name: { first: 'Augusta', last: 'Lovelace' } });
      assert.deepEqual((await api.getIdentity({ id: created.id })).traits, patched.traits);
    });

    test('patchIdentity on a denied path (/id) is a 400', async () => {
      const api = await admin();
      const created = await createPerson();

      await expectApiError(
        api.patchIdentity({ id: created.id, jsonPatch: [{ op: 'replace', path: '/id', value: randomUUID() }] }),
        400,
      );
    });

    test('batchPatchIdentities creates each identity and reports a duplicate as an error action', async () => {
      const api = await admin();
      const existing = uniqueEmail('batch-existing');
      await createPerson({ email: existing });
      const [a, b, dup] = [randomUUID(), randomUUID(), randomUUID()];
      const emailA = uniqueEmail('batch-a');
      const emailB = uniqueEmail('batch-b');

      const result = await api.batchPatchIdentities({
        patchIdentitiesBody: {
          identities: [
            { patch_id: a, create: { schema_id: 'default', traits: { email: emailA } } },
            { patch_id: b, create: { schema_id: 'default', traits: { email: emailB } } },
            {
              patch_id: dup,
              create: {
                schema_id: 'default',
                traits: { email: existing },
                credentials: { password: { config: { password: 'another long e2e password 2!' } } },
              },
            },
          ],
        },
      });

      const byPatch = Object.fromEntries((result.identities ?? []).map((r) => [r.patch_id, r]));
      assert.equal(result.identities?.length, 3);
      assert.equal(byPatch[a]?.action, 'create');
      assert.equal(byPatch[b]?.action, 'create');
      assert.match(byPatch[a].identity ?? '', UUID);
      assert.match(byPatch[b].identity ?? '', UUID);
      assert.equal(byPatch[dup]?.action, 'error');
      assert.equal(byPatch[dup].identity, undefined);
      assert.equal(byPatch[dup].error?.code, 409);
      assert.equal((await api.getIdentity({ id: byPatch[a].identity })).traits.email, emailA);
      assert.equal((await api.getIdentity({ id: byPatch[b].identity })).traits.email, emailB);
    });
  });

  describe('external id', () => {
    test('getIdentityByExternalID finds the identity created with that external_id', async () => {
      const api = await admin();
      const externalId = `ext-${randomUUID()}`;
      const created = await createPerson({ body: { external_id: externalId } });

      const found = await api.getIdentityByExternalID({ externalID: externalId });

      assert.equal(created.external_id, externalId);
      assert.equal(found.id, created.id);
      assert.equal(found.external_id, externalId);
    });

    test('getIdentityByExternalID for an unknown external id is a 404', async () => {
      const api = await admin();

      await expectApiError(api.getIdentityByExternalID({ externalID: `missing-${randomUUID()}` }), 404);
    });
  });

  describe('delete', () => {
    test('deleteIdentityCredentials removes one OIDC link (204) and keeps the password', async () => {
      const api = await admin();
      const subject = `sub-${randomUUID()}`;
      const created = await createPerson({
        body: {
          credentials: {
            password: { config: { password: 'a long enough e2e password 1!' } },
            oidc: { config: { providers: [{ provider: 'github', subject }] } },
          },
        },
      });
      assert.deepEqual(created.credentials?.oidc?.identifiers, [`github:${subject}`]);

      const res = await api.deleteIdentityCredentialsRaw({ id: created.id, type: 'oidc', identifier: `github:${subject}` });
      const after = await api.getIdentity({ id: created.id });

      assert.equal(res.raw.status, 204);
      assert.ok(!(after.credentials?.oidc?.identifiers ?? []).includes(`github:${subject}`), 'the OIDC link is gone');
      assert.ok(after.credentials?.password, 'the password credential is kept');
    });

    test('deleteIdentityCredentials refuses to remove the last first factor (400)', async () => {
      const api = await admin();
      const created = await createPerson();

      const { error } = await expectApiError(api.deleteIdentityCredentials({ id: created.id, type: 'password' }), 400);
      const after = await api.getIdentity({ id: created.id, includeCredential: ['password'] });

      assert.match(`${error.reason ?? ''}`, /last first factor/i);
      assert.ok(after.credentials?.password?.config?.hashed_password, 'the password is still there');
    });

    test('deleteIdentityCredentials of a type the identity does not have is a 404', async () => {
      const api = await admin();
      const created = await createPerson();

      await expectApiError(api.deleteIdentityCredentials({ id: created.id, type: 'totp' }), 404);
    });

    test('deleteIdentity (204), then getIdentity is a 404 with the error envelope', async () => {
      const api = await admin();
      const created = await createPerson();

      const res = await api.deleteIdentityRaw({ id: created.id });
      const { body } = await expectApiError(api.getIdentity({ id: created.id }), 404);

      assert.equal(res.raw.status, 204);
      assert.equal(body.error.code, 404);
      assert.equal(body.error.status, 'Not Found');
      assert.equal(typeof body.error.message, 'string');
      assert.ok(body.error.message.length > 0);
    });

    test('deleteIdentity of an unknown id is a 404', async () => {
      const api = await admin();

      await expectApiError(api.deleteIdentity({ id: randomUUID() }), 404);
    });
  });
});
