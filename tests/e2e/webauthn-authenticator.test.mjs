// Self-check of the software WebAuthn authenticator (lib/webauthn.mjs) and its CBOR (lib/cbor.mjs), without a
// server: CBOR against RFC 8949 Appendix A, and every ceremony verified the way a relying party does it — the
// attestation object decoded, the COSE key turned back into a node KeyObject, the signatures checked with
// node:crypto.verify — so a failing passkey/webauthn SDK test points at the server, not at the authenticator.
import assert from 'node:assert/strict';
import { createHash, verify } from 'node:crypto';
import { describe, test } from 'node:test';
import { decode, encode } from './lib/cbor.mjs';
import { ALG, FLAGS, SoftAuthenticator, coseToKeyObject, fromB64url, parseAuthenticatorData } from './lib/webauthn.mjs';

const ORIGIN = 'http://localhost:4455';
const sha256 = (data) => createHash('sha256').update(data).digest();
const B64URL = /^[A-Za-z0-9_-]+$/;
const hashOf = { [ALG.ES256]: 'sha256', [ALG.EdDSA]: null, [ALG.RS256]: 'sha256' };

// Kratos's creation options (§4.3), with the go-webauthn parameter list.
function creationOptions({ exclude = [] } = {}) {
  return JSON.stringify({
    publicKey: {
      rp: { name: 'Custos', id: 'localhost' },
      user: { name: 'Custos', displayName: 'Custos', id: Buffer.from('h'.repeat(64)).toString('base64url') },
      challenge: Buffer.alloc(32, 7).toString('base64url'),
      pubKeyCredParams: [-7, -35, -36, -257, -258, -259, -37, -38, -39, -8].map((alg) => ({ type: 'public-key', alg })),
      timeout: 300000,
      excludeCredentials: exclude.map((id) => ({ type: 'public-key', id })),
      authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: 'preferred' },
      attestation: 'none',
    },
  });
}

function requestOptions(allow = []) {
  const publicKey = { challenge: Buffer.alloc(32, 9).toString('base64url'), timeout: 300000, rpId: 'localhost', userVerification: 'preferred' };
  if (allow.length) publicKey.allowCredentials = allow.map((id) => ({ type: 'public-key', id }));
  return JSON.stringify({ publicKey });
}

/** Verifies an assertion as a relying party would; returns the parsed authenticator data. */
function verifyAssertion(assertion, cose, alg) {
  const authData = fromB64url(assertion.response.authenticatorData);
  const signed = Buffer.concat([authData, sha256(fromB64url(assertion.response.clientDataJSON))]);
  const ok = verify(hashOf[alg], signed, { key: coseToKeyObject(cose), dsaEncoding: 'der' }, fromB64url(assertion.response.signature));
  return { ok, data: parseAuthenticatorData(authData), client: JSON.parse(fromB64url(assertion.response.clientDataJSON)) };
}

describe('webauthn soft authenticator self-check (no server)', () => {
  test('webauthn lib: CBOR encodes RFC 8949 Appendix A examples and decodes them back', () => {
    const vectors = [
      [0, '00'], [23, '17'], [24, '1818'], [100, '1864'], [1000, '1903e8'], [1000000, '1a000f4240'],
      [1000000000000, '1b000000e8d4a51000'], [-1, '20'], [-10, '29'], [-100, '3863'], [-1000, '3903e7'],
      [Buffer.from([1, 2, 3, 4]), '4401020304'], ['', '60'], ['a', '6161'], ['IETF', '6449455446'], ['ü', '62c3bc'],
      [[], '80'], [[1, 2, 3], '83010203'], [[1, [2, 3], [4, 5]], '8301820203820405'],
      [new Map([[1, 2], [3, 4]]), 'a201020304'], [{ a: 1, b: [2, 3] }, 'a26161016162820203'],
      [true, 'f5'], [false, 'f4'], [null, 'f6'],
    ];
    for (const [value, hex] of vectors) {
      assert.equal(encode(value).toString('hex'), hex, `encode ${JSON.stringify(value)}`);
      const back = decode(Buffer.from(hex, 'hex'));
      if (value instanceof Map || (value && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value))) {
        assert.deepEqual(Object.fromEntries(back), value instanceof Map ? Object.fromEntries(value) : value);
      } else {
        assert.deepEqual(back, value);
      }
    }
    const long = Buffer.alloc(300, 1);
    assert.deepEqual(decode(encode(long)), long, 'a 300-byte string has a 2-byte length');
    assert.throws(() => decode(Buffer.from('0000', 'hex')), /trailing/);
  });

  for (const [name, alg] of Object.entries(ALG)) {
    for (const attestation of ['none', 'packed']) {
      test(`webauthn lib: ${name} with ${attestation} attestation — the relying party's checks pass`, () => {
        const authenticator = new SoftAuthenticator({ origin: ORIGIN, attestation, alg });
        const options = creationOptions();
        const created = authenticator.create(options);
        assert.deepEqual(Object.keys(created), ['id', 'rawId', 'type', 'response']);
        assert.deepEqual(Object.keys(created.response), ['attestationObject', 'clientDataJSON']);
        for (const v of [created.id, created.rawId, created.response.attestationObject, created.response.clientDataJSON]) assert.match(v, B64URL);
        assert.equal(created.id, created.rawId);
        assert.equal(created.type, 'public-key');

        const client = JSON.parse(fromB64url(created.response.clientDataJSON));
        assert.deepEqual(client, { type: 'webauthn.create', challenge: JSON.parse(options).publicKey.challenge, origin: ORIGIN, crossOrigin: false });
        const object = decode(fromB64url(created.response.attestationObject));
        assert.deepEqual([...object.keys()], ['fmt', 'attStmt', 'authData']);
        assert.equal(object.get('fmt'), attestation);
        const data = parseAuthenticatorData(object.get('authData'));
        assert.deepEqual(data.rpIdHash, sha256('localhost'));
        assert.equal(data.flags, FLAGS.UP | FLAGS.UV | FLAGS.AT);
        assert.equal(data.signCount, 1);
        assert.deepEqual(data.aaguid, Buffer.alloc(16));
        assert.equal(data.credentialId.toString('base64url'), created.rawId);
        assert.equal(data.cose.get(3), alg, 'the COSE key names the algorithm');
        assert.deepEqual(data.publicKey, created.credential.key.cose, 'the COSE key ends the authenticator data');
        if (attestation === 'packed') {
          const statement = object.get('attStmt');
          assert.deepEqual([...statement.keys()], ['alg', 'sig']);
          assert.equal(statement.get('alg'), alg);
          const signed = Buffer.concat([object.get('authData'), sha256(fromB64url(created.response.clientDataJSON))]);
          assert.ok(verify(hashOf[alg], signed, { key: coseToKeyObject(data.cose), dsaEncoding: 'der' }, statement.get('sig')), 'self attestation verifies');
        } else {
          assert.equal(object.get('attStmt').size, 0);
        }

        const assertion = authenticator.get(requestOptions([created.id]));
        assert.deepEqual(Object.keys(assertion.response), ['authenticatorData', 'clientDataJSON', 'signature', 'userHandle']);
        const checked = verifyAssertion(assertion, data.cose, alg);
        assert.ok(checked.ok, 'the assertion signature verifies with the registered COSE key');
        assert.equal(checked.data.flags, FLAGS.UP | FLAGS.UV);
        assert.equal(checked.data.signCount, 2, 'the counter advanced');
        assert.deepEqual(checked.client, { type: 'webauthn.get', challenge: JSON.parse(requestOptions()).publicKey.challenge, origin: ORIGIN, crossOrigin: false });
        assert.equal(fromB64url(assertion.response.userHandle).toString(), 'h'.repeat(64));
      });
    }
  }

  test("webauthn lib: Kratos's passkey wrapper, excludeCredentials, allowCredentials and discoverable choice", () => {
    const authenticator = new SoftAuthenticator({ origin: ORIGIN });
    const wrapper = { credentialOptions: JSON.parse(creationOptions()), displayNameFieldName: 'traits.email' };
    const first = authenticator.create(JSON.stringify(wrapper));
    assert.equal(first.credential.rpId, 'localhost');
    assert.equal(first.credential.userHandle.toString(), 'h'.repeat(64));
    assert.throws(() => authenticator.create(creationOptions({ exclude: [first.id] })), /InvalidStateError/);
    const second = authenticator.create(creationOptions({ exclude: ['AAAA'] }));
    assert.equal(authenticator.get(requestOptions()).id, second.id, 'a discoverable login uses the newest credential');
    assert.equal(authenticator.get(requestOptions([first.id])).id, first.id, 'allowCredentials picks');
    assert.equal(authenticator.get(requestOptions(), { credential: first.credential }).id, first.id);
    assert.throws(() => authenticator.get(requestOptions(['bm9uZQ'])), /NotAllowedError/);
    assert.equal(first.credential.idHex, fromB64url(first.id).toString('hex'));
    assert.equal(first.credential.idBase64, fromB64url(first.id).toString('base64'));
  });

  test('webauthn lib: counters — always 0 for a synced passkey, forced values, BE/BS flags', () => {
    const synced = new SoftAuthenticator({ origin: ORIGIN, counterStep: 0, be: true, bs: true, uv: false });
    const created = synced.create(creationOptions());
    const data = parseAuthenticatorData(decode(fromB64url(created.response.attestationObject)).get('authData'));
    assert.equal(data.signCount, 0);
    assert.equal(data.flags, FLAGS.UP | FLAGS.BE | FLAGS.BS | FLAGS.AT);
    for (let i = 0; i < 3; i++) assert.equal(verifyAssertion(synced.get(requestOptions()), data.cose, ALG.ES256).data.signCount, 0);

    const counted = new SoftAuthenticator({ origin: ORIGIN });
    const key = counted.create(creationOptions());
    const cose = parseAuthenticatorData(decode(fromB64url(key.response.attestationObject)).get('authData')).cose;
    assert.equal(verifyAssertion(counted.get(requestOptions(), { counter: 5 }), cose, ALG.ES256).data.signCount, 5);
    assert.equal(verifyAssertion(counted.get(requestOptions(), { counter: 3 }), cose, ALG.ES256).data.signCount, 3, 'a counter may go back');
    assert.equal(verifyAssertion(counted.get(requestOptions()), cose, ALG.ES256).data.signCount, 4);
    assert.equal(key.credential.signCount, 4, 'the credential keeps its counter');
  });

  test('webauthn lib: tamper knobs break exactly one thing each', () => {
    const authenticator = new SoftAuthenticator({ origin: ORIGIN });
    const created = authenticator.create(creationOptions());
    const cose = parseAuthenticatorData(decode(fromB64url(created.response.attestationObject)).get('authData')).cose;
    const options = requestOptions();

    const flippedSig = verifyAssertion(authenticator.get(options, { tamper: { flipSignature: true } }), cose, ALG.ES256);
    assert.equal(flippedSig.ok, false, 'a flipped signature byte does not verify');
    const wrongRp = verifyAssertion(authenticator.get(options, { tamper: { rpId: 'evil.example' } }), cose, ALG.ES256);
    assert.ok(wrongRp.ok);
    assert.deepEqual(wrongRp.data.rpIdHash, sha256('evil.example'));
    const otherChallenge = Buffer.alloc(32, 1).toString('base64url');
    const replayed = verifyAssertion(authenticator.get(options, { tamper: { challenge: otherChallenge } }), cose, ALG.ES256);
    assert.ok(replayed.ok);
    assert.equal(replayed.client.challenge, otherChallenge);
    const elsewhere = verifyAssertion(authenticator.get(options, { origin: 'http://evil.example:4455' }), cose, ALG.ES256);
    assert.ok(elsewhere.ok);
    assert.equal(elsewhere.client.origin, 'http://evil.example:4455');
    assert.equal(fromB64url(authenticator.get(options, { userHandle: 'someone else' }).response.userHandle).toString(), 'someone else');
    assert.equal(authenticator.get(options, { userHandle: null }).response.userHandle, undefined);

    const packed = new SoftAuthenticator({ origin: ORIGIN, attestation: 'packed' });
    const bad = packed.create(creationOptions(), { tamper: { flipSignature: true, rpId: 'evil.example' } });
    const object = decode(fromB64url(bad.response.attestationObject));
    const data = parseAuthenticatorData(object.get('authData'));
    assert.deepEqual(data.rpIdHash, sha256('evil.example'));
    const signed = Buffer.concat([object.get('authData'), sha256(fromB64url(bad.response.clientDataJSON))]);
    assert.equal(verify('sha256', signed, { key: coseToKeyObject(data.cose), dsaEncoding: 'der' }, object.get('attStmt').get('sig')), false);
  });
});
