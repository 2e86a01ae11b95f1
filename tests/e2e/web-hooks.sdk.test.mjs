// Web hooks (`hook: web_hook`) around flows driven by the official Ory SDK (@ory/kratos-client-fetch) as native apps,
// SPAs and server-rendered browser pages use them against Kratos. The receiver is a node HTTP server on 127.0.0.1,
// allowed through `clients.http.private_ip_exception_urls` (Custos refuses private targets by default, see
// docs/web-hooks.md); bodies come from base64:// Jsonnet templates.
// Expectations: the strategies contract §7.3 (request, ctx), §7.4 (parse / interrupt, 4xx → 502).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FlowClient, MODES, node } from './lib/clients.mjs';
import { base64Jsonnet, startHookServer } from './lib/hook-server.mjs';
import { adminIdentityApi, uniqueEmail } from './lib/sdk.mjs';
import { useServer } from './lib/server.mjs';

const PASSWORD = 'a long enough e2e password 1!';
const BLOCKED = { id: 10001, text: 'This email is on a block list', type: 'error' };

const REGISTRATION_BODY = `function(ctx) {
  email: ctx.identity.traits.email,
  flow_id: ctx.flow.id,
  flow_type: ctx.flow.type,
  campaign: if std.objectHas(ctx.flow, 'transient_payload') && std.objectHas(ctx.flow.transient_payload, 'campaign')
    then ctx.flow.transient_payload.campaign else null,
}`;
const LOGIN_BODY = `function(ctx) {
  email: ctx.identity.traits.email,
  identity_id: ctx.identity.id,
  has_session: std.objectHas(ctx, 'session'),
  flow_id: ctx.flow.id,
}`;

// The receiver: registration e-mails starting with "blocked" are interrupted with a message on traits.email, others
// get metadata added; logins of e-mails starting with "reject" are refused with a 403.
const hooks = await startHookServer(({ path, body }) => {
  if (path === '/registration') {
    if (body.email.startsWith('blocked')) {
      return { status: 400, body: { messages: [{ instance_ptr: '#/traits/email', messages: [{ ...BLOCKED, context: { value: body.email } }] }] } };
    }
    return { status: 200, body: { identity: { metadata_public: { hooked_by: 'e2e', campaign: body.campaign } } } };
  }
  if (path === '/login' && body.email.startsWith('reject')) return { status: 403, body: { nope: true } };
  return undefined;
});

const CONFIG = {
  clients: { http: { private_ip_exception_urls: [`${hooks.url}/**`] } },
  selfservice: {
    methods: { password: { config: { haveibeenpwned_enabled: false } } },
    flows: {
      registration: {
        after: {
          password: {
            hooks: [
              { hook: 'web_hook', config: { url: `${hooks.url}/registration`, method: 'POST', body: base64Jsonnet(REGISTRATION_BODY), response: { parse: true } } },
              { hook: 'session' },
            ],
          },
        },
      },
      login: {
        after: { password: { hooks: [{ hook: 'web_hook', config: { url: `${hooks.url}/login`, method: 'POST', body: base64Jsonnet(LOGIN_BODY) } }] } },
      },
    },
  },
};

const requestsFor = (path, email) => hooks.received.filter((r) => r.path === path && r.body?.email === email);

describe('web hooks through @ory/kratos-client-fetch', () => {
  const server = useServer({ dev: true, config: CONFIG });

  for (const mode of MODES) {
    test(`${mode}: an interrupting registration hook puts its message on traits.email and nothing is stored`, async () => {
      const s = await server.get();
      const email = uniqueEmail(`blocked-${mode}`);
      const client = new FlowClient(s, mode);
      const flow = await client.create('registration');

      const result = await client.submit('registration', flow, { method: 'password', traits: { email }, password: PASSWORD });
      const shown = client.shownFlow(result, 400, 302);
      const field = node(shown, 'traits.email');
      assert.deepEqual(field.messages, [{ ...BLOCKED, context: { value: email } }], 'id, text, type and context pass through');
      assert.equal(field.attributes.value, email, 'the submitted value is kept');
      assert.equal(requestsFor('/registration', email).length, 1);
      const stored = await adminIdentityApi(s).listIdentities({ credentialsIdentifier: email });
      assert.equal(stored.length, 0, 'an interrupted registration stores no identity');
    });

    test(`${mode}: a parsing registration hook gets the Jsonnet body and its answer is stored with the identity`, async () => {
      const s = await server.get();
      const email = uniqueEmail(`hooked-${mode}`);
      const client = new FlowClient(s, mode);
      const flow = await client.create('registration');

      const result = await client.submit('registration', flow, {
        method: 'password',
        traits: { email },
        password: PASSWORD,
        transient_payload: { campaign: `winter-${mode}` },
      });
      if (mode === 'browser') assert.equal(result.status, 303, `registration redirects: ${result.location}`);
      else assert.equal(result.status, 200, JSON.stringify(result.body));
      if (mode === 'native') assert.match(result.body.session_token, /^ory_st_/);

      const [request] = requestsFor('/registration', email);
      assert.ok(request, 'the hook was called');
      assert.equal(request.method, 'POST');
      assert.match(request.headers['content-type'], /^application\/json/);
      assert.deepEqual(request.body, { email, flow_id: flow.id, flow_type: mode === 'native' ? 'api' : 'browser', campaign: `winter-${mode}` });
      const session = await client.whoami();
      assert.equal(session.status, 200);
      assert.deepEqual(session.body.identity.metadata_public, { hooked_by: 'e2e', campaign: `winter-${mode}` });
    });

    test(`${mode}: an after-login hook gets the identity and the session in ctx`, async () => {
      const s = await server.get();
      const email = uniqueEmail(`login-${mode}`);
      const created = await adminIdentityApi(s).createIdentity({
        createIdentityBody: { schema_id: 'default', traits: { email }, credentials: { password: { config: { password: PASSWORD } } } },
      });
      const client = new FlowClient(s, mode);
      const flow = await client.create('login');

      client.loggedIn(await client.submit('login', flow, { method: 'password', identifier: email, password: PASSWORD }));

      const [request] = requestsFor('/login', email);
      assert.deepEqual(request.body, { email, identity_id: created.id, has_session: true, flow_id: flow.id });
      assert.ok(request.headers['ory-webhook-request-id'], 'emit_analytics_event (default true) adds the request id');
      assert.ok(request.headers['ory-webhook-trigger-id']);
    });
  }

  for (const mode of ['native', 'spa']) {
    test(`${mode}: an after-login hook answering 4xx fails the login with 502 and no session`, async () => {
      const s = await server.get();
      const email = uniqueEmail(`reject-${mode}`);
      await adminIdentityApi(s).createIdentity({
        createIdentityBody: { schema_id: 'default', traits: { email }, credentials: { password: { config: { password: PASSWORD } } } },
      });
      const client = new FlowClient(s, mode);

      const result = await client.passwordLogin(email, PASSWORD);

      assert.equal(result.status, 502, JSON.stringify(result.body));
      assert.equal(result.body.error.code, 502);
      assert.equal(result.body.error.reason, 'A third-party upstream service responded improperly. Please try again later.');
      assert.equal(result.body.error.message, 'webhook failed with status code 403');
      assert.equal((await client.whoami()).status, 401, 'no session was issued');
    });
  }

  test('browser: an after-login hook answering 4xx sends the browser to the error UI', async () => {
    const s = await server.get();
    const email = uniqueEmail('reject-browser');
    await adminIdentityApi(s).createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email }, credentials: { password: { config: { password: PASSWORD } } } },
    });
    const client = new FlowClient(s, 'browser');

    const result = await client.passwordLogin(email, PASSWORD);

    assert.equal(result.status, 303);
    const errorId = new URL(result.location).searchParams.get('id');
    assert.ok(errorId, `the error UI gets an error id: ${result.location}`);
    const error = await client.api.getFlowError({ id: errorId });
    assert.equal(error.error.code, 502);
    assert.equal((await client.whoami()).status, 401);
  });
});
