// Unit tests of centre/console/js/dates.js: node --test tests/console-unit/
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  jalaliToGregorian, gregorianToJalali, isLeapJalaliYear, jalaliMonthLength, jalaliToUnix,
  unixToJalali, gregorianToJdn, jdnToGregorian, toAsciiDigits, parseWholeNumber, jalaliYearSpan,
  formatDateTime, monthName,
} from '../../centre/console/js/dates.js';

// The same known pairs as tests/domain/jalali_test.cpp (official Iranian calendars).
const KNOWN = [
  [[2026, 11, 25], [1405, 9, 4]], [[2025, 3, 21], [1404, 1, 1]], [[2024, 3, 20], [1403, 1, 1]],
  [[2025, 3, 20], [1403, 12, 30]], [[1979, 2, 11], [1357, 11, 22]], [[2021, 3, 20], [1399, 12, 30]],
  [[2021, 3, 21], [1400, 1, 1]], [[2000, 1, 1], [1378, 10, 11]], [[1921, 3, 21], [1300, 1, 1]],
];

test('known pairs convert both ways', () => {
  for (const [g, j] of KNOWN) {
    assert.deepEqual(gregorianToJalali(...g), { year: j[0], month: j[1], day: j[2] }, `${g}`);
    assert.deepEqual(jalaliToGregorian(...j), { year: g[0], month: g[1], day: g[2] }, `${j}`);
  }
});

test('leap years and month lengths', () => {
  for (const y of [1375, 1379, 1383, 1387, 1391, 1395, 1399, 1403, 1408]) assert.ok(isLeapJalaliYear(y), y);
  for (const y of [1400, 1401, 1402, 1404, 1405, 1406, 1407]) assert.ok(!isLeapJalaliYear(y), y);
  assert.equal(jalaliMonthLength(1403, 12), 30);
  assert.equal(jalaliMonthLength(1404, 12), 29);
  assert.equal(jalaliMonthLength(1404, 1), 31);
  assert.equal(jalaliMonthLength(1404, 7), 30);
  assert.equal(jalaliToGregorian(1404, 12, 30), null);
  assert.equal(jalaliToGregorian(1404, 13, 1), null);
  assert.equal(jalaliToGregorian(1404, 0, 1), null);
  assert.equal(gregorianToJalali(2025, 2, 29), null);
});

test('every day from 1950 to 2100 round-trips and follows the Jalali month lengths', () => {
  const first = gregorianToJdn(1950, 1, 1);
  const last = gregorianToJdn(2100, 12, 31);
  const g0 = jdnToGregorian(first - 1);
  let previous = gregorianToJalali(g0.year, g0.month, g0.day);
  for (let jdn = first; jdn <= last; jdn += 1) {
    const g = jdnToGregorian(jdn);
    assert.equal(gregorianToJdn(g.year, g.month, g.day), jdn);
    const j = gregorianToJalali(g.year, g.month, g.day);
    assert.deepEqual(jalaliToGregorian(j.year, j.month, j.day), g);
    const expected = { ...previous };
    expected.day += 1;
    if (expected.day > jalaliMonthLength(expected.year, expected.month)) {
      expected.day = 1;
      expected.month += 1;
      if (expected.month > 12) { expected.month = 1; expected.year += 1; }
    }
    assert.deepEqual(j, expected);
    if (j.month === 1 && j.day === 1) {
      assert.equal(g.month, 3);
      assert.ok(g.day >= 19 && g.day <= 22);
    }
    previous = j;
  }
});

test('agrees with the Persian calendar of Intl (ICU) on every day of 1400..1410', () => {
  const fmt = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
    timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric',
  });
  for (let jdn = gregorianToJdn(2021, 3, 21); jdn < gregorianToJdn(2032, 3, 20); jdn += 1) {
    const g = jdnToGregorian(jdn);
    const parts = Object.fromEntries(fmt.formatToParts(new Date(Date.UTC(g.year, g.month - 1, g.day, 12)))
      .map((p) => [p.type, p.value]));
    const j = gregorianToJalali(g.year, g.month, g.day);
    assert.deepEqual([j.year, j.month, j.day], [Number(parts.year), Number(parts.month), Number(parts.day)], `${g.year}-${g.month}-${g.day}`);
  }
});

test('Iran time: UTC+03:30, no daylight saving', () => {
  // 2026-11-24 20:30:00 UTC is midnight starting 1405-09-04 in Iran (jalali_test.cpp).
  const midnight = 1795552200;
  assert.equal(jalaliToUnix({ year: 1405, month: 9, day: 4, hour: 0, minute: 0 }), midnight);
  assert.deepEqual(unixToJalali(midnight), { year: 1405, month: 9, day: 4, hour: 0, minute: 0 });
  assert.deepEqual(unixToJalali(midnight - 1), { year: 1405, month: 9, day: 3, hour: 23, minute: 59 });
  assert.deepEqual(unixToJalali(0), { year: 1348, month: 10, day: 11, hour: 3, minute: 30 });
  // A summer instant: 1405-04-01 14:45 Iran is 11:15 UTC (no +04:30 any more).
  assert.equal(jalaliToUnix({ year: 1405, month: 4, day: 1, hour: 14, minute: 45 }), Date.UTC(2026, 5, 22, 11, 15) / 1000);
  assert.equal(jalaliToUnix({ year: 1405, month: 4, day: 1, hour: 24, minute: 0 }), null);
  assert.equal(jalaliToUnix({ year: 1405, month: 4, day: 1, hour: 1, minute: 60 }), null);
  assert.equal(jalaliToUnix({ year: 1404, month: 12, day: 30 }), null);
  // Round trip of every hour of a year.
  const { start, end } = jalaliYearSpan(1405);
  assert.equal((end - start) / 86400, 365);
  for (let t = start; t < end; t += 3600) assert.equal(jalaliToUnix(unixToJalali(t)), t);
});

test('the formatters show Iran time in the Persian calendar', () => {
  const t = jalaliToUnix({ year: 1405, month: 9, day: 4, hour: 2, minute: 5 });
  const fa = formatDateTime(t, 'fa');
  assert.match(fa, /۱۴۰۵/);
  assert.match(fa, /آذر/);
  assert.match(fa, /۰۲:۰۵/);
  const en = formatDateTime(t, 'en');
  assert.match(en, /Azar 4, 1405/);
  assert.match(en, /02:05/);
  assert.equal(monthName(1, 'en'), 'Farvardin');
  assert.equal(monthName(12, 'fa'), 'اسفند');
});

test('digits typed in Persian or Arabic are read', () => {
  assert.equal(toAsciiDigits('۱۴۰۵/٠٩/04'), '1405/09/04');
  assert.equal(parseWholeNumber(' ۱۴۰۵ '), 1405);
  assert.equal(parseWholeNumber('12a'), null);
  assert.equal(parseWholeNumber(''), null);
});
