// Login with a one-time code through the official Ory SDK (@ory/kratos-client-fetch), as native apps, SPAs and
// server-rendered browser pages use it against Kratos: passwordless (send → "code sent" 400/303 with 1010014 → code →
// session), resend, a wrong code (4010008), an unknown account (4000035), and the code as a second factor
// (`mfa_enabled`). Codes are read from the admin courier API (`login_code_valid`; bodies are shown in --dev).
// Expectations: the strategies contract §1.4, §1.5, §1.8, §1.9.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FlowClient, MODES, messageIds, node, nodes } from './lib/clients.mjs';
import { courierApi, latestCode, messagesTo } from './lib/courier.mjs';
import { adminIdentityApi, uniqueEmail } from './lib/sdk.mjs';
import { PERSON_SCHEMA, useServer } from './lib/server.mjs';

const PASSWORD = 'a long enough e2e password 1!';
const EMAIL_TRAIT = PERSON_SCHEMA.properties.traits.properties.email;
// The e-mail is a password identifier and a code address (§1.2).
const CODE_SCHEMA = structuredClone(PERSON_SCHEMA);
CODE_SCHEMA.properties.traits.properties.email = {
  ...EMAIL_TRAIT,
  'ory.sh/kratos': { ...EMAIL_TRAIT['ory.sh/kratos'], credentials: { password: { identifier: true }, code: { identifier: true, via: 'email' } } },
};
// Two code addresses: the aal2 form offers one "send code to" button per address and sends nothing by itself (with a
// single address and no other second factor the code is sent while the flow is created: "fast login" below).
const TWO_ADDRESS_SCHEMA = structuredClone(CODE_SCHEMA);
TWO_ADDRESS_SCHEMA.properties.traits.properties.backup = {
  type: 'string',
  format: 'email',
  title: 'Backup e-mail',
  'ory.sh/kratos': { credentials: { code: { identifier: true, via: 'email' } } },
};
const config = (code) => ({
  selfservice: { methods: { password: { config: { haveibeenpwned_enabled: false } }, code } },
});

const label = (n) => n.meta.label?.id;

async function newPerson(server, name, withPassword, extraTraits = {}) {
  const email = uniqueEmail(name);
  const credentials = withPassword ? { password: { config: { password: PASSWORD } } } : undefined;
  const traits = { email, ...extraTraits };
  const identity = await adminIdentityApi(server).createIdentity({ createIdentityBody: { schema_id: 'default', traits, credentials } });
  return { email, id: identity.id };
}

describe('passwordless login with a code through @ory/kratos-client-fetch', () => {
  const server = useServer({ dev: true, schema: CODE_SCHEMA, config: config({ passwordless_enabled: true }) });

  for (const mode of MODES) {
    test(`${mode}: send → code sent (1010014) → wrong code 4010008 → resend → the old code is dead → the new code signs in`, async () => {
      const s = await server.get();
      const courier = courierApi(s);
      const { email, id } = await newPerson(s, `code-${mode}`, false);
      const client = new FlowClient(s, mode);
      const flow = await client.create('login');
      const send = node(flow, 'method', 'code');
      assert.equal(send.group, 'code');
      assert.equal(send.attributes.type, 'submit');
      assert.equal(label(send), 1010015);
      assert.equal(node(flow, 'identifier').attributes.type, 'text');

      const sent = client.shownFlow(await client.submit('login', flow, { method: 'code', identifier: email }));
      assert.equal(sent.state, 'sent_email');
      assert.equal(sent.active, 'code');
      assert.deepEqual(messageIds(sent), [1010014]);
      const codeNode = node(sent, 'code');
      assert.equal(codeNode.group, 'code');
      assert.equal(codeNode.attributes.type, 'text');
      assert.equal(codeNode.attributes.required, true);
      assert.equal(codeNode.attributes.autocomplete, 'one-time-code');
      assert.equal(label(codeNode), 1070013);
      assert.equal(node(sent, 'identifier').attributes.type, 'hidden');
      assert.equal(node(sent, 'identifier').attributes.value, email);
      assert.equal(label(node(sent, 'resend')), 1070008);
      assert.equal(node(sent, 'resend').attributes.value, 'code');
      assert.equal(label(nodes(sent, 'method').find((n) => n.attributes.type === 'submit')), 1070009);
      assert.equal(nodes(sent, 'password').length, 0, 'other methods leave the form while a code is pending');
      assert.equal(nodes(sent, 'csrf_token').length, mode === 'native' ? 0 : 1);
      const first = await latestCode(courier, email, 'login_code_valid');

      const wrongCode = first.code === '000000' ? '111111' : '000000';
      const wrong = client.shownFlow(await client.submit('login', sent, { method: 'code', identifier: email, code: wrongCode }));
      assert.ok(messageIds(wrong).includes(4010008), JSON.stringify(wrong.ui.messages));

      const resent = client.shownFlow(await client.submit('login', wrong, { method: 'code', identifier: email, resend: 'code' }));
      assert.equal(resent.state, 'sent_email');
      const second = await latestCode(courier, email, 'login_code_valid');
      assert.equal(second.count, 2, 'the resend queued a second message');
      if (second.code !== first.code) {
        const stale = client.shownFlow(await client.submit('login', resent, { method: 'code', identifier: email, code: first.code }));
        assert.ok(messageIds(stale).includes(4010008), 'a resend invalidates the earlier code');
      }

      const done = await client.submit('login', await client.get('login', flow.id), { method: 'code', identifier: email, code: second.code });
      client.loggedIn(done);
      const session = await client.whoami();
      assert.equal(session.status, 200);
      assert.equal(session.body.identity.id, id);
      assert.deepEqual(session.body.authentication_methods.map((m) => [m.method, m.aal]), [['code', 'aal1']]);
      const stored = await adminIdentityApi(s).getIdentity({ id });
      assert.equal(stored.verifiable_addresses[0].verified, true, 'a code login verifies the address it went to');
      assert.equal(stored.verifiable_addresses[0].status, 'completed');
    });

    test(`${mode}: an account without a code address gets 4000035 and nothing is sent`, async () => {
      const s = await server.get();
      const client = new FlowClient(s, mode);
      const email = uniqueEmail(`nobody-${mode}`);
      const flow = await client.create('login');
      const refused = client.shownFlow(await client.submit('login', flow, { method: 'code', identifier: email }));
      assert.ok(messageIds(refused).includes(4000035), JSON.stringify(refused.ui.messages));
      assert.equal((await messagesTo(courierApi(s), email)).length, 0);
    });
  }

  test('native: a missing code is 4000002 on the code node', async () => {
    const s = await server.get();
    const { email } = await newPerson(s, 'code-missing', false);
    const client = new FlowClient(s, 'native');
    const sent = client.shownFlow(await client.submit('login', await client.create('login'), { method: 'code', identifier: email }));
    const missing = client.shownFlow(await client.submit('login', sent, { method: 'code', identifier: email, code: '' }));
    assert.deepEqual(node(missing, 'code').messages.map((m) => m.id), [4000002]);
  });
});

describe('a code as the second factor (mfa_enabled) through @ory/kratos-client-fetch', () => {
  const server = useServer({ dev: true, schema: TWO_ADDRESS_SCHEMA, config: config({ mfa_enabled: true }) });

  for (const mode of MODES) {
    test(`${mode}: password login → aal2 withheld → pick an address → 1010025 → wrong 4010008 → the code signs in at aal2 on the same session`, async () => {
      const s = await server.get();
      const courier = courierApi(s);
      const backup = uniqueEmail(`mfa-backup-${mode}`);
      const { email } = await newPerson(s, `mfa-${mode}`, true, { backup });
      const client = new FlowClient(s, mode);
      const login = await client.passwordLogin(email, PASSWORD);
      if (mode === 'native') assert.equal(login.body.session.identity, undefined, 'the identity is withheld until aal2');
      assert.equal((await client.whoami()).body.error?.id, 'session_aal2_required');

      const choose = await client.create('login', { aal: 'aal2' });
      assert.equal(choose.requested_aal, 'aal2');
      assert.notEqual(choose.state, 'sent_email', 'two addresses: nothing is sent before the person picks one');
      assert.ok(messageIds(choose).includes(1010004));
      assert.equal(nodes(choose, 'password').length, 0);
      assert.deepEqual(nodes(choose, 'address').map((n) => n.attributes.value).sort(), [backup, email].sort());
      // An address button (label 1010023 with the address) posts the address (§1.5); the SDK needs `method` too.
      const button = node(choose, 'address', email);
      assert.equal(button.group, 'code');
      assert.equal(button.attributes.type, 'submit');
      assert.equal(label(button), 1010023);
      assert.deepEqual(button.meta.label.context, { address: email, channel: 'email' });
      const stepUp = client.shownFlow(await client.submit('login', choose, { method: 'code', address: email }));
      assert.equal(stepUp.state, 'sent_email');
      assert.equal((await messagesTo(courier, backup)).length, 0, 'only the chosen address gets a code');
      assert.ok(messageIds(stepUp).includes(1010025), JSON.stringify(stepUp.ui.messages));
      const { code } = await latestCode(courier, email, 'login_code_valid');

      const wrong = client.shownFlow(await client.submit('login', stepUp, { method: 'code', identifier: email, code: code === '000000' ? '111111' : '000000' }));
      assert.ok(messageIds(wrong).includes(4010008));
      const passed = await client.submit('login', wrong, { method: 'code', identifier: email, code });
      client.loggedIn(passed);
      if (mode === 'native') assert.equal(passed.body.session.id, login.body.session.id, 'the step-up upgrades the same session');
      const session = await client.whoami();
      assert.equal(session.status, 200);
      assert.equal(session.body.authenticator_assurance_level, 'aal2');
      assert.deepEqual(session.body.authentication_methods.map((m) => [m.method, m.aal]), [['password', 'aal1'], ['code', 'aal2']]);
    });
  }
});

describe('"fast login": one code address and no other second factor (§1.5)', () => {
  const server = useServer({ dev: true, schema: CODE_SCHEMA, config: config({ mfa_enabled: true }) });

  for (const mode of MODES) {
    test(`${mode}: creating the aal2 flow sends the code at once (sent_email, 1010025), and the code signs in at aal2`, async () => {
      const s = await server.get();
      const courier = courierApi(s);
      const { email } = await newPerson(s, `fast-${mode}`, true);
      const client = new FlowClient(s, mode);
      await client.passwordLogin(email, PASSWORD);

      const sent = await client.create('login', { aal: 'aal2' });
      assert.equal(sent.state, 'sent_email', 'nothing to choose: the code was sent while the flow was created');
      assert.ok(messageIds(sent).includes(1010025), JSON.stringify(sent.ui.messages));
      assert.equal(nodes(sent, 'address').length, 0);
      assert.equal(node(sent, 'identifier').attributes.type, 'hidden');
      assert.equal((await messagesTo(courier, email)).length, 1);
      const { code } = await latestCode(courier, email, 'login_code_valid');

      const passed = await client.submit('login', sent, { method: 'code', identifier: email, code });
      client.loggedIn(passed);
      const session = await client.whoami();
      assert.equal(session.body.authenticator_assurance_level, 'aal2');
      assert.deepEqual(session.body.authentication_methods.map((m) => [m.method, m.aal]), [['password', 'aal1'], ['code', 'aal2']]);
    });
  }
});
