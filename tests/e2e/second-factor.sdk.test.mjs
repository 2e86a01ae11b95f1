// Second factors through the official Ory SDK (@ory/kratos-client-fetch) as native apps, SPAs and server-rendered
// browser pages use them against Kratos: TOTP enrolment in settings, the aal2 step-up after a password login
// (whoami 403 session_aal2_required until then), backup codes (lookup_secret) and removing both again.
// Expectations: the strategies contract §2 (totp), §3 (lookup_secret) and §6 (AAL).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FlowClient, MODES, failure, messageIds, node, nodes } from './lib/clients.mjs';
import { adminIdentityApi, uniqueEmail } from './lib/sdk.mjs';
import { useServer } from './lib/server.mjs';
import { timeStep, totpCode } from './lib/totp.mjs';

const PASSWORD = 'a long enough e2e password 1!';
const CONFIG = {
  selfservice: {
    methods: {
      password: { config: { haveibeenpwned_enabled: false } },
      totp: { enabled: true, config: { issuer: 'Custos E2E' } },
      lookup_secret: { enabled: true },
    },
  },
};

const groupNodes = (flow, group) => flow.ui.nodes.filter((n) => n.group === group);
const names = (list) => list.map((n) => n.attributes.name ?? n.attributes.id);
const label = (n) => n.meta.label?.id;

describe('second factors through @ory/kratos-client-fetch', () => {
  const server = useServer({ dev: true, config: CONFIG });

  async function person(label) {
    const s = await server.get();
    const email = uniqueEmail(label);
    const identity = await adminIdentityApi(s).createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email }, credentials: { password: { config: { password: PASSWORD } } } },
    });
    return { email, id: identity.id };
  }

  async function signedIn(mode, email) {
    const client = new FlowClient(await server.get(), mode);
    client.loggedIn(await client.passwordLogin(email, PASSWORD));
    return client;
  }

  /** A password login of an identity with a second factor: the session is issued but not usable yet (§6.3). */
  async function halfSignedIn(mode, email) {
    const client = new FlowClient(await server.get(), mode);
    const login = await client.passwordLogin(email, PASSWORD);
    if (mode === 'native') {
      assert.equal(login.status, 200);
      assert.match(login.body.session_token, /^ory_st_/, 'the token is issued');
      assert.equal(login.body.session.identity, undefined, 'the identity is withheld until aal2');
    } else if (mode === 'spa') {
      assert.equal(login.status, 422, JSON.stringify(login.body));
      assert.equal(login.body.error.id, 'browser_location_change_required');
      assert.match(login.body.redirect_browser_to, /\/self-service\/login\/browser\?aal=aal2/);
    } else {
      assert.equal(login.status, 303);
      assert.match(login.location, /\/self-service\/login\/browser\?aal=aal2/);
    }
    const whoami = await client.whoami();
    assert.equal(whoami.status, 403);
    assert.equal(whoami.body.error.id, 'session_aal2_required');
    assert.match(whoami.body.redirect_browser_to, /\/self-service\/login\/browser\?aal=aal2/);
    return { client, sessionId: login.body?.session?.id };
  }

  async function settingsSaved(client, result) {
    const flow = client.shownFlow(result, 200);
    assert.equal(flow.state, 'success');
    assert.deepEqual(messageIds(flow), [1050001]);
    return flow;
  }

  for (const mode of MODES) {
    test(`${mode}: TOTP — settings nodes, enrol with a computed code, password login → aal2 step-up → unlink`, async () => {
      const { email } = await person(`totp-${mode}`);
      const enrolling = await signedIn(mode, email);
      const settings = await enrolling.create('settings');

      const totp = groupNodes(settings, 'totp');
      assert.deepEqual(names(totp).sort(), ['method', 'totp_code', 'totp_qr', 'totp_secret_key']);
      const qr = node(settings, 'totp_qr');
      assert.equal(qr.type, 'img');
      assert.match(qr.attributes.src, /^data:image\/png;base64,/);
      assert.equal(qr.attributes.width, 256);
      assert.equal(qr.attributes.height, 256);
      assert.equal(label(qr), 1050005);
      const secretNode = node(settings, 'totp_secret_key');
      assert.equal(secretNode.type, 'text');
      assert.equal(secretNode.attributes.text.id, 1050006);
      assert.equal(label(secretNode), 1050017);
      const secret = secretNode.attributes.text.context.secret;
      assert.match(secret, /^[A-Z2-7]{32}$/, '160-bit base32 secret');
      assert.equal(secretNode.attributes.text.text, secret);
      const codeNode = node(settings, 'totp_code');
      assert.equal(codeNode.attributes.type, 'text');
      assert.equal(codeNode.attributes.required, true);
      assert.equal(label(codeNode), 1070006);
      const save = totp.find((n) => n.attributes.name === 'method');
      assert.equal(save.attributes.type, 'submit');
      assert.equal(save.attributes.value, 'totp');
      assert.equal(label(save), 1070003);

      const wrongStep = timeStep() + 5;
      const wrong = enrolling.shownFlow(await enrolling.submit('settings', settings, { method: 'totp', totp_code: totpCode(secret, wrongStep) }));
      assert.deepEqual(node(wrong, 'totp_code').messages.map((m) => m.id), [4000008], 'settings put 4000008 on the node');

      const enrolStep = timeStep();
      const linked = await settingsSaved(enrolling, await enrolling.submit('settings', wrong, { method: 'totp', totp_code: totpCode(secret, enrolStep) }));
      assert.deepEqual(names(groupNodes(linked, 'totp')), ['totp_unlink'], 'the rebuilt form offers unlinking only');
      const upgraded = await enrolling.whoami();
      assert.equal(upgraded.body.authenticator_assurance_level, 'aal2', 'enrolment makes the enrolling session aal2');

      const { client, sessionId } = await halfSignedIn(mode, email);
      const stepUp = await client.create('login', { aal: 'aal2' });
      assert.equal(stepUp.requested_aal, 'aal2');
      assert.ok(messageIds(stepUp).includes(1010004));
      assert.equal(nodes(stepUp, 'password').length, 0, 'no first factor at aal2');
      assert.equal(nodes(stepUp, 'identifier').length, 0);
      assert.equal(label(node(stepUp, 'totp_code')), 1010006);
      assert.equal(label(node(stepUp, 'method', 'totp')), 1010009);

      const refused = client.shownFlow(await client.submit('login', stepUp, { method: 'totp', totp_code: totpCode(secret, wrongStep) }));
      assert.ok(messageIds(refused).includes(4000008), 'login puts 4000008 on the form');
      // The enrolment code's step is spent (Custos refuses TOTP replays); the next step's code is inside the window.
      const passed = await client.submit('login', refused, { method: 'totp', totp_code: totpCode(secret, Math.max(timeStep(), enrolStep + 1)) });
      client.loggedIn(passed);
      const session = await client.whoami();
      assert.equal(session.status, 200);
      assert.equal(session.body.authenticator_assurance_level, 'aal2');
      assert.deepEqual(session.body.authentication_methods.map((m) => [m.method, m.aal]), [['password', 'aal1'], ['totp', 'aal2']]);
      if (mode === 'native') {
        assert.equal(session.body.id, sessionId, 'the step-up upgrades the same session');
        assert.equal(passed.body.session.id, sessionId);
      }

      const unlinkForm = await client.create('settings');
      const unlink = node(unlinkForm, 'totp_unlink');
      assert.equal(unlink.attributes.type, 'submit');
      assert.equal(unlink.attributes.value, 'true');
      assert.equal(label(unlink), 1050004);
      const unlinked = await settingsSaved(client, await client.submit('settings', unlinkForm, { method: 'totp', totp_unlink: true }));
      assert.ok(nodes(unlinked, 'totp_code').length === 1, 'a removed TOTP shows a new QR code and secret at once');
      const again = new FlowClient(await server.get(), mode);
      again.loggedIn(await again.passwordLogin(email, PASSWORD));
      assert.equal((await again.whoami()).status, 200, 'without a second factor aal1 is enough');
    });

    test(`${mode}: backup codes — regenerate, confirm, reveal, aal2 login with a code, a used code refused, disable`, async () => {
      const { email } = await person(`lookup-${mode}`);
      const owner = await signedIn(mode, email);
      const settings = await owner.create('settings');
      const offered = groupNodes(settings, 'lookup_secret');
      assert.deepEqual(names(offered), ['lookup_secret_regenerate']);
      assert.equal(offered[0].attributes.type, 'submit');
      assert.equal(offered[0].attributes.value, 'true');
      assert.equal(label(offered[0]), 1050008);

      const regenerated = owner.shownFlow(await owner.submit('settings', settings, { method: 'lookup_secret', lookup_secret_regenerate: true }), 200);
      assert.notEqual(regenerated.state, 'success', 'regenerate is not a settings success');
      assert.deepEqual(names(groupNodes(regenerated, 'lookup_secret')), ['lookup_secret_codes', 'lookup_secret_confirm']);
      const list = node(regenerated, 'lookup_secret_codes');
      assert.equal(list.type, 'text');
      assert.equal(label(list), 1050010);
      assert.equal(list.attributes.text.id, 1050015);
      const codes = list.attributes.text.context.secrets.map((s) => {
        assert.equal(s.id, 1050009);
        return s.context.secret;
      });
      assert.equal(codes.length, 12);
      for (const code of codes) assert.match(code, /^[a-z0-9]{8}$/);
      assert.equal(list.attributes.text.text, codes.join(', '));
      assert.equal(label(node(regenerated, 'lookup_secret_confirm')), 1050011);

      const confirmed = await settingsSaved(owner, await owner.submit('settings', regenerated, { method: 'lookup_secret', lookup_secret_confirm: true }));
      assert.deepEqual(names(groupNodes(confirmed, 'lookup_secret')).sort(), ['lookup_secret_disable', 'lookup_secret_reveal']);
      assert.equal((await owner.whoami()).body.authenticator_assurance_level, 'aal2', 'confirming makes the session aal2');

      const { client } = await halfSignedIn(mode, email);
      const stepUp = await client.create('login', { aal: 'aal2' });
      assert.equal(label(node(stepUp, 'lookup_secret')), 1010007);
      assert.equal(label(node(stepUp, 'method', 'lookup_secret')), 1010010);
      const unknown = client.shownFlow(await client.submit('login', stepUp, { method: 'lookup_secret', lookup_secret: 'zzzzzzzz' }));
      assert.ok(messageIds(unknown).includes(4000016), JSON.stringify(unknown.ui.messages));
      client.loggedIn(await client.submit('login', unknown, { method: 'lookup_secret', lookup_secret: codes[0] }));
      const session = await client.whoami();
      assert.equal(session.body.authenticator_assurance_level, 'aal2');
      assert.deepEqual(session.body.authentication_methods.map((m) => m.method), ['password', 'lookup_secret']);

      const { client: second } = await halfSignedIn(mode, email);
      const reuse = await second.create('login', { aal: 'aal2' });
      const used = second.shownFlow(await second.submit('login', reuse, { method: 'lookup_secret', lookup_secret: codes[0] }));
      assert.ok(messageIds(used).includes(4000012), `a used code is 4000012: ${JSON.stringify(used.ui.messages)}`);
      second.loggedIn(await second.submit('login', used, { method: 'lookup_secret', lookup_secret: codes[1] }));

      const revealForm = await second.create('settings');
      const revealed = second.shownFlow(await second.submit('settings', revealForm, { method: 'lookup_secret', lookup_secret_reveal: true }), 200);
      assert.deepEqual(names(groupNodes(revealed, 'lookup_secret')), ['lookup_secret_codes', 'lookup_secret_disable', 'lookup_secret_regenerate']);
      const shown = node(revealed, 'lookup_secret_codes').attributes.text.context.secrets;
      assert.equal(shown.length, 12);
      assert.equal(shown.filter((s) => s.id === 1050014).length, 2, 'the two used codes show as used (1050014)');

      const disabled = await settingsSaved(second, await second.submit('settings', revealed, { method: 'lookup_secret', lookup_secret_disable: true }));
      assert.deepEqual(names(groupNodes(disabled, 'lookup_secret')), ['lookup_secret_regenerate']);
      const later = new FlowClient(await server.get(), mode);
      later.loggedIn(await later.passwordLogin(email, PASSWORD));
      assert.equal((await later.whoami()).status, 200, 'no second factor left: aal1 is enough');
    });
  }

  test('native: a TOTP code sent to an aal1 login flow finds no strategy (4010002)', async () => {
    const { email } = await person('totp-aal1');
    const client = new FlowClient(await server.get(), 'native');
    const flow = await client.create('login');
    const result = await client.submit('login', flow, { method: 'totp', totp_code: '123456', identifier: email });
    assert.equal(result.status, 400);
    assert.ok(messageIds(result.body).includes(4010002), JSON.stringify(result.body.ui.messages));
  });

  test('native: an aal2 login flow needs a session (401 session_aal1_required)', async () => {
    const client = new FlowClient(await server.get(), 'native');
    const refused = await failure(client.api.createNativeLoginFlow({ aal: 'aal2' }));
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.id, 'session_aal1_required');
  });
});
