// A software WebAuthn authenticator together with the browser's side of navigator.credentials.create/get, in plain
// node:crypto, for the SDK tests of the passkey and webauthn strategies.
//
//   const authenticator = new SoftAuthenticator({ origin: 'http://localhost:4455' });
//   const registration = authenticator.create(optionsJson);        // PublicKeyCredential JSON (attestation)
//   registration.credential                                        // the key it made (not serialised)
//   const assertion = authenticator.get(requestOptionsJson);       // PublicKeyCredential JSON (assertion)
//
// Options JSON is Kratos's: a string or object, `{"publicKey":…}`, the passkey registration wrapper
// `{"credentialOptions":{"publicKey":…},"displayNameFieldName":…}`, or the bare options; `challenge`, `user.id`,
// `allowCredentials[].id` and `excludeCredentials[].id` are base64url. Results have the shape Kratos's webauthn.js
// posts: `{id, rawId, type, response:{…}}` with every binary member base64url without padding.
//
// Models: ES256 (P-256, DER signatures), EdDSA (Ed25519) and RS256 keys; attestation "none" or "packed" self
// attestation (alg + signature over authData || SHA-256(clientDataJSON) with the credential's own key); UP always,
// UV/BE/BS settable; a sign counter per credential that advances by `counterStep` per ceremony (0 = a synced passkey
// that always reports 0) or is set per call (`counter`), e.g. to go backwards. Tamper knobs (`tamper`) break one
// ceremony: `rpId` (hash another RP id into the authenticator data), `challenge` (sign another challenge, e.g. one
// from another flow), `type` (clientData type), `flipSignature` (flip one signature byte). A wrong origin is simply
// another `origin`: the browser's origin/RP-id check is not modelled, the server is the one that must refuse it.
// Not modelled: CTAP, PINs, extensions, attestation certificates, AAGUIDs other than the one given (zero default).
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { decodeFirst, encode } from './cbor.mjs';

export const ALG = Object.freeze({ ES256: -7, EdDSA: -8, RS256: -257 });
export const FLAGS = Object.freeze({ UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40, ED: 0x80 });
const SUPPORTED = [ALG.ES256, ALG.EdDSA, ALG.RS256];

export const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
export const fromB64url = (text) => Buffer.from(text, 'base64url');
const sha256 = (data) => createHash('sha256').update(data).digest();

/** The PublicKeyCredential{Creation,Request}Options inside any of Kratos's JSON shapes (see the top of the file). */
export function publicKeyOptions(options) {
  let o = typeof options === 'string' ? JSON.parse(options) : options;
  if (o && typeof o.credentialOptions === 'object') o = o.credentialOptions;
  if (o && typeof o.publicKey === 'object') o = o.publicKey;
  if (!o || typeof o.challenge !== 'string') throw new TypeError(`not WebAuthn options: ${JSON.stringify(options).slice(0, 300)}`);
  return o;
}

/** A new key pair for COSE algorithm `alg`: { alg, privateKey, publicKey, cose (COSE_Key bytes), sign(data) }. */
export function newKey(alg) {
  if (alg === ALG.ES256) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = new Map([[1, 2], [3, alg], [-1, 1], [-2, fromB64url(jwk.x)], [-3, fromB64url(jwk.y)]]);
    return { alg, privateKey, publicKey, cose: encode(cose), sign: (data) => sign('sha256', data, { key: privateKey, dsaEncoding: 'der' }) };
  }
  if (alg === ALG.EdDSA) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const cose = new Map([[1, 1], [3, alg], [-1, 6], [-2, fromB64url(publicKey.export({ format: 'jwk' }).x)]]);
    return { alg, privateKey, publicKey, cose: encode(cose), sign: (data) => sign(null, data, privateKey) };
  }
  if (alg === ALG.RS256) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = new Map([[1, 3], [3, alg], [-1, fromB64url(jwk.n)], [-2, fromB64url(jwk.e)]]);
    return { alg, privateKey, publicKey, cose: encode(cose), sign: (data) => sign('sha256', data, privateKey) };
  }
  throw new RangeError(`unsupported COSE algorithm ${alg}`);
}

/** A decoded COSE_Key (Map) as a node KeyObject, to verify signatures with node:crypto.verify. */
export function coseToKeyObject(cose) {
  const kty = cose.get(1);
  if (kty === 2) return createPublicKey({ format: 'jwk', key: { kty: 'EC', crv: 'P-256', x: b64url(cose.get(-2)), y: b64url(cose.get(-3)) } });
  if (kty === 1) return createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519', x: b64url(cose.get(-2)) } });
  if (kty === 3) return createPublicKey({ format: 'jwk', key: { kty: 'RSA', n: b64url(cose.get(-1)), e: b64url(cose.get(-2)) } });
  throw new RangeError(`unsupported COSE key type ${kty}`);
}

/** Splits authenticator data: { rpIdHash, flags, signCount, aaguid?, credentialId?, publicKey? (COSE bytes), cose? (Map) }. */
export function parseAuthenticatorData(data) {
  const buf = Buffer.from(data);
  const out = { rpIdHash: buf.subarray(0, 32), flags: buf[32], signCount: buf.readUInt32BE(33) };
  if (out.flags & FLAGS.AT) {
    out.aaguid = buf.subarray(37, 53);
    const length = buf.readUInt16BE(53);
    out.credentialId = buf.subarray(55, 55 + length);
    const { value, length: coseLength } = decodeFirst(buf, 55 + length);
    out.cose = value;
    out.publicKey = buf.subarray(55 + length, 55 + length + coseLength);
  }
  return out;
}

/** One credential the authenticator holds. `signCount` and `counterStep` may be changed by a test. */
export class SoftCredential {
  constructor({ id, rpId, userHandle, key, counterStep, uv, be, bs, aaguid }) {
    Object.assign(this, { id, rpId, userHandle, key, counterStep, uv, be, bs, aaguid, signCount: 0 });
  }

  /** base64url id, as in options and results. */
  get idB64url() {
    return b64url(this.id);
  }

  /** Standard base64 id, as Kratos stores it in the credential config. */
  get idBase64() {
    return this.id.toString('base64');
  }

  /** Lower-case hex id, the value of `passkey_remove` / `webauthn_remove`. */
  get idHex() {
    return this.id.toString('hex');
  }

  /** The counter the next ceremony reports (`counter` forces a value and makes it the current one). */
  nextCount(counter) {
    if (counter !== undefined) this.signCount = counter;
    else if (this.counterStep > 0) this.signCount += this.counterStep;
    return this.counterStep > 0 || counter !== undefined ? this.signCount : 0;
  }

  flags(extra) {
    return FLAGS.UP | (this.uv ? FLAGS.UV : 0) | (this.be ? FLAGS.BE : 0) | (this.bs ? FLAGS.BS : 0) | extra;
  }
}

function clientData(type, challenge, origin) {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
}

function header(rpId, flags, count) {
  const buf = Buffer.alloc(37);
  sha256(rpId).copy(buf, 0);
  buf[32] = flags;
  buf.writeUInt32BE(count >>> 0, 33);
  return buf;
}

function flipped(signature) {
  const copy = Buffer.from(signature);
  copy[copy.length - 1] ^= 0x01;
  return copy;
}

function attach(result, credential) {
  Object.defineProperty(result, 'credential', { value: credential, enumerable: false });
  return result;
}

export class SoftAuthenticator {
  /**
   * Defaults for every ceremony: origin (required somewhere), attestation ('none' | 'packed'), alg (a COSE id; else
   * the RP's first supported one), uv (true), be / bs (false), counterStep (1; 0 = always 0), aaguid (16 zero bytes).
   */
  constructor(defaults = {}) {
    this.defaults = { attestation: 'none', uv: true, be: false, bs: false, counterStep: 1, aaguid: Buffer.alloc(16), ...defaults };
    this.credentials = [];
  }

  /** navigator.credentials.create(): the attestation PublicKeyCredential JSON; `.credential` is the new key. */
  create(optionsJson, options = {}) {
    const o = { ...this.defaults, ...options };
    const tamper = o.tamper ?? {};
    const pk = publicKeyOptions(optionsJson);
    if (!o.origin) throw new TypeError('create() needs an origin');
    const rpId = pk.rp?.id ?? new URL(o.origin).hostname;
    const excluded = new Set((pk.excludeCredentials ?? []).map((c) => c.id));
    if (!o.ignoreExclude && this.credentials.some((c) => c.rpId === rpId && excluded.has(c.idB64url))) {
      throw new Error('InvalidStateError: the authenticator already holds a credential the RP excluded');
    }
    const offered = (pk.pubKeyCredParams ?? []).map((p) => p.alg);
    const alg = o.alg ?? offered.find((a) => SUPPORTED.includes(a));
    if (!offered.includes(alg)) throw new Error(`NotSupportedError: the RP does not offer alg ${alg} (${offered})`);

    const credential = new SoftCredential({
      id: o.credentialId ?? randomBytes(16),
      rpId,
      userHandle: fromB64url(pk.user.id),
      key: newKey(alg),
      counterStep: o.counterStep,
      uv: o.uv,
      be: o.be,
      bs: o.bs,
      aaguid: o.aaguid,
    });
    const length = Buffer.alloc(2);
    length.writeUInt16BE(credential.id.length);
    const authData = Buffer.concat([
      header(tamper.rpId ?? rpId, credential.flags(FLAGS.AT), credential.nextCount(o.counter)),
      credential.aaguid,
      length,
      credential.id,
      credential.key.cose,
    ]);
    const clientDataJSON = clientData(tamper.type ?? 'webauthn.create', tamper.challenge ?? pk.challenge, o.origin);
    let attestationObject;
    if (o.attestation === 'none') {
      attestationObject = encode({ fmt: 'none', attStmt: {}, authData });
    } else if (o.attestation === 'packed') {
      const sig = credential.key.sign(Buffer.concat([authData, sha256(clientDataJSON)]));
      attestationObject = encode({ fmt: 'packed', attStmt: { alg, sig: tamper.flipSignature ? flipped(sig) : sig }, authData });
    } else {
      throw new RangeError(`unsupported attestation ${o.attestation}`);
    }
    this.credentials.push(credential);
    return attach(
      {
        id: credential.idB64url,
        rawId: credential.idB64url,
        type: 'public-key',
        response: { attestationObject: b64url(attestationObject), clientDataJSON: b64url(clientDataJSON) },
      },
      credential,
    );
  }

  /**
   * navigator.credentials.get(): the assertion PublicKeyCredential JSON, signed by `options.credential`, else by the
   * newest held credential for the RP id that `allowCredentials` names (any, when the list is absent or empty: a
   * discoverable login). `userHandle` overrides the handle sent (a Buffer, a string taken as UTF-8, or null to omit
   * it); `counter` forces the sign counter.
   */
  get(optionsJson, options = {}) {
    const o = { ...this.defaults, ...options };
    const tamper = o.tamper ?? {};
    const pk = publicKeyOptions(optionsJson);
    if (!o.origin) throw new TypeError('get() needs an origin');
    const rpId = pk.rpId ?? new URL(o.origin).hostname;
    const allowed = new Set((pk.allowCredentials ?? []).map((c) => c.id));
    const credential =
      o.credential ?? this.credentials.filter((c) => c.rpId === rpId && (allowed.size === 0 || allowed.has(c.idB64url))).at(-1);
    if (!credential) throw new Error(`NotAllowedError: no credential for ${rpId} among ${[...allowed]}`);

    const authenticatorData = header(tamper.rpId ?? credential.rpId, credential.flags(0), credential.nextCount(o.counter));
    const clientDataJSON = clientData(tamper.type ?? 'webauthn.get', tamper.challenge ?? pk.challenge, o.origin);
    const signature = credential.key.sign(Buffer.concat([authenticatorData, sha256(clientDataJSON)]));
    const handle = o.userHandle === undefined ? credential.userHandle : o.userHandle;
    const response = {
      authenticatorData: b64url(authenticatorData),
      clientDataJSON: b64url(clientDataJSON),
      signature: b64url(tamper.flipSignature ? flipped(signature) : signature),
    };
    if (handle !== null) response.userHandle = b64url(typeof handle === 'string' ? Buffer.from(handle, 'utf8') : handle);
    return attach({ id: credential.idB64url, rawId: credential.idB64url, type: 'public-key', response }, credential);
  }
}
