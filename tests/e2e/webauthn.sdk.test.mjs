// Security keys (the `webauthn` strategy) through the official Ory SDK (@ory/kratos-client-fetch) on browser flows —
// as SPAs and server-rendered pages use them — with a software authenticator (lib/webauthn.mjs): adding a key in
// settings, the aal2 step-up after a password login, removing the key, and API flows that never show the strategy;
// then passwordless mode (a key as the first factor). Expectations: the strategies contract §4.3–4.5, 4.7 and §6.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FlowClient, messageIds, node, nodes } from './lib/clients.mjs';
import { adminIdentityApi, uniqueEmail } from './lib/sdk.mjs';
import { useServer } from './lib/server.mjs';
import { SoftAuthenticator, fromB64url } from './lib/webauthn.mjs';
import {
  ORIGIN, RP, adminCredential, assertFreshEntry, assertGroupOrder, assertScriptNode, groupNodes, label, names, schemaWith, storedEntry,
} from './lib/webauthn-flows.mjs';

const PASSWORD = 'a long enough e2e password 1!';
const PARAMS = [-7, -35, -36, -257, -258, -259, -37, -38, -39, -8];
const BROWSER_MODES = ['spa', 'browser'];
const SCHEMA = schemaWith({ webauthn: { identifier: true } });
const config = (passwordless) => ({
  selfservice: {
    methods: {
      password: { config: { haveibeenpwned_enabled: false } },
      webauthn: { enabled: true, config: { passwordless, rp: { ...RP, origins: [ORIGIN] } } },
    },
    flows: { registration: { style: 'unified', after: { webauthn: { hooks: [{ hook: 'session' }] }, password: { hooks: [{ hook: 'session' }] } } } },
  },
});
const amr = (session) => session.authentication_methods.map((m) => [m.method, m.aal]);
const uuidBytes = (id) => Buffer.from(id.replaceAll('-', ''), 'hex');
/** A security key: no user verification, as with `userVerification: "discouraged"`. */
const securityKey = () => new SoftAuthenticator({ origin: ORIGIN, uv: false });

/** Creation options (§4.3) of a webauthn trigger; checks the fixed parts. */
function creationOptions(trigger, mode) {
  assert.equal(trigger.attributes.type, 'button');
  assert.equal(trigger.attributes.onclickTrigger, 'oryWebAuthnRegistration');
  const options = JSON.parse(trigger.attributes.value);
  if (mode === 'native') assert.equal(trigger.attributes.onclick, undefined);
  else assert.equal(trigger.attributes.onclick, `window.oryWebAuthnRegistration(${trigger.attributes.value})`);
  const pk = options.publicKey;
  assert.deepEqual(pk.rp, { name: RP.display_name, id: RP.id });
  assert.equal(pk.user.name, RP.display_name);
  assert.equal(pk.user.displayName, RP.display_name);
  assert.equal(fromB64url(pk.challenge).length, 32);
  assert.deepEqual(pk.pubKeyCredParams, PARAMS.map((alg) => ({ type: 'public-key', alg })));
  assert.equal(pk.timeout, 120000);
  assert.deepEqual(pk.authenticatorSelection, { userVerification: 'discouraged' });
  return options;
}

/** Assertion options (§4.3) of a `webauthn_login_trigger`. */
function requestOptions(trigger, allowed) {
  assert.equal(trigger.attributes.type, 'button');
  assert.equal(trigger.attributes.onclickTrigger, 'oryWebAuthnLogin');
  const options = JSON.parse(trigger.attributes.value);
  assert.equal(trigger.attributes.onclick, `window.oryWebAuthnLogin(${trigger.attributes.value})`);
  const pk = options.publicKey;
  assert.equal(fromB64url(pk.challenge).length, 32);
  assert.equal(pk.rpId, RP.id);
  assert.equal(pk.timeout, 120000);
  assert.equal(pk.userVerification, 'discouraged');
  assert.deepEqual(pk.allowCredentials.map((c) => [c.type, c.id]), allowed.map((c) => ['public-key', c.idB64url]));
  return options;
}

describe('security keys (webauthn, second factor) through @ory/kratos-client-fetch', () => {
  const server = useServer({ dev: true, schema: SCHEMA, config: config(false) });

  async function person(l) {
    const s = await server.get();
    const email = uniqueEmail(l);
    const identity = await adminIdentityApi(s).createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email }, credentials: { password: { config: { password: PASSWORD } } } },
    });
    return { email, id: identity.id };
  }

  for (const mode of BROWSER_MODES) {
    test(`${mode}: webauthn — add a security key in settings, password login → aal2 step-up with the key, remove it`, async () => {
      const s = await server.get();
      const { email, id } = await person(`webauthn-${mode}`);
      const owner = new FlowClient(s, mode);
      owner.loggedIn(await owner.passwordLogin(email, PASSWORD));
      const settings = await owner.create('settings');
      assertGroupOrder(settings, 'settings');
      assert.deepEqual(names(groupNodes(settings, 'webauthn')), ['webauthn_register_displayname', 'webauthn_register', 'webauthn_register_trigger', 'webauthn_script']);
      await assertScriptNode(s, settings);
      const displayName = node(settings, 'webauthn_register_displayname');
      assert.equal(displayName.attributes.type, 'text');
      assert.equal(displayName.attributes.value, '');
      assert.equal(label(displayName), 1050013);
      assert.equal(node(settings, 'webauthn_register').attributes.type, 'hidden');
      const trigger = node(settings, 'webauthn_register_trigger');
      assert.equal(label(trigger), 1050012);
      const options = creationOptions(trigger, mode);
      assert.deepEqual(fromB64url(options.publicKey.user.id), uuidBytes(id), 'settings use the identity id as user handle');
      assert.equal((options.publicKey.excludeCredentials ?? []).length, 0);

      const key = securityKey();
      const created = key.create(options);
      const saved = owner.shownFlow(
        await owner.submit('settings', settings, { method: 'webauthn', webauthn_register: JSON.stringify(created), webauthn_register_displayname: 'My key' }),
        200,
      );
      assert.equal(saved.state, 'success');
      assert.deepEqual(messageIds(saved), [1050001]);
      const removeNode = node(saved, 'webauthn_remove');
      assert.equal(removeNode.attributes.value, created.credential.idHex);
      assert.equal(removeNode.attributes.disabled, false, 'a second factor can always be removed');
      assert.equal(label(removeNode), 1050018);
      const again = creationOptions(node(saved, 'webauthn_register_trigger'), mode);
      assert.deepEqual(again.publicKey.excludeCredentials.map((c) => c.id), [created.credential.idB64url], 'excludeCredentials lists the key');
      const credential = await adminCredential(s, id, 'webauthn');
      assert.deepEqual(credential.identifiers, [email]);
      assert.equal(credential.config.user_handle, uuidBytes(id).toString('base64'));
      const entry = storedEntry(credential.config, created.credential);
      assertFreshEntry(entry, created.credential, { passwordless: false, signCount: 1 });
      assert.equal(entry.display_name, 'My key');
      const upgraded = await owner.whoami();
      assert.deepEqual(amr(upgraded.body), [['password', 'aal1'], ['webauthn', 'aal2']]);
      assert.equal(upgraded.body.authenticator_assurance_level, 'aal2');

      const client = new FlowClient(s, mode);
      const login = await client.passwordLogin(email, PASSWORD);
      if (mode === 'spa') {
        assert.equal(login.status, 422, JSON.stringify(login.body));
        assert.equal(login.body.error.id, 'browser_location_change_required');
      } else {
        assert.equal(login.status, 303);
        assert.match(login.location, /\/self-service\/login\/browser\?aal=aal2/);
      }
      const half = await client.whoami();
      assert.equal(half.status, 403);
      assert.equal(half.body.error.id, 'session_aal2_required');

      const stepUp = await client.create('login', { aal: 'aal2' });
      assert.equal(stepUp.requested_aal, 'aal2');
      assertGroupOrder(stepUp, 'login');
      const identifier = node(stepUp, 'identifier');
      assert.equal(identifier.group, 'default');
      assert.equal(identifier.attributes.type, 'hidden');
      assert.equal(identifier.attributes.value, email);
      // Sorted by value within the group (§0.2): "" < the script's src < the options JSON, as in Kratos's
      // TestCompleteLogin-flow=mfa-case=webauthn_payload_is_set_when_identity_has_webauthn snapshot.
      assert.deepEqual(names(groupNodes(stepUp, 'webauthn')), ['webauthn_login', 'webauthn_script', 'webauthn_login_trigger']);
      await assertScriptNode(s, stepUp);
      const loginTrigger = node(stepUp, 'webauthn_login_trigger');
      assert.equal(label(loginTrigger), 1010008);
      const assertionOptions = requestOptions(loginTrigger, [created.credential]);
      assert.equal(node(stepUp, 'webauthn_login').attributes.type, 'hidden');

      const refused = client.shownFlow(
        await client.submit('login', stepUp, { method: 'webauthn', identifier: email, webauthn_login: JSON.stringify(key.get(assertionOptions, { tamper: { flipSignature: true } })) }),
      );
      assert.deepEqual(messageIds(refused), [4000043], JSON.stringify(refused.ui.messages));
      client.loggedIn(await client.submit('login', refused, { method: 'webauthn', identifier: email, webauthn_login: JSON.stringify(key.get(assertionOptions)) }));
      const session = await client.whoami();
      assert.equal(session.status, 200);
      assert.equal(session.body.authenticator_assurance_level, 'aal2');
      assert.deepEqual(amr(session.body), [['password', 'aal1'], ['webauthn', 'aal2']]);
      assert.equal(storedEntry((await adminCredential(s, id, 'webauthn')).config, created.credential).authenticator.sign_count, created.credential.signCount, 'the counter is stored');

      const removeForm = await client.create('settings');
      const removed = client.shownFlow(await client.submit('settings', removeForm, { method: 'webauthn', webauthn_remove: created.credential.idHex }), 200);
      assert.equal(removed.state, 'success');
      assert.equal(nodes(removed, 'webauthn_remove').length, 0);
      const later = new FlowClient(s, mode);
      later.loggedIn(await later.passwordLogin(email, PASSWORD));
      assert.equal((await later.whoami()).status, 200, 'without a key aal1 is enough again');
    });
  }

  test('webauthn: API (native) flows carry no webauthn nodes — login, registration, settings, aal2 login', async () => {
    const s = await server.get();
    const { email } = await person('webauthn-native');
    const browser = new FlowClient(s, 'spa');
    browser.loggedIn(await browser.passwordLogin(email, PASSWORD));
    const settings = await browser.create('settings');
    const key = securityKey();
    const created = key.create(JSON.parse(node(settings, 'webauthn_register_trigger').attributes.value));
    const saved = browser.shownFlow(await browser.submit('settings', settings, { method: 'webauthn', webauthn_register: JSON.stringify(created), webauthn_register_displayname: '' }), 200);
    assert.equal(saved.state, 'success');

    const native = new FlowClient(s, 'native');
    for (const type of ['login', 'registration']) {
      const flow = await native.create(type);
      assert.deepEqual(names(groupNodes(flow, 'webauthn')), [], `no webauthn nodes on a native ${type} flow`);
      assert.equal(flow.ui.nodes.filter((n) => n.type === 'script').length, 0);
    }
    const login = await native.passwordLogin(email, PASSWORD);
    assert.equal(login.status, 200);
    assert.equal(login.body.session.identity, undefined, 'the key makes aal2 required');
    const stepUp = await native.create('login', { aal: 'aal2' });
    assert.deepEqual(names(groupNodes(stepUp, 'webauthn')), [], 'an API aal2 flow offers no security key');
    const fresh = await person('webauthn-native-settings');
    const other = new FlowClient(s, 'native');
    other.loggedIn(await other.passwordLogin(fresh.email, PASSWORD));
    assert.deepEqual(names(groupNodes(await other.create('settings'), 'webauthn')), [], 'no webauthn nodes on native settings');
  });
});

describe('security keys (webauthn, passwordless mode) through @ory/kratos-client-fetch', () => {
  const server = useServer({ dev: true, schema: SCHEMA, config: config(true) });

  for (const mode of BROWSER_MODES) {
    test(`${mode}: webauthn passwordless — sign up with a key, step 1 (identifier) → ${mode === 'spa' ? '422' : '303'} to the login UI, step 2 signs in at aal1`, async () => {
      const s = await server.get();
      const email = uniqueEmail(`webauthn-pwl-${mode}`);
      const signup = new FlowClient(s, mode);
      const registration = await signup.create('registration');
      assertGroupOrder(registration, 'registration');
      assert.deepEqual(names(groupNodes(registration, 'webauthn')), ['webauthn_register_displayname', 'webauthn_register', 'webauthn_register_trigger', 'webauthn_script']);
      const trigger = node(registration, 'webauthn_register_trigger');
      assert.equal(label(trigger), 1040004);
      const key = securityKey();
      const created = key.create(creationOptions(trigger, mode));
      signup.loggedIn(
        await signup.submit('registration', registration, {
          method: 'webauthn', traits: { email }, webauthn_register: JSON.stringify(created), webauthn_register_displayname: 'Desk key',
        }),
      );
      const registered = await signup.whoami();
      assert.equal(registered.status, 200);
      const entry = storedEntry((await adminCredential(s, registered.body.identity.id, 'webauthn')).config, created.credential);
      assert.equal(entry.is_passwordless, true);

      const client = new FlowClient(s, mode);
      const flow = await client.create('login');
      const identifier = node(flow, 'identifier');
      assert.equal(identifier.attributes.autocomplete, 'username webauthn');
      assert.equal(label(node(flow, 'method', 'webauthn')), 1010008);
      const step1 = await client.submit('login', flow, { method: 'webauthn', identifier: email });
      let prepared;
      if (mode === 'spa') {
        assert.equal(step1.status, 422, JSON.stringify(step1.body));
        assert.equal(step1.body.error.id, 'browser_location_change_required');
        assert.match(step1.body.redirect_browser_to, new RegExp(`\\?flow=${flow.id}$`));
        prepared = await client.get('login', flow.id);
      } else {
        assert.equal(step1.status, 303);
        assert.ok(step1.flow, `back to the login UI: ${step1.location}`);
        prepared = step1.flow;
      }
      assert.deepEqual(messageIds(prepared), [1010012]);
      assert.equal(node(prepared, 'identifier').attributes.type, 'hidden');
      assert.equal(node(prepared, 'identifier').attributes.value, email);
      const loginTrigger = node(prepared, 'webauthn_login_trigger');
      assert.equal(label(loginTrigger), 1010013);
      const assertion = key.get(requestOptions(loginTrigger, [created.credential]));
      client.loggedIn(await client.submit('login', prepared, { method: 'webauthn', identifier: email, webauthn_login: JSON.stringify(assertion) }));
      const session = await client.whoami();
      assert.equal(session.status, 200);
      assert.deepEqual(amr(session.body), [['webauthn', 'aal1']]);
      assert.equal(session.body.authenticator_assurance_level, 'aal1');

      const unknown = new FlowClient(s, mode);
      const nobody = unknown.shownFlow(await unknown.submit('login', await unknown.create('login'), { method: 'webauthn', identifier: uniqueEmail('nobody') }));
      assert.deepEqual(messageIds(nobody), [4000015], JSON.stringify(nobody.ui.messages));
    });
  }
});

describe('passkey login with a passwordless security key (the migration path of §4.6)', () => {
  const both = config(true);
  both.selfservice.methods.passkey = { enabled: true, config: { rp: { ...RP, origins: [ORIGIN] } } };
  const server = useServer({ dev: true, schema: SCHEMA, config: both });

  test('spa: webauthn passwordless key — a discoverable passkey login finds the identity by the webauthn user_handle', async () => {
    const s = await server.get();
    const email = uniqueEmail('webauthn-to-passkey');
    const signup = new FlowClient(s, 'spa');
    const registration = await signup.create('registration');
    const options = JSON.parse(node(registration, 'webauthn_register_trigger').attributes.value);
    const key = securityKey();
    const created = key.create(options);
    signup.loggedIn(
      await signup.submit('registration', registration, { method: 'webauthn', traits: { email }, webauthn_register: JSON.stringify(created), webauthn_register_displayname: '' }),
    );
    const identityId = (await signup.whoami()).body.identity.id;
    const stored = await adminCredential(s, identityId, 'webauthn');
    assert.equal(stored.config.user_handle, fromB64url(options.publicKey.user.id).toString('base64'), 'the registration user handle is stored');

    const client = new FlowClient(s, 'spa');
    const flow = await client.create('login');
    const challenge = JSON.parse(node(flow, 'passkey_challenge').attributes.value);
    client.loggedIn(await client.submit('login', flow, { method: 'passkey', passkey_login: JSON.stringify(key.get(challenge)) }));
    const session = await client.whoami();
    assert.equal(session.body.identity.id, identityId);
    assert.deepEqual(amr(session.body), [['passkey', 'aal1']]);
  });
});
