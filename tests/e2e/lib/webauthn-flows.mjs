// Shared pieces of the passkey and webauthn SDK tests: the identity schema with the WebAuthn trait markers, node
// helpers, the group-rank check of the strategies contract §0.2 and the admin view of a WebAuthn credential.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { adminIdentityApi } from './sdk.mjs';
import { PERSON_SCHEMA } from './server.mjs';

/** Where the soft authenticator says it ran; the server's rp.origins lists it, nothing has to listen there. */
export const ORIGIN = 'http://localhost:4455';
export const RP = { id: 'localhost', display_name: 'Custos E2E' };

/** PERSON_SCHEMA with `credentials.<type>` markers added to traits.email (e.g. { passkey: { display_name: true } }). */
export function schemaWith(credentials) {
  const schema = structuredClone(PERSON_SCHEMA);
  const email = schema.properties.traits.properties.email['ory.sh/kratos'];
  email.credentials = { ...email.credentials, ...credentials };
  return schema;
}

export const names = (list) => list.map((n) => n.attributes.name ?? n.attributes.id);
export const label = (n) => n.meta.label?.id;
export const groupNodes = (flow, ...groups) => flow.ui.nodes.filter((n) => groups.includes(n.group));

/** Group ranks of §0.2: a flow's nodes are stable-sorted by these (an unlisted group ranks first). */
export const GROUP_RANK = {
  login: ['oidc', 'default', 'webauthn', 'passkey', 'code', 'password', 'totp', 'lookup_secret'],
  registration: ['oidc', 'saml', 'default', 'webauthn', 'passkey', 'code', 'password', 'captcha', 'profile'],
  settings: ['default', 'profile', 'password', 'oidc', 'lookup_secret', 'webauthn', 'passkey', 'totp'],
};

/** Checks that the groups of `flow.ui.nodes` never go down in rank (the flow was sorted as Kratos sorts). */
export function assertGroupOrder(flow, type) {
  const ranks = flow.ui.nodes.map((n) => GROUP_RANK[type].indexOf(n.group));
  for (let i = 1; i < ranks.length; i++) {
    assert.ok(ranks[i] >= ranks[i - 1], `nodes sorted by group (§0.2): ${JSON.stringify(flow.ui.nodes.map((n) => `${n.group}:${n.attributes.name ?? n.attributes.id}`))}`);
  }
}

/** A browser flow's script node (§4.2), checked against the bytes the server serves. */
export async function assertScriptNode(server, flow) {
  const scripts = flow.ui.nodes.filter((n) => n.type === 'script');
  assert.equal(scripts.length, 1, `one script node: ${JSON.stringify(names(flow.ui.nodes))}`);
  const [script] = scripts;
  assert.equal(script.group, 'webauthn');
  const a = script.attributes;
  assert.equal(a.id, 'webauthn_script');
  assert.equal(a.node_type, 'script');
  assert.equal(a.src, `${server.publicUrl}/.well-known/ory/webauthn.js`);
  assert.equal(a.async, true);
  assert.equal(a.referrerpolicy, 'no-referrer');
  assert.equal(a.crossorigin, 'anonymous');
  assert.equal(a.type, 'text/javascript');
  assert.ok(a.nonce, 'a nonce per render');
  const response = await fetch(a.src);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
  const served = Buffer.from(await response.arrayBuffer());
  assert.equal(a.integrity, `sha512-${createHash('sha512').update(served).digest('base64')}`, 'integrity hashes the served bytes');
}

/** API flows: no script node and no raw JavaScript (`onclick` / `onload`) anywhere (§4.2). */
export function assertNoRawJs(flow) {
  assert.equal(flow.ui.nodes.filter((n) => n.type === 'script').length, 0, 'no script node on an API flow');
  for (const n of flow.ui.nodes) {
    assert.equal(n.attributes.onclick, undefined, `no onclick on ${n.attributes.name}`);
    assert.equal(n.attributes.onload, undefined, `no onload on ${n.attributes.name}`);
  }
}

/** The identity's credential of `type` with its config (admin API, include_credential). */
export async function adminCredential(server, identityId, type) {
  const identity = await adminIdentityApi(server).getIdentity({ id: identityId, includeCredential: [type] });
  const credential = identity.credentials?.[type];
  assert.ok(credential, `the identity has a ${type} credential: ${JSON.stringify(identity.credentials)}`);
  return credential;
}

/** The stored entry (§4.7) of soft credential `soft` in a WebAuthn credential config. */
export function storedEntry(config, soft) {
  const found = config.credentials.filter((c) => c.id === soft.idBase64);
  assert.equal(found.length, 1, `the credential ${soft.idBase64} is stored once: ${JSON.stringify(config.credentials.map((c) => c.id))}`);
  return found[0];
}

/** The §4.7 shape of a freshly registered credential made by the soft authenticator (attestation none, AAGUID 0). */
export function assertFreshEntry(entry, soft, { passwordless, signCount }) {
  assert.equal(entry.id, soft.idBase64, 'id is standard base64');
  assert.equal(entry.public_key, soft.key.cose.toString('base64'), 'public_key is the COSE key as sent');
  assert.equal(entry.attestation_type, 'none');
  assert.deepEqual(entry.authenticator, { aaguid: 'AAAAAAAAAAAAAAAAAAAAAA==', sign_count: signCount, clone_warning: false });
  assert.equal(typeof entry.display_name, 'string');
  assert.equal(entry.is_passwordless, passwordless);
  assert.deepEqual(entry.flags, { user_present: true, user_verified: soft.uv, backup_eligible: soft.be, backup_state: soft.bs });
  assert.match(entry.added_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'added_at is rounded to seconds, UTC');
  assert.ok(Math.abs(Date.parse(entry.added_at) - Date.now()) < 120_000, 'added now');
}
