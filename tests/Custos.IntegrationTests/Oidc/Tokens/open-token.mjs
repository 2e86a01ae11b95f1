// Opens a token stored by Custos's OidcTokenCipher with node:crypto alone, as an independent check of the byte layout
// Kratos uses: aes = nonce(12) | AES-256-GCM ciphertext | tag(16); xchacha20-poly1305 = nonce(24) | ciphertext | tag(16),
// where XChaCha20 = ChaCha20 under HChaCha20(key, nonce[0..16]) with nonce 0x00000000 | nonce[16..24].
// stdin: {"alg": "aes" | "xchacha20-poly1305", "key": "<32-character secret>", "hex": "<stored token>"}; stdout: the plaintext.
import { createDecipheriv } from 'node:crypto';

const input = JSON.parse(await new Promise((resolve) => {
  let data = '';
  process.stdin.on('data', (chunk) => { data += chunk; }).on('end', () => resolve(data));
}));
const key = Buffer.from(input.key, 'utf8');
const sealed = Buffer.from(input.hex, 'hex');
const tag = sealed.subarray(sealed.length - 16);

const rotl = (v, c) => ((v << c) | (v >>> (32 - c))) >>> 0;

function hchacha20(k, nonce16) {
  const s = new Uint32Array(16);
  s.set([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);
  for (let i = 0; i < 8; i++) s[4 + i] = k.readUInt32LE(4 * i);
  for (let i = 0; i < 4; i++) s[12 + i] = nonce16.readUInt32LE(4 * i);
  const quarter = (a, b, c, d) => {
    s[a] += s[b]; s[d] = rotl(s[d] ^ s[a], 16); s[c] += s[d]; s[b] = rotl(s[b] ^ s[c], 12);
    s[a] += s[b]; s[d] = rotl(s[d] ^ s[a], 8); s[c] += s[d]; s[b] = rotl(s[b] ^ s[c], 7);
  };
  for (let i = 0; i < 10; i++) {
    quarter(0, 4, 8, 12); quarter(1, 5, 9, 13); quarter(2, 6, 10, 14); quarter(3, 7, 11, 15);
    quarter(0, 5, 10, 15); quarter(1, 6, 11, 12); quarter(2, 7, 8, 13); quarter(3, 4, 9, 14);
  }
  const out = Buffer.alloc(32);
  [0, 1, 2, 3, 12, 13, 14, 15].forEach((word, i) => out.writeUInt32LE(s[word], 4 * i));
  return out;
}

let decipher;
let body;
if (input.alg === 'aes') {
  decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  body = sealed.subarray(12, sealed.length - 16);
} else {
  const nonce = Buffer.concat([Buffer.alloc(4), sealed.subarray(16, 24)]);
  decipher = createDecipheriv('chacha20-poly1305', hchacha20(key, sealed.subarray(0, 16)), nonce, { authTagLength: 16 });
  body = sealed.subarray(24, sealed.length - 16);
}
decipher.setAuthTag(tag);
process.stdout.write(Buffer.concat([decipher.update(body), decipher.final()]));
