// Jalali (Solar Hijri) dates for the console: exact conversion to and from the Gregorian
// calendar (the break-year arithmetic of jalaali-js, the same as domain/jalali.cpp), Iran time
// (a fixed UTC+03:30: Iran has had no daylight saving time since 2022), and display through
// Intl with the Persian calendar. Pure functions except the formatters, which need Intl.

export const IRAN_OFFSET_SECONDS = 3 * 3600 + 30 * 60;
export const TIME_ZONE = 'Asia/Tehran';

// Jalali years at which the 33-year leap pattern restarts (jalaali-js "breaks").
const BREAKS = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192,
  2262, 2324, 2394, 2456, 3178];
export const MIN_YEAR = -60;
export const MAX_YEAR = 3176;

// Integer division and remainder truncating towards zero, as in jalaali-js and the C++ port.
const div = (a, b) => Math.trunc(a / b);
const mod = (a, b) => a - Math.trunc(a / b) * b;

function jalCal(jy) {
  const gy = jy + 621;
  let leapJ = -14;
  let jp = BREAKS[0];
  let jump = 0;
  for (let i = 1; i < BREAKS.length; i += 1) {
    const jm = BREAKS[i];
    jump = jm - jp;
    if (jy < jm) break;
    leapJ += div(jump, 33) * 8 + div(mod(jump, 33), 4);
    jp = jm;
  }
  let n = jy - jp;
  leapJ += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
  const leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
  const march = 20 + leapJ - leapG;
  if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
  let leap = mod(mod(n + 1, 33) - 1, 4);
  if (leap === -1) leap = 4;
  return { leap, gy, march };
}

// Julian Day Number of a Gregorian date.
export function gregorianToJdn(gy, gm, gd) {
  let d = div((gy + div(gm - 8, 6) + 100100) * 1461, 4) + div(153 * mod(gm + 9, 12) + 2, 5) + gd - 34840408;
  d = d - div(div(gy + 100100 + div(gm - 8, 6), 100) * 3, 4) + 752;
  return d;
}

export function jdnToGregorian(jdn) {
  let j = 4 * jdn + 139361631;
  j = j + div(div(4 * jdn + 183187720, 146097) * 3, 4) * 4 - 3908;
  const i = div(mod(j, 1461), 4) * 5 + 308;
  const gd = div(mod(i, 153), 5) + 1;
  const gm = mod(div(i, 153), 12) + 1;
  const gy = div(j, 1461) - 100100 + div(8 - gm, 6);
  return { year: gy, month: gm, day: gd };
}

function jalaliToJdn(jy, jm, jd) {
  const r = jalCal(jy);
  return gregorianToJdn(r.gy, 3, r.march) + (jm - 1) * 31 - div(jm, 7) * (jm - 7) + jd - 1;
}

function jdnToJalali(jdn) {
  const gy = jdnToGregorian(jdn).year;
  let jy = gy - 621;
  const r = jalCal(jy);
  let k = jdn - gregorianToJdn(gy, 3, r.march);
  if (k >= 0) {
    if (k <= 185) return { year: jy, month: 1 + div(k, 31), day: mod(k, 31) + 1 };
    k -= 186;
  } else {
    jy -= 1;
    k += 179;
    if (r.leap === 1) k += 1;
  }
  return { year: jy, month: 7 + div(k, 30), day: mod(k, 30) + 1 };
}

export function isLeapJalaliYear(jy) {
  if (!Number.isInteger(jy) || jy < MIN_YEAR || jy > MAX_YEAR) return false;
  return jalCal(jy).leap === 0;
}

export function jalaliMonthLength(jy, jm) {
  if (!Number.isInteger(jm) || jm < 1 || jm > 12) return 0;
  if (jm <= 6) return 31;
  if (jm <= 11) return 30;
  return isLeapJalaliYear(jy) ? 30 : 29;
}

export function isValidJalali(jy, jm, jd) {
  return Number.isInteger(jy) && Number.isInteger(jd) && jy >= MIN_YEAR && jy <= MAX_YEAR &&
    jd >= 1 && jd <= jalaliMonthLength(jy, jm);
}

function isValidGregorian(gy, gm, gd) {
  if (![gy, gm, gd].every(Number.isInteger) || gm < 1 || gm > 12 || gd < 1) return false;
  const leap = (gy % 4 === 0 && gy % 100 !== 0) || gy % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return gd <= days[gm - 1];
}

// null when the date does not exist or is outside the supported years.
export function jalaliToGregorian(jy, jm, jd) {
  if (!isValidJalali(jy, jm, jd)) return null;
  return jdnToGregorian(jalaliToJdn(jy, jm, jd));
}

export function gregorianToJalali(gy, gm, gd) {
  if (!isValidGregorian(gy, gm, gd)) return null;
  const jdn = gregorianToJdn(gy, gm, gd);
  if (jdn < jalaliToJdn(MIN_YEAR, 1, 1) || jdn > jalaliToJdn(MAX_YEAR, 12, jalaliMonthLength(MAX_YEAR, 12))) return null;
  return jdnToJalali(jdn);
}

// A Jalali date and wall-clock time in Iran to Unix seconds; null when the date or the time
// does not exist.
export function jalaliToUnix({ year, month, day, hour = 0, minute = 0 }) {
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  const g = jalaliToGregorian(year, month, day);
  if (!g) return null;
  return Date.UTC(g.year, g.month - 1, g.day, hour, minute) / 1000 - IRAN_OFFSET_SECONDS;
}

// The Iran-time Jalali date and time of a Unix instant.
export function unixToJalali(unixSeconds) {
  const local = Math.floor(unixSeconds) + IRAN_OFFSET_SECONDS;
  const days = Math.floor(local / 86400);
  const secondOfDay = local - days * 86400;
  const j = jdnToJalali(days + 2440588);  // JDN of 1970-01-01 is 2440588
  return { ...j, hour: Math.floor(secondOfDay / 3600), minute: Math.floor((secondOfDay % 3600) / 60) };
}

// The first instant of a Jalali year and of the next one: the SLA period.
export function jalaliYearSpan(year) {
  return { start: jalaliToUnix({ year, month: 1, day: 1 }), end: jalaliToUnix({ year: year + 1, month: 1, day: 1 }) };
}

export function currentJalaliYear(nowUnix = Date.now() / 1000) {
  return unixToJalali(nowUnix).year;
}

// Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII, so people may type either.
export function toAsciiDigits(text) {
  return String(text).replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06F0))
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660));
}

// A whole number typed by a person (any digits, surrounding space); null when it is not one.
export function parseWholeNumber(text) {
  const t = toAsciiDigits(text).trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

const LOCALES = { fa: 'fa-IR-u-ca-persian', en: 'en-US-u-ca-persian' };
const cache = new Map();
function formatter(lang, options) {
  const key = lang + JSON.stringify(options);
  if (!cache.has(key)) {
    cache.set(key, new Intl.DateTimeFormat(LOCALES[lang] || LOCALES.fa, { timeZone: TIME_ZONE, ...options }));
  }
  return cache.get(key);
}

const DATE = { year: 'numeric', month: 'long', day: 'numeric' };
const DATE_TIME = { ...DATE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const SHORT = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

export function formatDate(unix, lang) { return formatter(lang, DATE).format(new Date(unix * 1000)); }
export function formatDateTime(unix, lang) { return formatter(lang, DATE_TIME).format(new Date(unix * 1000)); }
export function formatShort(unix, lang) { return formatter(lang, SHORT).format(new Date(unix * 1000)); }
export function formatYear(year, lang) {
  return lang === 'fa' ? new Intl.NumberFormat('fa-IR', { useGrouping: false }).format(year) : String(year);
}
// Month names of the Persian calendar in the language (Farvardin .. Esfand).
export function monthName(month, lang) {
  // The 15th of each month of 1403, at noon Iran time, names the month unambiguously.
  const unix = jalaliToUnix({ year: 1403, month, day: 15, hour: 12 });
  return formatter(lang, { month: 'long' }).format(new Date(unix * 1000));
}
