// Helpers around the official Ory SDK (@ory/kratos-client-fetch) used unchanged against Custos.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Configuration, IdentityApi, MetadataApi, ResponseError } from '@ory/kratos-client-fetch';

/** IdentityApi on the admin listener (identities, sessions, recovery helpers). */
export function adminIdentityApi(server) {
  return new IdentityApi(new Configuration({ basePath: server.adminUrl }));
}

/** IdentityApi on the public listener (identity schemas live there). */
export function publicIdentityApi(server) {
  return new IdentityApi(new Configuration({ basePath: server.publicUrl }));
}

export function metadataApi(baseUrl) {
  return new MetadataApi(new Configuration({ basePath: baseUrl }));
}

/** An address no other test in the run uses. */
export function uniqueEmail(label = 'user') {
  return `${label}-${randomUUID().slice(0, 8)}@custos-e2e.example.com`;
}

/**
 * Awaits an SDK call that must fail with HTTP `status`; checks the Kratos error envelope
 * ({"error":{"code":status,"status":...,"message":...}}) and returns { response, body, error }.
 */
export async function expectApiError(promise, status) {
  let result;
  try {
    result = await promise;
  } catch (err) {
    if (!(err instanceof ResponseError)) throw err;
    const { response } = err;
    const text = await response.text();
    assert.equal(response.status, status, `expected HTTP ${status}, got ${response.status}: ${text.slice(0, 500)}`);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/, 'error bodies are JSON');
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      assert.fail(`error body is not JSON: ${text.slice(0, 500)}`);
    }
    assert.ok(body && typeof body.error === 'object', `error envelope missing: ${text.slice(0, 500)}`);
    assert.equal(body.error.code, status, 'error.code equals the HTTP status');
    assert.equal(typeof body.error.message, 'string', 'error.message is always present');
    return { response, body, error: body.error };
  }
  assert.fail(`expected HTTP ${status}, but the call succeeded: ${JSON.stringify(result)?.slice(0, 500)}`);
}

/** Parses an RFC 8288 Link header into { rel: URL }. */
export function parseLinkHeader(header) {
  const links = {};
  if (!header) return links;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (!match) continue;
    const rel = /rel="?([^";]+)"?/.exec(match[2]);
    if (rel) for (const r of rel[1].trim().split(/\s+/)) links[r] = new URL(match[1], 'http://placeholder.invalid');
  }
  return links;
}

/** base64url without padding, as Kratos encodes schema ids in `schema_url`. */
export function base64Url(text) {
  return Buffer.from(text, 'utf8').toString('base64url');
}
