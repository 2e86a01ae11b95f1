// Sign-up with a one-time code through the official Ory SDK (@ory/kratos-client-fetch), as native apps, SPAs and
// server-rendered browser pages use it against Kratos (strategies contract §1.6): "Send sign up code" (1040006) →
// "code sent" (400/303, state sent_email, 1040005, traits kept as hidden inputs) → a wrong code (4040003) → the code
// creates the identity with the address verified and, with the `session` hook, signs the person in with a `code` aal1
// session; a code never signs up other traits than it was sent for. Codes are read from the admin courier API.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FlowClient, MODES, messageIds, node, nodes } from './lib/clients.mjs';
import { courierApi, latestCode, messagesTo } from './lib/courier.mjs';
import { adminIdentityApi, uniqueEmail } from './lib/sdk.mjs';
import { PERSON_SCHEMA, useServer } from './lib/server.mjs';

const EMAIL_TRAIT = PERSON_SCHEMA.properties.traits.properties.email;
const CODE_SCHEMA = structuredClone(PERSON_SCHEMA);
CODE_SCHEMA.properties.traits.properties.email = {
  ...EMAIL_TRAIT,
  'ory.sh/kratos': { ...EMAIL_TRAIT['ory.sh/kratos'], credentials: { password: { identifier: true }, code: { identifier: true, via: 'email' } } },
};

const config = (registration) => ({
  selfservice: {
    methods: { password: { config: { haveibeenpwned_enabled: false } }, code: { passwordless_enabled: true } },
    flows: { registration: { ...registration, after: { code: { hooks: [{ hook: 'session' }] } } } },
  },
});

const label = (n) => n.meta.label?.id;

/** Checks the "code sent" form and returns the code the courier sent to `email`. */
async function assertSent(courier, sent, email) {
  assert.equal(sent.state, 'sent_email');
  assert.ok(messageIds(sent).includes(1040005), JSON.stringify(sent.ui.messages));
  const email_ = node(sent, 'traits.email');
  assert.equal(email_.attributes.type, 'hidden');
  assert.equal(email_.attributes.value, email);
  assert.equal(label(node(sent, 'code')), 1070012);
  const methods = nodes(sent, 'method');
  assert.deepEqual(methods.map((n) => [n.attributes.type, n.attributes.value]).sort(), [['hidden', 'code'], ['submit', 'code']]);
  assert.equal(label(methods.find((n) => n.attributes.type === 'submit')), 1070009);
  assert.equal(label(node(sent, 'resend')), 1070008);
  assert.equal((await messagesTo(courier, email)).length, 1);
  return (await latestCode(courier, email, 'registration_code_valid')).code;
}

async function assertRegistered(s, client, email) {
  const session = await client.whoami();
  assert.equal(session.status, 200);
  assert.equal(session.body.identity.traits.email, email);
  assert.deepEqual(session.body.authentication_methods.map((m) => [m.method, m.aal]), [['code', 'aal1']]);
  const identity = await adminIdentityApi(s).getIdentity({ id: session.body.identity.id, includeCredential: ['code'] });
  assert.ok(identity.credentials.code, 'the identity has the code credential');
  const address = identity.verifiable_addresses.find((a) => a.value === email);
  assert.equal(address.verified, true);
  assert.equal(address.status, 'completed');
}

describe('sign-up with a code (unified form) through @ory/kratos-client-fetch', () => {
  const server = useServer({ dev: true, schema: CODE_SCHEMA, config: config({ enable_legacy_one_step: true }) });

  for (const mode of MODES) {
    test(`${mode}: send (1040006) → code sent (1040005) → wrong code 4040003 → the code signs up`, async () => {
      const s = await server.get();
      const courier = courierApi(s);
      const email = uniqueEmail(`code-signup-${mode}`);
      const client = new FlowClient(s, mode);
      const flow = await client.create('registration');
      const send = node(flow, 'method', 'code');
      assert.equal(send.group, 'code');
      assert.equal(label(send), 1040006);

      const sent = client.shownFlow(await client.submit('registration', flow, { method: 'code', traits: { email } }));
      const code = await assertSent(courier, sent, email);

      const wrong = client.shownFlow(
        await client.submit('registration', sent, { method: 'code', code: code === '000000' ? '111111' : '000000', traits: { email } }),
        400,
        302, // registration answers a browser's refused submission with 302, as Kratos does
      );
      assert.ok(messageIds(wrong).includes(4040003), JSON.stringify(wrong.ui.messages));
      const done = await client.submit('registration', wrong, { method: 'code', code, traits: { email } });
      client.loggedIn(done);
      await assertRegistered(s, client, email);
    });
  }

  test('a code cannot sign up other traits than it was sent for: 4000036, then 4040003 once the form holds them', async () => {
    const s = await server.get();
    const courier = courierApi(s);
    const email = uniqueEmail('code-owner');
    const intruder = uniqueEmail('code-intruder');
    const client = new FlowClient(s, 'native');
    const sent = client.shownFlow(await client.submit('registration', await client.create('registration'), { method: 'code', traits: { email } }));
    const { code } = await latestCode(courier, email, 'registration_code_valid');

    const other = client.shownFlow(await client.submit('registration', sent, { method: 'code', code, traits: { email: intruder } }));
    assert.ok(messageIds(other).includes(4000036), JSON.stringify(other.ui.messages));
    // As in Kratos, the refused traits are written back into the form; the code was still sent to another address.
    assert.equal(node(other, 'traits.email').attributes.value, intruder);
    const again = client.shownFlow(await client.submit('registration', other, { method: 'code', code, traits: { email: intruder } }));
    assert.ok(messageIds(again).includes(4040003) || nodes(again, 'code').some((n) => n.messages.some((m) => m.id === 4040003)), JSON.stringify(again.ui));
    const found = await adminIdentityApi(s).listIdentities({ credentialsIdentifier: intruder });
    assert.equal(found.length, 0, 'no identity for an address nobody proved');
  });
});

describe('sign-up with a code (profile first) through @ory/kratos-client-fetch', () => {
  const server = useServer({ dev: true, schema: CODE_SCHEMA, config: config({}) });

  for (const mode of MODES) {
    test(`${mode}: traits first → the credential screen offers the code → code sent with a Back button → the code signs up`, async () => {
      const s = await server.get();
      const courier = courierApi(s);
      const email = uniqueEmail(`code-profile-${mode}`);
      const client = new FlowClient(s, mode);
      const flow = await client.create('registration');
      assert.equal(nodes(flow, 'method').filter((n) => n.attributes.value === 'code').length, 0, 'step 1 asks for the traits only');

      const credentials = client.shownFlow(await client.submit('registration', flow, { method: 'profile', traits: { email } }));
      assert.equal(label(node(credentials, 'method', 'code')), 1040006);
      const sent = client.shownFlow(await client.submit('registration', credentials, { method: 'code', traits: { email } }));
      const code = await assertSent(courier, sent, email);
      const back = node(sent, 'screen');
      assert.equal(back.attributes.value, 'credential-selection');
      assert.equal(label(back), 1040008);

      const done = await client.submit('registration', sent, { method: 'code', code, traits: { email } });
      client.loggedIn(done);
      await assertRegistered(s, client, email);
    });
  }
});
