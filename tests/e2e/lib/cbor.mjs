// The slice of CBOR (RFC 8949) WebAuthn needs: unsigned and negative integers, byte strings, text strings, arrays,
// maps with integer or text keys, booleans and null. Enough to write COSE keys and attestation objects as an
// authenticator does, and to read them back in the self-check. Maps keep the order they are given in (a JS Map for
// integer keys, a plain object for text keys); WebAuthn parsers do not require CTAP2's canonical order, and the
// encoders below list keys in that order anyway.

function head(major, value) {
  if (value < 24) return Buffer.from([(major << 5) | value]);
  if (value < 0x100) return Buffer.from([(major << 5) | 24, value]);
  if (value < 0x10000) {
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(value, 1);
    return b;
  }
  if (value < 0x100000000) {
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(value, 1);
    return b;
  }
  const b = Buffer.alloc(9);
  b[0] = (major << 5) | 27;
  b.writeBigUInt64BE(BigInt(value), 1);
  return b;
}

/** Encodes a value: integer, Buffer/Uint8Array, string, array, Map (any keys), plain object (text keys), boolean, null. */
export function encode(value) {
  if (value === null || value === undefined) return Buffer.from([0xf6]);
  if (value === true) return Buffer.from([0xf5]);
  if (value === false) return Buffer.from([0xf4]);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`CBOR: only integers are supported, got ${value}`);
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(encode)]);
  const entries = value instanceof Map ? [...value] : Object.entries(value);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([k, v]) => [encode(k), encode(v)])]);
}

/**
 * Decodes one CBOR item from `bytes`; returns { value, length } (length = bytes consumed, so the COSE key that ends
 * authenticator data can be measured). Maps decode to a JS Map, byte strings to Buffers.
 */
export function decodeFirst(bytes, offset = 0) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = offset;
  const item = () => {
    const first = buf[at++];
    if (first === undefined) throw new RangeError('CBOR: unexpected end of input');
    const major = first >> 5;
    const info = first & 0x1f;
    let n;
    if (info < 24) n = info;
    else if (info === 24) n = buf.readUInt8((at += 1) - 1);
    else if (info === 25) n = buf.readUInt16BE((at += 2) - 2);
    else if (info === 26) n = buf.readUInt32BE((at += 4) - 4);
    else if (info === 27) n = Number(buf.readBigUInt64BE((at += 8) - 8));
    else throw new RangeError(`CBOR: unsupported additional info ${info} (indefinite lengths are not used by WebAuthn)`);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        at += n;
        if (at > buf.length) throw new RangeError('CBOR: byte string runs past the end');
        return Buffer.from(buf.subarray(at - n, at));
      case 3:
        at += n;
        if (at > buf.length) throw new RangeError('CBOR: text string runs past the end');
        return buf.toString('utf8', at - n, at);
      case 4:
        return Array.from({ length: n }, item);
      case 5: {
        const map = new Map();
        for (let i = 0; i < n; i++) {
          const key = item();
          map.set(key, item());
        }
        return map;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        throw new RangeError(`CBOR: unsupported simple value ${info}`);
      default:
        throw new RangeError(`CBOR: unsupported major type ${major}`);
    }
  };
  const value = item();
  return { value, length: at - offset };
}

/** Decodes exactly one CBOR item; trailing bytes are an error. */
export function decode(bytes) {
  const { value, length } = decodeFirst(bytes);
  if (length !== bytes.length) throw new RangeError(`CBOR: ${bytes.length - length} trailing bytes`);
  return value;
}
