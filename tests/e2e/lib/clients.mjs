// The three kinds of Kratos client, driven through the official SDK (@ory/kratos-client-fetch) where the SDK has the
// call (flows, whoami):
//   native  — API flows (`/self-service/<flow>/api`), a session token, no cookies;
//   spa     — browser flows with `Accept: application/json` and a cookie jar (CSRF cookie + token, session cookie);
//   browser — browser flows as a server-rendered page uses them: form-encoded posts, 303s followed by hand, flows
//             read back with the SDK (`/flows?id=` always answers JSON).
import assert from 'node:assert/strict';
import { Configuration, FrontendApi, ResponseError } from '@ory/kratos-client-fetch';

export const MODES = ['native', 'spa', 'browser'];

/** A fetch that keeps cookies like a browser on the same site does, and never follows redirects. */
export function cookieJarFetch() {
  const jar = new Map();
  const jarFetch = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(input, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      if (attributes.some((a) => /max-age=(0|-)/i.test(a.trim()))) jar.delete(name);
      else jar.set(name, pair.slice(index + 1).trim());
    }
    return response;
  };
  jarFetch.jar = jar;
  return jarFetch;
}

/** Awaits an SDK call that must fail; returns { status, body } of the answer. */
export async function failure(promise) {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ResponseError) return { status: e.response.status, body: await e.response.json() };
    throw e;
  }
  assert.fail('the call was expected to fail');
}

/** Flattens a body into form fields as an HTML form names them (`traits.email`); booleans become "true". */
export function formFields(body, prefix = '', out = new URLSearchParams()) {
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object') formFields(value, name, out);
    else out.append(name, String(value));
  }
  return out;
}

/** The `flow` query parameter of a redirect target, or null. */
export function flowIdOf(location) {
  return location ? new URL(location, 'http://placeholder.invalid').searchParams.get('flow') : null;
}

/** The value of the `csrf_token` node (empty for API flows). */
export function csrfOf(flow) {
  return flow.ui.nodes.find((n) => n.attributes.name === 'csrf_token')?.attributes.value;
}

const CAPITAL = { login: 'Login', registration: 'Registration', settings: 'Settings' };

/** One client of one mode, with its session (token or cookie). */
export class FlowClient {
  constructor(server, mode) {
    this.server = server;
    this.mode = mode;
    this.token = undefined;
    const fetchApi = mode === 'native' ? undefined : cookieJarFetch();
    this.fetch = fetchApi ?? fetch;
    this.api = new FrontendApi(
      new Configuration({ basePath: server.publicUrl, fetchApi, headers: mode === 'spa' ? { Accept: 'application/json' } : undefined }),
    );
  }

  /** Creates a flow (`type`: login, registration, settings) with query parameters such as { aal: 'aal2' }. */
  async create(type, query = {}) {
    const name = CAPITAL[type];
    if (this.mode === 'native') return this.api[`createNative${name}Flow`]({ ...query, xSessionToken: this.token });
    if (this.mode === 'spa') return this.api[`createBrowser${name}Flow`](query);
    const url = new URL(`${this.server.publicUrl}/self-service/${type}/browser`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    const location = await this.open(url.href);
    const id = flowIdOf(location);
    assert.ok(id, `the browser is sent to the ${type} UI with a flow: ${location}`);
    return this.get(type, id);
  }

  /** Reads a flow back (JSON in every mode). */
  get(type, id) {
    return this.api[`get${CAPITAL[type]}Flow`]({ id, xSessionToken: this.token });
  }

  /**
   * Submits `body` to `flow` (the csrf_token of browser flows is added). Returns { status, body } for native and SPA
   * (an SDK error answer included) and { status, location, flow } for a browser, where `flow` is the flow the browser
   * is sent back to, read again, when the redirect names one.
   */
  async submit(type, flow, body) {
    const csrf = csrfOf(flow);
    const withCsrf = csrf ? { ...body, csrf_token: csrf } : body;
    if (this.mode === 'browser') {
      const response = await this.fetch(flow.ui.action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
        body: formFields(withCsrf),
      });
      const location = response.headers.get('location');
      const id = flowIdOf(location);
      const sameUi = id && !new URL(location).pathname.startsWith('/self-service/');
      return { status: response.status, location, flow: sameUi ? await this.get(type, id) : undefined };
    }
    const name = CAPITAL[type];
    try {
      const result = await this.api[`update${name}Flow`]({ flow: flow.id, xSessionToken: this.token, [`update${name}FlowBody`]: withCsrf });
      if (this.mode === 'native' && result.session_token) this.token = result.session_token;
      return { status: 200, body: result };
    } catch (e) {
      if (!(e instanceof ResponseError)) throw e;
      return { status: e.response.status, body: await e.response.json() };
    }
  }

  /** Browser only: GETs `url` and follows redirects within /self-service/; returns the first other location. */
  async open(url) {
    let next = url;
    for (let hop = 0; hop < 5; hop++) {
      const response = await this.fetch(next, { headers: { Accept: 'text/html' } });
      assert.equal(response.status, 303, `GET ${next} redirects (got ${response.status})`);
      const location = new URL(response.headers.get('location'), next).href;
      if (!new URL(location).pathname.startsWith('/self-service/')) return location;
      next = location;
    }
    assert.fail(`too many redirects from ${url}`);
  }

  /** GET /sessions/whoami through the SDK: { status, body }. */
  async whoami() {
    try {
      return { status: 200, body: await this.api.toSession({ xSessionToken: this.token }) };
    } catch (e) {
      if (!(e instanceof ResponseError)) throw e;
      return { status: e.response.status, body: await e.response.json() };
    }
  }

  /**
   * The flow an answer shows again (validation errors, "code sent", reveal): 400 with the flow for native and SPA
   * (`status` overrides, e.g. 200), a redirect back to the flow's UI for a browser (303; `browserStatus` overrides:
   * registration answers validation errors with 302).
   */
  shownFlow(result, status = 400, browserStatus = 303) {
    if (this.mode === 'browser') {
      assert.equal(result.status, browserStatus, `a browser is sent back to the UI: ${result.location}`);
      assert.ok(result.flow, `the redirect names the flow: ${result.location}`);
      return result.flow;
    }
    assert.equal(result.status, status, JSON.stringify(result.body).slice(0, 800));
    return result.body;
  }

  /** Checks a successful login answer: a token (native), a session (SPA) or a 303 to the return URL (browser). */
  loggedIn(result) {
    if (this.mode === 'browser') {
      assert.equal(result.status, 303, `login redirects: ${result.location}`);
      assert.equal(result.flow, undefined, `not back to the login UI: ${result.location}`);
      return;
    }
    assert.equal(result.status, 200, JSON.stringify(result.body).slice(0, 800));
    if (this.mode === 'native') assert.match(result.body.session_token, /^ory_st_/);
    else assert.equal(result.body.session_token, undefined, 'a browser session never sees its token');
  }

  /** Signs in with a password (a fresh aal1 login flow). Returns the submit result. */
  async passwordLogin(identifier, password) {
    const flow = await this.create('login');
    return this.submit('login', flow, { method: 'password', identifier, password });
  }
}

/** Nodes of a flow by attribute name (inputs) or id (text, img). */
export function nodes(flow, name) {
  return flow.ui.nodes.filter((n) => n.attributes.name === name || n.attributes.id === name);
}

/** The one node named `name` (and, when given, of value `value`). */
export function node(flow, name, value) {
  const found = nodes(flow, name).filter((n) => value === undefined || n.attributes.value === value);
  assert.equal(found.length, 1, `one node ${name}${value === undefined ? '' : `=${value}`} in ${JSON.stringify(flow.ui.nodes.map((n) => n.attributes.name ?? n.attributes.id))}`);
  return found[0];
}

/** Ids of the form-level messages. */
export function messageIds(flow) {
  return (flow.ui.messages ?? []).map((m) => m.id);
}
