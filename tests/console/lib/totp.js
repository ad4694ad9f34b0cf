// TOTP (RFC 6238) over HOTP (RFC 4226) with node:crypto, and RFC 4648 base32: what a staff
// member's authenticator app computes from the secret the console's set-up page shows.
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

// RFC 4648 base32 to bytes. Case, spaces, dashes and '=' padding are ignored (secrets are
// often shown in groups of four); any other character is an error.
export function base32Decode(text) {
  const clean = String(text).toUpperCase().replace(/[\s\-=]/g, '');
  const out = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error(`base32: '${ch}' is not a base32 character`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

export function base32Encode(bytes) {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(value >>> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

// HOTP (RFC 4226): HMAC of the 8-byte big-endian counter, dynamic truncation, `digits` digits.
export function hotp(key, counter, { digits = 6, algorithm = 'sha1' } = {}) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

// TOTP (RFC 6238): HOTP of floor((unix seconds - t0) / step). `key` is bytes, or a base32
// string as the set-up page shows it.
export function totp(key, { time = Date.now() / 1000, step = 30, t0 = 0, digits = 6, algorithm = 'sha1' } = {}) {
  const bytes = typeof key === 'string' ? base32Decode(key) : key;
  return hotp(bytes, Math.floor((time - t0) / step), { digits, algorithm });
}

// Seconds left in the current 30 s window: a caller close to its end waits for the next code,
// so a code is never typed just as it expires.
export function secondsLeft({ time = Date.now() / 1000, step = 30 } = {}) {
  return step - (time % step);
}

// A code to type now: when the current window ends in less than `margin` seconds it waits for
// the next one, and it never gives the same secret's code twice in a row (a centre may refuse a
// code already used), waiting for the next window instead.
const lastCode = new Map();
export async function freshTotp(secret, { margin = 3 } = {}) {
  for (;;) {
    if (secondsLeft() < margin) {
      await new Promise((r) => setTimeout(r, secondsLeft() * 1000 + 100));
      continue;
    }
    const code = totp(secret);
    if (lastCode.get(secret) === code) {
      await new Promise((r) => setTimeout(r, secondsLeft() * 1000 + 100));
      continue;
    }
    lastCode.set(secret, code);
    return code;
  }
}
