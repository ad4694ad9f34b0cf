// The test harness's TOTP against RFC 6238's own test vectors (appendix B), HOTP against
// RFC 4226's (appendix D), and base32 against RFC 4648's (section 10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, hotp, totp, secondsLeft } from '../lib/totp.js';

// RFC 6238 appendix B: the seeds are ASCII "1234567890" repeated to the hash's length.
const seed = (n) => Buffer.from('1234567890'.repeat(7).slice(0, n), 'ascii');
const vectors = [
  // time, SHA-1, SHA-256, SHA-512 (8 digits)
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

test('TOTP: RFC 6238 appendix B, SHA-1, 8 digits', () => {
  for (const [time, sha1] of vectors) assert.equal(totp(seed(20), { time, digits: 8 }), sha1, `T=${time}`);
});

test('TOTP: RFC 6238 appendix B, SHA-256 and SHA-512 (the same code path)', () => {
  for (const [time, , sha256, sha512] of vectors) {
    assert.equal(totp(seed(32), { time, digits: 8, algorithm: 'sha256' }), sha256, `T=${time}`);
    assert.equal(totp(seed(64), { time, digits: 8, algorithm: 'sha512' }), sha512, `T=${time}`);
  }
});

test('TOTP: the console\'s parameters (SHA-1, 30 s, 6 digits) are the last six digits', () => {
  for (const [time, sha1] of vectors) assert.equal(totp(seed(20), { time }), sha1.slice(2), `T=${time}`);
});

test('TOTP: a base32 secret as the set-up page shows it (grouped, lower case) gives the same codes', () => {
  const secret = base32Encode(seed(20)); // GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ
  assert.equal(secret, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  const grouped = secret.toLowerCase().replace(/(.{4})/g, '$1 ').trim();
  assert.equal(totp(grouped, { time: 1111111109 }), '081804');
});

test('TOTP: codes change at 30 s boundaries, not inside a window', () => {
  const key = seed(20);
  assert.equal(totp(key, { time: 60 }), totp(key, { time: 89.999 }));
  assert.notEqual(totp(key, { time: 89 }), totp(key, { time: 90 }));
  assert.ok(secondsLeft({ time: 95 }) === 25);
});

test('HOTP: RFC 4226 appendix D', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  expected.forEach((code, counter) => assert.equal(hotp(seed(20), counter), code, `counter ${counter}`));
});

test('base32: RFC 4648 section 10 vectors, both ways', () => {
  const cases = [
    ['', ''], ['f', 'MY======'], ['fo', 'MZXQ===='], ['foo', 'MZXW6==='], ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI======'],
  ];
  for (const [plain, encoded] of cases) {
    assert.equal(base32Encode(Buffer.from(plain)), encoded);
    assert.equal(base32Decode(encoded).toString(), plain);
  }
});

test('base32: a character outside the alphabet is refused, not skipped', () => {
  assert.throws(() => base32Decode('MZXW1YTB'), /'1' is not a base32 character/);
  assert.throws(() => base32Decode('MZXW8YTB'), /'8'/);
});
