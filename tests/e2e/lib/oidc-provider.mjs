// A real OpenID Provider on loopback for the tests: panva's `oidc-provider` (npm, pinned in package.json) running
// in this process on a free 127.0.0.1 port, with test accounts, registered clients and a programmatic login and
// consent instead of the provider's dev UI, so a test (or Chromium) signs in as an account without typing.
//
//   const op = useOidcProvider({ clients: [{ client_id, client_secret, redirect_uris: [cb] }], accounts: [{ sub, email }] });
//   const provider = await op.get();            // started lazily, stopped in `after`
//   provider.issuer                             // http://127.0.0.1:PORT (discovery at /.well-known/openid-configuration)
//   const url = await provider.signIn(authorizeUrl, { account: 'alice@example.com' });   // lib/oidc-flow.mjs
//
// Interaction endpoints (what the authorize endpoint redirects a browser to):
//   GET /interaction/<uid>                      HTML: one "Sign in as <email>" link per account, or "Allow"/"Deny";
//                                               JSON ({ uid, prompt, params, accounts }) with Accept: application/json
//   GET /interaction/<uid>/login?account=<sub or email>
//   GET /interaction/<uid>/consent              grants every scope and claim the client asked for
//   GET /interaction/<uid>/abort                ends the flow with error=access_denied at the client's redirect_uri
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after } from 'node:test';
import { pathToFileURL } from 'node:url';
import { signIn } from './oidc-flow.mjs';
import { REPO_ROOT } from './server.mjs';

/** Claims released per scope (`hd` is Google's hosted-domain claim, released with `openid` like Google does). */
export const DEFAULT_CLAIMS = {
  openid: ['sub', 'hd'],
  email: ['email', 'email_verified'],
  profile: ['name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'picture', 'website', 'locale', 'zoneinfo', 'updated_at'],
  phone: ['phone_number', 'phone_number_verified'],
};

/** A ready-made account: every claim the tests usually map into traits. */
export const ALICE = Object.freeze({
  sub: 'alice-0001',
  email: 'alice@example.com',
  email_verified: true,
  name: 'Alice Liddell',
  given_name: 'Alice',
  family_name: 'Liddell',
  picture: 'https://example.com/alice.png',
  hd: 'example.com',
  locale: 'en',
});

/**
 * oidc-provider from tests/e2e/node_modules, else from tests/browser/node_modules: the browser tests import this
 * file from ../e2e/lib, where node only looks in tests/e2e, and they must also run after just their own `npm ci`.
 */
async function loadOidcProvider() {
  try {
    return await import('oidc-provider');
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    const fromBrowser = createRequire(join(REPO_ROOT, 'tests', 'browser', 'package.json'));
    return import(pathToFileURL(fromBrowser.resolve('oidc-provider')).href);
  }
}

/** A signing key pair as a private JWK with `kid`, `alg` and `use` (RS256 2048-bit or ES256 P-256). */
function signingJwk(alg) {
  const { privateKey } = alg === 'ES256'
    ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: `${alg.toLowerCase()}-${randomBytes(4).toString('hex')}`, alg, use: 'sig' };
}

/** The client metadata oidc-provider registers: authorization code only, secret in the Basic header by default. */
function clientMetadata(client) {
  return {
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'RS256',
    ...client,
  };
}

/**
 * Starts the provider. Options:
 *   clients   client metadata (client_id, client_secret, redirect_uris; id_token_signed_response_alg RS256 (default)
 *             or ES256). oidc-provider takes the secret from the Basic header or the form whatever
 *             token_endpoint_auth_method says (client_secret_basic by default), as golang.org/x/oauth2 expects.
 *   accounts  claim sets, each with a unique `sub` (and usually `email`); default [ALICE]
 *   claims    scope → claim names (default DEFAULT_CLAIMS)
 *   pkce      'required' (default: an authorization request without an S256 code_challenge is refused) or 'optional'
 *   ttl       oidc-provider ttl overrides (seconds), e.g. { AuthorizationCode: 5 }
 */
export async function startOidcProvider(options = {}) {
  const { Provider, errors } = await loadOidcProvider();
  const accounts = (options.accounts ?? [ALICE]).map((a) => ({ ...a }));
  const bySub = new Map(accounts.map((a) => [String(a.sub), a]));
  const server = http.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const claims = options.claims ?? DEFAULT_CLAIMS;

  const provider = new Provider(issuer, {
    clients: (options.clients ?? []).map(clientMetadata),
    jwks: { keys: [signingJwk('RS256'), signingJwk('ES256')] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims,
    scopes: ['openid', 'offline_access', ...Object.keys(claims).filter((s) => s !== 'openid')],
    responseTypes: ['code'],
    // Kratos reads the claims from the ID token, so every granted claim goes there, not only into userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => options.pkce !== 'optional' },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (ctx, sub) => {
      const account = bySub.get(String(sub));
      return account && { accountId: account.sub, claims: () => ({ ...account }) };
    },
    renderError: (ctx, out) => {
      ctx.type = 'json';
      ctx.body = out;
    },
    // Explicit lifetimes keep oidc-provider from printing a notice for each token it issues.
    ttl: { AccessToken: 3600, IdToken: 3600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, ...options.ttl },
  });
  const events = [];
  for (const name of ['server_error', 'grant.error', 'authorization.error']) {
    provider.on(name, (ctx, error) => events.push({ name, error: `${error?.name}: ${error?.message}${error?.cause ? ` (${error.cause.message})` : ''}` }));
  }

  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url.startsWith('/interaction/')) {
      interaction(provider, accounts, req, res).catch((error) => {
        const status = error.statusCode ?? (error instanceof errors.OIDCProviderError ? error.status : 500);
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: error.error ?? error.name, error_description: error.error_description ?? error.message }));
      });
    } else {
      callback(req, res);
    }
  });

  return {
    issuer,
    provider,
    accounts,
    /** Errors oidc-provider reported (grant errors such as a failed PKCE check, server errors), for diagnostics. */
    events,
    /** Runs an authorization request to its end headlessly; see lib/oidc-flow.mjs. */
    signIn: (authorizeUrl, flowOptions) => signIn(issuer, authorizeUrl, flowOptions),
    stop: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

/** Finds an account by `sub` or by `email`. */
function findAccount(accounts, id) {
  return accounts.find((a) => String(a.sub) === id) ?? accounts.find((a) => a.email === id);
}

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function interaction(provider, accounts, req, res) {
  const url = new URL(req.url, 'http://op.invalid');
  const [, , uid, action = ''] = url.pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw Object.assign(new Error('interaction uid does not match the cookie'), { statusCode: 400 });
  const { prompt, params } = details;

  if (action === '') {
    if ((req.headers.accept ?? '').includes('application/json')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ uid, prompt, params, accounts: accounts.map((a) => ({ sub: a.sub, email: a.email })) }));
      return;
    }
    const links = prompt.name === 'login'
      ? accounts.map((a) => `<li><a href="/interaction/${uid}/login?account=${encodeURIComponent(a.sub)}">Sign in as ${escapeHtml(a.email ?? a.sub)}</a></li>`)
      : [`<li><a href="/interaction/${uid}/consent">Allow</a></li>`];
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Test OpenID Provider</title><h1>${escapeHtml(prompt.name)}: ${escapeHtml(params.client_id)}</h1>`
      + `<ul>${links.join('')}<li><a href="/interaction/${uid}/abort">Deny</a></li></ul>`);
    return;
  }

  let result;
  if (action === 'login' && prompt.name === 'login') {
    const account = findAccount(accounts, url.searchParams.get('account') ?? '');
    if (!account) throw Object.assign(new Error(`no test account ${url.searchParams.get('account')}`), { statusCode: 400 });
    result = { login: { accountId: String(account.sub) } };
  } else if (action === 'consent' && prompt.name === 'consent') {
    result = { consent: await grantEverything(provider, details) };
  } else if (action === 'abort') {
    result = { error: 'access_denied', error_description: 'the test account denied the request' };
  } else {
    throw Object.assign(new Error(`cannot ${action} while the prompt is ${prompt.name}`), { statusCode: 400 });
  }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: action !== 'login' });
}

/** Grants every scope, claim and resource scope the prompt says is missing (oidc-provider's documented recipe). */
async function grantEverything(provider, details) {
  const { prompt: { details: missing }, params, session } = details;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  return details.grantId ? {} : { grantId };
}

/**
 * One provider per enclosing suite, started on first `get()` and stopped in an `after` hook
 * (the shape of `useServer` in lib/server.mjs). `options` may be a function (sync or async) returning them,
 * called on first `get()`, for clients whose redirect URI is only known then (Custos's port).
 */
export function useOidcProvider(options = {}) {
  let starting;
  after(async () => {
    if (!starting) return;
    const op = await starting.catch(() => null);
    await op?.stop();
  });
  return {
    get() {
      starting ??= (async () => startOidcProvider(typeof options === 'function' ? await options() : options))();
      return starting;
    },
  };
}
