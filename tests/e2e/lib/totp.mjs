// RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30-second steps), as an authenticator app computes it from the base32 secret
// that Kratos shows in the settings flow (node `totp_secret_key`, message 1050006 with context.secret).
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes RFC 4648 base32 (padding and case ignored). */
export function base32Decode(text) {
  const clean = text.replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const index = BASE32.indexOf(ch);
    if (index < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The time step (RFC 6238 T) of a moment, 30-second period. */
export function timeStep(ms = Date.now()) {
  return Math.floor(ms / 1000 / 30);
}

/** The 6-digit code of `secret` (base32) for time step `step` (RFC 4226 dynamic truncation). */
export function totpCode(secret, step = timeStep()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}
