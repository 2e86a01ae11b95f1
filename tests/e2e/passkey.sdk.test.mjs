// Passkeys through the official Ory SDK (@ory/kratos-client-fetch) as native apps, SPAs and server-rendered browser
// pages use them, with a software authenticator (lib/webauthn.mjs) in place of the platform's: sign-up with a passkey,
// the stored credential, the discoverable login, adding and removing passkeys in settings, refused assertions and the
// sign counter. Expectations: the strategies contract §4 (4.2, 4.3, 4.6, 4.7) and §6 (AAL).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FlowClient, MODES, messageIds, node, nodes } from './lib/clients.mjs';
import { uniqueEmail } from './lib/sdk.mjs';
import { useServer } from './lib/server.mjs';
import { SoftAuthenticator, fromB64url } from './lib/webauthn.mjs';
import {
  ORIGIN, RP, adminCredential, assertFreshEntry, assertGroupOrder, assertNoRawJs, assertScriptNode, groupNodes, label, names,
  schemaWith, storedEntry,
} from './lib/webauthn-flows.mjs';

const CONFIG = {
  selfservice: {
    methods: {
      password: { config: { haveibeenpwned_enabled: false } },
      passkey: { enabled: true, config: { rp: { ...RP, origins: [ORIGIN] } } },
    },
    // unified: the passkey button is on the first form (profile_first, Kratos's default, shows it on step 2 only).
    flows: { registration: { style: 'unified', after: { passkey: { hooks: [{ hook: 'session' }] } } } },
  },
};
const PARAMS = [-7, -35, -36, -257, -258, -259, -37, -38, -39, -8];
const amr = (session) => session.authentication_methods.map((m) => [m.method, m.aal]);
const userHandleOf = (options) => fromB64url(options.user.id).toString('utf8');

describe('passkeys through @ory/kratos-client-fetch', () => {
  const server = useServer({ dev: true, schema: schemaWith({ passkey: { display_name: true } }), config: CONFIG });

  /** Registration form (§4.6): the passkey nodes in sorted order; returns the creation options wrapper. */
  async function registrationForm(client) {
    const s = await server.get();
    const flow = await client.create('registration');
    assertGroupOrder(flow, 'registration');
    const native = client.mode === 'native';
    assert.deepEqual(
      names(groupNodes(flow, 'webauthn', 'passkey')),
      [...(native ? [] : ['webauthn_script']), 'passkey_register_trigger', 'passkey_register', 'passkey_create_data'],
    );
    if (native) assertNoRawJs(flow);
    else await assertScriptNode(s, flow);
    const trigger = node(flow, 'passkey_register_trigger');
    assert.equal(trigger.attributes.type, 'button');
    assert.ok(!trigger.attributes.value, 'the trigger carries no value');
    assert.equal(trigger.attributes.onclickTrigger, 'oryPasskeyRegistration');
    assert.equal(trigger.attributes.onclick, native ? undefined : 'window.oryPasskeyRegistration()');
    assert.equal(label(trigger), 1040007);
    const register = node(flow, 'passkey_register');
    assert.equal(register.attributes.type, 'hidden');
    assert.ok(!register.attributes.value);
    const createData = node(flow, 'passkey_create_data');
    assert.equal(createData.attributes.type, 'hidden');
    const data = JSON.parse(createData.attributes.value);
    assert.deepEqual(Object.keys(data).sort(), ['credentialOptions', 'displayNameFieldName', 'displayNameFieldNames']);
    assert.equal(data.displayNameFieldName, 'traits.email');
    assert.deepEqual(data.displayNameFieldNames, ['traits.email']);
    const pk = data.credentialOptions.publicKey;
    assert.deepEqual(pk.rp, { name: RP.display_name, id: RP.id });
    assert.equal(pk.user.name, RP.display_name, 'the script puts the display-name field in later');
    assert.equal(pk.user.displayName, RP.display_name);
    assert.match(userHandleOf(pk), /^[A-Za-z0-9]{64}$/, 'a 64-character alphanumeric user handle');
    assert.equal(fromB64url(pk.challenge).length, 32);
    assert.deepEqual(pk.pubKeyCredParams, PARAMS.map((alg) => ({ type: 'public-key', alg })));
    assert.equal(pk.timeout, 300000);
    assert.deepEqual(pk.authenticatorSelection, { requireResidentKey: true, residentKey: 'required', userVerification: 'preferred' });
    assert.equal(pk.attestation, 'none');
    assert.equal((pk.excludeCredentials ?? []).length, 0, 'nothing to exclude on sign-up');
    return { flow, data };
  }

  /** Signs up `email` with a new passkey of `authenticator` (a native client unless `mode`); returns the details. */
  async function signUp({ mode = 'native', authenticator = new SoftAuthenticator({ origin: ORIGIN }), label: l = 'passkey' } = {}) {
    const email = uniqueEmail(`${l}-${mode}`);
    const client = new FlowClient(await server.get(), mode);
    const { flow, data } = await registrationForm(client);
    const created = authenticator.create(data);
    const result = await client.submit('registration', flow, { method: 'passkey', traits: { email }, passkey_register: JSON.stringify(created) });
    client.loggedIn(result);
    const session = await client.whoami();
    assert.equal(session.status, 200, JSON.stringify(session.body));
    return { client, email, authenticator, soft: created.credential, handle: userHandleOf(data.credentialOptions.publicKey), identityId: session.body.identity.id, session: session.body };
  }

  /** A fresh login flow (§4.6 first render checked); returns { client, flow, options }. */
  async function loginForm(mode) {
    const s = await server.get();
    const client = new FlowClient(s, mode);
    const flow = await client.create('login');
    assertGroupOrder(flow, 'login');
    const native = mode === 'native';
    assert.deepEqual(
      names(groupNodes(flow, 'webauthn', 'passkey')),
      [...(native ? [] : ['webauthn_script']), 'passkey_login_trigger', 'passkey_login', 'passkey_challenge'],
    );
    if (native) assertNoRawJs(flow);
    else await assertScriptNode(s, flow);
    const identifier = node(flow, 'identifier');
    assert.equal(identifier.group, 'default');
    assert.equal(identifier.attributes.type, 'text');
    assert.equal(identifier.attributes.required, true);
    assert.equal(identifier.attributes.autocomplete, 'username webauthn');
    const trigger = node(flow, 'passkey_login_trigger');
    assert.equal(trigger.attributes.type, 'button');
    assert.equal(trigger.attributes.onclickTrigger, 'oryPasskeyLogin');
    assert.equal(trigger.attributes.onclick, native ? undefined : 'window.oryPasskeyLogin()');
    assert.equal(label(trigger), 1010021);
    const login = node(flow, 'passkey_login');
    assert.equal(login.attributes.type, 'hidden');
    assert.equal(login.attributes.onloadTrigger, 'oryPasskeyLoginAutocompleteInit');
    assert.equal(login.attributes.onload, native ? undefined : 'window.oryPasskeyLoginAutocompleteInit()');
    const challenge = node(flow, 'passkey_challenge');
    assert.equal(challenge.attributes.type, 'hidden');
    const options = JSON.parse(challenge.attributes.value);
    const pk = options.publicKey;
    assert.equal(fromB64url(pk.challenge).length, 32);
    assert.equal(pk.rpId, RP.id);
    assert.equal(pk.timeout, 300000);
    assert.equal(pk.userVerification, 'preferred');
    assert.equal(pk.allowCredentials, undefined, 'a discoverable login lists no credentials');
    return { client, flow, options };
  }

  /** The flow a refused passkey login shows again, with the form-level message ids. */
  async function refusedLogin(client, flow, assertion) {
    const result = await client.submit('login', flow, { method: 'passkey', passkey_login: JSON.stringify(assertion) });
    const shown = client.shownFlow(result);
    assert.equal((await client.whoami()).status, 401, 'no session');
    return shown;
  }

  for (const mode of MODES) {
    test(`${mode}: passkey sign-up — §4.6 nodes, the identity's passkey credential (§4.7), session AMR passkey/aal1`, async () => {
      const s = await server.get();
      const { soft, handle, identityId, session } = await signUp({ mode });
      assert.deepEqual(amr(session), [['passkey', 'aal1']]);
      assert.equal(session.authenticator_assurance_level, 'aal1');
      const credential = await adminCredential(s, identityId, 'passkey');
      assert.equal(credential.type, 'passkey');
      assert.deepEqual(credential.identifiers, [handle], 'the user handle is the identifier');
      assert.equal(credential.version, 1);
      assert.deepEqual(Object.keys(credential.config).sort(), ['credentials', 'user_handle']);
      assert.equal(credential.config.user_handle, Buffer.from(handle, 'utf8').toString('base64'));
      assert.equal(credential.config.credentials.length, 1);
      assertFreshEntry(storedEntry(credential.config, soft), soft, { passwordless: true, signCount: 1 });
    });

    test(`${mode}: passkey login (discoverable, no identifier) → AMR passkey/aal1; settings add a second passkey, remove one, the last is kept (4000001)`, async () => {
      const s = await server.get();
      const first = await signUp({ label: 'passkey-settings' });
      const { client, flow, options } = await loginForm(mode);
      client.loggedIn(await client.submit('login', flow, { method: 'passkey', passkey_login: JSON.stringify(first.authenticator.get(options)) }));
      const session = await client.whoami();
      assert.equal(session.body.identity.id, first.identityId);
      assert.deepEqual(amr(session.body), [['passkey', 'aal1']]);
      assert.equal(session.body.authenticator_assurance_level, 'aal1');

      const settings = await client.create('settings');
      assertGroupOrder(settings, 'settings');
      const native = mode === 'native';
      assert.deepEqual(
        names(groupNodes(settings, 'webauthn', 'passkey')),
        [...(native ? [] : ['webauthn_script']), 'passkey_remove', 'passkey_register_trigger', 'passkey_settings_register', 'passkey_create_data'],
      );
      if (native) assertNoRawJs(settings);
      else await assertScriptNode(s, settings);
      const remove = node(settings, 'passkey_remove');
      assert.equal(remove.attributes.type, 'submit');
      assert.equal(remove.attributes.value, first.soft.idHex, 'hex credential id');
      assert.equal(remove.attributes.disabled, true, 'the only first factor cannot be removed');
      assert.equal(label(remove), 1050020);
      const trigger = node(settings, 'passkey_register_trigger');
      assert.equal(trigger.attributes.type, 'button');
      assert.equal(trigger.attributes.onclickTrigger, 'oryPasskeySettingsRegistration');
      assert.equal(label(trigger), 1050019);
      assert.equal(node(settings, 'passkey_settings_register').attributes.type, 'hidden');
      const pk = JSON.parse(node(settings, 'passkey_create_data').attributes.value).publicKey;
      assert.ok(pk, 'settings carry the plain creation options, not the registration wrapper');
      assert.equal(pk.user.name, first.email, 'named after the display-name trait');
      assert.deepEqual(pk.excludeCredentials.map((c) => c.id), [first.soft.idB64url], 'excludeCredentials lists the passkey already there');
      assert.throws(() => first.authenticator.create({ publicKey: pk }), /InvalidStateError/, 'the first authenticator refuses, as a browser would');

      const phone = new SoftAuthenticator({ origin: ORIGIN, alg: -8 });
      const added = phone.create({ publicKey: pk });
      const saved = client.shownFlow(await client.submit('settings', settings, { method: 'passkey', passkey_settings_register: JSON.stringify(added) }), 200);
      assert.equal(saved.state, 'success');
      assert.deepEqual(messageIds(saved), [1050001]);
      assert.deepEqual(nodes(saved, 'passkey_remove').map((n) => [n.attributes.value, n.attributes.disabled]).sort(), [
        [first.soft.idHex, false], [added.credential.idHex, false],
      ].sort());
      const newHandle = userHandleOf(pk);
      let credential = await adminCredential(s, first.identityId, 'passkey');
      assert.deepEqual([...credential.identifiers].sort(), [first.handle, newHandle].sort(), 'a new user handle per passkey');
      assert.equal(credential.config.user_handle, Buffer.from(newHandle).toString('base64'), 'user_handle is the newest handle');
      assertFreshEntry(storedEntry(credential.config, added.credential), added.credential, { passwordless: true, signCount: 1 });
      assert.deepEqual(amr((await client.whoami()).body), [['passkey', 'aal1'], ['passkey', 'aal1']], 'adding a passkey is an authentication');

      const phoneLogin = await loginForm(mode);
      phoneLogin.client.loggedIn(
        await phoneLogin.client.submit('login', phoneLogin.flow, { method: 'passkey', passkey_login: JSON.stringify(phone.get(phoneLogin.options)) }),
      );
      assert.equal((await phoneLogin.client.whoami()).body.identity.id, first.identityId, 'the new passkey signs in');

      const removeForm = await client.create('settings');
      const removed = client.shownFlow(await client.submit('settings', removeForm, { method: 'passkey', passkey_remove: first.soft.idHex }), 200);
      assert.equal(removed.state, 'success');
      credential = await adminCredential(s, first.identityId, 'passkey');
      assert.deepEqual(credential.config.credentials.map((c) => c.id), [added.credential.idBase64]);
      const gone = await loginForm(mode);
      const refused = await refusedLogin(gone.client, gone.flow, first.authenticator.get(gone.options));
      assert.ok(messageIds(refused).includes(4000043), `a removed passkey is refused: ${JSON.stringify(refused.ui.messages)}`);

      const lastForm = await client.create('settings');
      assert.equal(node(lastForm, 'passkey_remove').attributes.disabled, true);
      const kept = client.shownFlow(await client.submit('settings', lastForm, { method: 'passkey', passkey_remove: added.credential.idHex }));
      assert.notEqual(kept.state, 'success');
      const lockout = nodes(kept, 'webauthn_remove').flatMap((n) => n.messages);
      assert.deepEqual(lockout.map((m) => m.id), [4000001], `4000001 on the webauthn_remove node: ${JSON.stringify(kept.ui)}`);
      assert.equal(lockout[0].text, 'unable to remove this security key because it would lock you out of your account');
      credential = await adminCredential(s, first.identityId, 'passkey');
      assert.equal(credential.config.credentials.length, 1, 'the last passkey is kept');
    });

    test(`${mode}: passkey login refused — flipped signature, wrong origin, wrong RP id, another flow's challenge (4000043), unknown user handle (4000015), a replay`, async () => {
      const { authenticator, identityId } = await signUp({ label: 'passkey-refused' });
      const { client, flow, options } = await loginForm(mode);
      const other = await loginForm(mode);
      const attempts = [
        ['flipped signature', { tamper: { flipSignature: true } }, 4000043],
        ['wrong origin', { origin: 'http://evil.localhost:4455' }, 4000043],
        ['wrong RP id hash', { tamper: { rpId: 'evil.example' } }, 4000043],
        ["another flow's challenge", { tamper: { challenge: other.options.publicKey.challenge } }, 4000043],
        ['unknown user handle', { userHandle: 'x'.repeat(64) }, 4000015],
      ];
      let current = flow;
      for (const [what, knobs, id] of attempts) {
        current = await refusedLogin(client, current, authenticator.get(options, knobs));
        assert.equal(current.id, flow.id, `${what}: the same flow is shown again`);
        assert.deepEqual(messageIds(current), [id], `${what}: ${JSON.stringify(current.ui.messages)}`);
      }
      const good = authenticator.get(options);
      client.loggedIn(await client.submit('login', current, { method: 'passkey', passkey_login: JSON.stringify(good) }));
      assert.equal((await client.whoami()).body.identity.id, identityId, 'the untampered assertion still signs in on that flow');

      const replay = await loginForm(mode);
      const replayed = await refusedLogin(replay.client, replay.flow, good);
      assert.deepEqual(messageIds(replayed), [4000043], `a replayed assertion: ${JSON.stringify(replayed.ui.messages)}`);
    });
  }

  for (const mode of ['spa', 'browser']) {
    test(`${mode}: passkey — method=passkey without an assertion rebuilds the form with a fresh challenge (${mode === 'spa' ? '422' : '303'} to the login UI)`, async () => {
      const { authenticator, identityId } = await signUp({ label: 'passkey-rebuild' });
      const { client, flow, options } = await loginForm(mode);
      const result = await client.submit('login', flow, { method: 'passkey' });
      let rebuilt;
      if (mode === 'spa') {
        assert.equal(result.status, 422, JSON.stringify(result.body));
        assert.equal(result.body.error.id, 'browser_location_change_required');
        assert.match(result.body.redirect_browser_to, new RegExp(`\\?flow=${flow.id}$`));
        rebuilt = await client.get('login', flow.id);
      } else {
        assert.equal(result.status, 303);
        assert.ok(result.flow, `back to the login UI: ${result.location}`);
        rebuilt = result.flow;
      }
      const fresh = JSON.parse(node(rebuilt, 'passkey_challenge').attributes.value);
      assert.notEqual(fresh.publicKey.challenge, options.publicKey.challenge, 'a fresh challenge');
      const stale = await refusedLogin(client, rebuilt, authenticator.get(options));
      assert.deepEqual(messageIds(stale), [4000043], 'the replaced challenge no longer counts');
      client.loggedIn(await client.submit('login', stale, { method: 'passkey', passkey_login: JSON.stringify(authenticator.get(fresh)) }));
      assert.equal((await client.whoami()).body.identity.id, identityId);
    });
  }

  for (const mode of MODES) {
    test(`${mode}: passkey refresh — the form is bound to the session's person and lists their passkeys (allowCredentials)`, async () => {
      const { client, email, authenticator, soft, identityId, session } = await signUp({ mode, label: 'passkey-refresh' });
      const flow = await client.create('login', { refresh: true });
      assert.equal(flow.refresh, true);
      assert.ok(messageIds(flow).includes(1010003), JSON.stringify(flow.ui.messages));
      const identifier = node(flow, 'identifier');
      assert.equal(identifier.attributes.type, 'hidden');
      assert.equal(identifier.attributes.value, email, 'the display-name trait');
      assert.equal(label(node(flow, 'passkey_login_trigger')), 1010021);
      assert.equal(node(flow, 'passkey_login').attributes.type, 'hidden');
      const options = JSON.parse(node(flow, 'passkey_challenge').attributes.value);
      assert.deepEqual(options.publicKey.allowCredentials.map((c) => c.id), [soft.idB64url]);
      client.loggedIn(await client.submit('login', flow, { method: 'passkey', passkey_login: JSON.stringify(authenticator.get(options)) }));
      const refreshed = await client.whoami();
      assert.equal(refreshed.body.identity.id, identityId);
      assert.equal(refreshed.body.id, session.id, 'the same session is refreshed');
      assert.ok(new Date(refreshed.body.authenticated_at).getTime() >= new Date(session.authenticated_at).getTime(), 'authenticated_at does not go back');
    });
  }

  test('native: passkey with packed self attestation and an RS256 key — stored with attestation_type "packed", and it signs in', async () => {
    const s = await server.get();
    const packed = await signUp({ label: 'passkey-packed', authenticator: new SoftAuthenticator({ origin: ORIGIN, attestation: 'packed', alg: -257 }) });
    const entry = storedEntry((await adminCredential(s, packed.identityId, 'passkey')).config, packed.soft);
    assert.equal(entry.attestation_type, 'packed', 'the attestation format, as go-webauthn records it');
    assert.equal(entry.public_key, packed.soft.key.cose.toString('base64'));
    const { client, flow, options } = await loginForm('native');
    client.loggedIn(await client.submit('login', flow, { method: 'passkey', passkey_login: JSON.stringify(packed.authenticator.get(options)) }));
    assert.equal((await client.whoami()).body.identity.id, packed.identityId);
  });

  test('passkey sign counter (native): a non-increasing counter signs in with clone_warning and never lowers sign_count; an always-0 synced passkey is not flagged', async () => {
    const s = await server.get();
    const counted = await signUp({ label: 'passkey-counter' });
    const loginWith = async (authenticator, knobs = {}) => {
      const { client, flow, options } = await loginForm('native');
      client.loggedIn(await client.submit('login', flow, { method: 'passkey', passkey_login: JSON.stringify(authenticator.get(options, knobs)) }));
    };
    const entry = async (who) => storedEntry((await adminCredential(s, who.identityId, 'passkey')).config, who.soft);

    await loginWith(counted.authenticator, { counter: 5 });
    assert.deepEqual((await entry(counted)).authenticator, { aaguid: 'AAAAAAAAAAAAAAAAAAAAAA==', sign_count: 5, clone_warning: false });
    await loginWith(counted.authenticator, { counter: 3 });
    assert.deepEqual((await entry(counted)).authenticator, { aaguid: 'AAAAAAAAAAAAAAAAAAAAAA==', sign_count: 5, clone_warning: true }, 'flagged, not lowered');
    await loginWith(counted.authenticator, { counter: 5 });
    assert.equal((await entry(counted)).authenticator.sign_count, 5, 'an equal counter does not lower it either');

    const synced = await signUp({ label: 'passkey-synced', authenticator: new SoftAuthenticator({ origin: ORIGIN, counterStep: 0, be: true, bs: true }) });
    assertFreshEntry(await entry(synced), synced.soft, { passwordless: true, signCount: 0 });
    await loginWith(synced.authenticator);
    await loginWith(synced.authenticator);
    const after = await entry(synced);
    assert.deepEqual(after.authenticator, { aaguid: 'AAAAAAAAAAAAAAAAAAAAAA==', sign_count: 0, clone_warning: false }, 'always 0 is not a clone');
    assert.deepEqual(after.flags, { user_present: true, user_verified: true, backup_eligible: true, backup_state: true });
  });

  test('passkey: GET /.well-known/ory/webauthn.js is 200 and its SHA-512 is the integrity of every browser flow script node', async () => {
    const s = await server.get();
    const response = await fetch(`${s.publicUrl}/.well-known/ory/webauthn.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
    const spa = new FlowClient(s, 'spa');
    for (const type of ['login', 'registration']) await assertScriptNode(s, await spa.create(type));
    const native = new FlowClient(s, 'native');
    for (const type of ['login', 'registration']) assertNoRawJs(await native.create(type));
  });
});

describe('passkey sign-up in profile_first style (Kratos default) through @ory/kratos-client-fetch', () => {
  const server = useServer({
    dev: true,
    schema: schemaWith({ passkey: { display_name: true } }),
    config: { ...CONFIG, selfservice: { ...CONFIG.selfservice, flows: { registration: { after: { passkey: { hooks: [{ hook: 'session' }] } } } } } },
  });

  for (const mode of ['native', 'browser']) {
    test(`${mode}: passkey — no passkey nodes on the traits screen; the credential screen offers the passkey and it signs up`, async () => {
      const s = await server.get();
      const email = uniqueEmail(`passkey-profile-${mode}`);
      const client = new FlowClient(s, mode);
      const flow = await client.create('registration');
      assert.deepEqual(names(groupNodes(flow, 'webauthn', 'passkey')), [], 'step 1 asks for the traits only');
      const credentials = client.shownFlow(await client.submit('registration', flow, { method: 'profile', traits: { email } }));
      assert.deepEqual(
        names(groupNodes(credentials, 'webauthn', 'passkey')),
        [...(mode === 'native' ? [] : ['webauthn_script']), 'passkey_register_trigger', 'passkey_register', 'passkey_create_data'],
      );
      const data = JSON.parse(node(credentials, 'passkey_create_data').attributes.value);
      const created = new SoftAuthenticator({ origin: ORIGIN }).create(data);
      client.loggedIn(await client.submit('registration', credentials, { method: 'passkey', traits: { email }, passkey_register: JSON.stringify(created) }));
      const session = await client.whoami();
      assert.equal(session.body.identity.traits.email, email);
      assert.deepEqual(amr(session.body), [['passkey', 'aal1']]);
      const credential = await adminCredential(s, session.body.identity.id, 'passkey');
      assert.deepEqual(credential.identifiers, [userHandleOf(data.credentialOptions.publicKey)]);
    });
  }
});
