// RFC 6238 TOTP as an authenticator app computes it (HMAC-SHA1, 6 digits, 30-second steps), from the base32 secret a
// person would type in instead of scanning the QR code.
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const PERIOD_SECONDS = 30;

/** RFC 4648 base32 without padding (case and spaces ignored). */
export function base32Decode(text) {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error(`not base32: ${JSON.stringify(text)}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The 30-second step that contains `ms` (milliseconds since the epoch). */
export const stepAt = (ms = Date.now()) => Math.floor(ms / 1000 / PERIOD_SECONDS);

/** The 6-digit code of `step` for the base32 `secret` (RFC 4226 dynamic truncation). */
export function totp(secret, step = stepAt()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** The code of the step that contains `atMs`. */
export const totpCode = (secret, atMs = Date.now()) => totp(secret, stepAt(atMs));
