// The identifier-first login style (`selfservice.flows.login.style: identifier_first`) through the official Ory SDK
// (@ory/kratos-client-fetch), as native apps, SPAs and server-rendered browser pages use it against Kratos:
// step 1 asks for the identifier only, step 2 shows the person's methods (password) with the identifier hidden, and
// with `security.account_enumeration.mitigate` a known and an unknown identifier get the same step 2.
// Expectations: API_CONTRACT.md §4.2 (identifier_first nodes), §4.4/4.5 message ids.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FlowClient, MODES, messageIds, node, nodes } from './lib/clients.mjs';
import { adminIdentityApi, uniqueEmail } from './lib/sdk.mjs';
import { useServer } from './lib/server.mjs';

const PASSWORD = 'a long enough e2e password 1!';
const config = (mitigate) => ({
  selfservice: {
    methods: { password: { config: { haveibeenpwned_enabled: false } } },
    flows: { login: { style: 'identifier_first' } },
  },
  security: { account_enumeration: { mitigate } },
});

const shape = (flow) =>
  flow.ui.nodes
    .filter((n) => n.attributes.name !== 'csrf_token')
    .map((n) => `${n.group}:${n.attributes.name}:${n.attributes.type}`)
    .sort();

async function newPerson(server, name) {
  const email = uniqueEmail(name);
  await adminIdentityApi(server).createIdentity({
    createIdentityBody: { schema_id: 'default', traits: { email }, credentials: { password: { config: { password: PASSWORD } } } },
  });
  return email;
}

describe('identifier-first login through @ory/kratos-client-fetch', () => {
  const server = useServer({ dev: true, config: config(false) });

  for (const mode of MODES) {
    test(`${mode}: step 1 identifier only → step 2 password (identifier hidden) → wrong password 4000006 → signed in`, async () => {
      const s = await server.get();
      const email = await newPerson(s, `if-${mode}`);
      const client = new FlowClient(s, mode);
      const flow = await client.create('login');
      const identifier = node(flow, 'identifier');
      assert.equal(identifier.group, 'identifier_first');
      assert.equal(identifier.attributes.type, 'text');
      assert.equal(identifier.attributes.required, true);
      assert.equal(identifier.attributes.autocomplete, 'username webauthn');
      const next = node(flow, 'method', 'identifier_first');
      assert.equal(next.group, 'identifier_first');
      assert.equal(next.attributes.type, 'submit');
      assert.equal(next.meta.label.id, 1070009);
      assert.equal(nodes(flow, 'password').length, 0, 'no password field in step 1');

      const second = client.shownFlow(await client.submit('login', flow, { method: 'identifier_first', identifier: email }));
      assert.equal(second.id, flow.id);
      assert.equal(second.active, 'identifier_first');
      assert.equal(node(second, 'identifier').attributes.type, 'hidden');
      assert.equal(node(second, 'identifier').attributes.value, email);
      assert.equal(node(second, 'password').attributes.type, 'password');
      assert.equal(node(second, 'method', 'password').attributes.type, 'submit');
      assert.equal(nodes(second, 'method').filter((n) => n.attributes.value === 'identifier_first').length, 0, "step 1's button is gone");

      const wrong = client.shownFlow(await client.submit('login', second, { method: 'password', identifier: email, password: 'not the password at all' }));
      assert.deepEqual(messageIds(wrong), [4000006]);
      client.loggedIn(await client.submit('login', wrong, { method: 'password', identifier: email, password: PASSWORD }));
      const session = await client.whoami();
      assert.equal(session.body.identity.traits.email, email);
      assert.deepEqual(session.body.authentication_methods.map((m) => m.method), ['password']);
    });

    test(`${mode}: an unknown identifier without enumeration mitigation gets 4000037`, async () => {
      const client = new FlowClient(await server.get(), mode);
      const flow = await client.create('login');
      const refused = client.shownFlow(await client.submit('login', flow, { method: 'identifier_first', identifier: uniqueEmail(`if-unknown-${mode}`) }));
      assert.ok(messageIds(refused).includes(4000037), JSON.stringify(refused.ui.messages));
      assert.equal(nodes(refused, 'password').length, 0);
    });
  }

  test('native: an empty identifier is 4000002 on the identifier node', async () => {
    const client = new FlowClient(await server.get(), 'native');
    const flow = await client.create('login');
    const refused = client.shownFlow(await client.submit('login', flow, { method: 'identifier_first', identifier: '' }));
    assert.deepEqual(node(refused, 'identifier').messages.map((m) => m.id), [4000002]);
  });
});

describe('identifier-first login with account enumeration mitigation through @ory/kratos-client-fetch', () => {
  const server = useServer({ dev: true, config: config(true) });

  for (const mode of MODES) {
    test(`${mode}: a known and an unknown identifier get the same step 2; the unknown one fails like a wrong password`, async () => {
      const s = await server.get();
      const email = await newPerson(s, `ifm-${mode}`);
      const unknownEmail = uniqueEmail(`ifm-unknown-${mode}`);
      const client = new FlowClient(s, mode);

      const knownFlow = await client.create('login');
      const known = await client.submit('login', knownFlow, { method: 'identifier_first', identifier: email });
      const unknownFlow = await client.create('login');
      const unknown = await client.submit('login', unknownFlow, { method: 'identifier_first', identifier: unknownEmail });
      assert.equal(known.status, unknown.status);
      const knownStep = client.shownFlow(known);
      const unknownStep = client.shownFlow(unknown);
      assert.deepEqual(shape(unknownStep), shape(knownStep), 'nothing tells the two apart');
      assert.equal(messageIds(unknownStep).length, messageIds(knownStep).length);
      assert.ok(nodes(knownStep, 'password').length === 1, 'the password step is offered');

      const refused = client.shownFlow(await client.submit('login', unknownStep, { method: 'password', identifier: unknownEmail, password: PASSWORD }));
      assert.deepEqual(messageIds(refused), [4000006]);
      client.loggedIn(await client.submit('login', knownStep, { method: 'password', identifier: email, password: PASSWORD }));
      assert.equal((await client.whoami()).body.identity.traits.email, email);
    });
  }
});
