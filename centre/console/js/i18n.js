// The console's words in Persian (first) and English, the chosen language (remembered in
// localStorage) and number formatting: Persian digits for every number shown in Persian.
import { STRINGS } from './strings.js';

const STORAGE_KEY = 'pishkhan.console.lang';
let current = 'fa';
try {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'fa' || saved === 'en') current = saved;
} catch { /* storage may be refused: Persian */ }

const listeners = new Set();
export function lang() { return current; }
export function onLangChange(fn) { listeners.add(fn); }

export function applyLang() {
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'fa' ? 'rtl' : 'ltr';
}

export function setLang(next) {
  if (next !== 'fa' && next !== 'en') return;
  current = next;
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* not remembered */ }
  applyLang();
  for (const fn of listeners) fn(next);
}

// t('sla.title'), t('login.locked', {until: '...'})
export function t(key, params) {
  const table = STRINGS[current];
  let text = table[key] ?? STRINGS.en[key] ?? key;
  if (params) text = text.replace(/\{(\w+)\}/g, (_, k) => (params[k] === undefined ? `{${k}}` : String(params[k])));
  return text;
}
// A label from a group of stored names ('status', 'in_review'), or the name itself.
export function label(group, name) {
  const key = `${group}.${name}`;
  return STRINGS[current][key] ?? STRINGS.en[key] ?? String(name);
}

const numberFormats = new Map();
function nf(options = {}) {
  const key = current + JSON.stringify(options);
  if (!numberFormats.has(key)) numberFormats.set(key, new Intl.NumberFormat(current === 'fa' ? 'fa-IR' : 'en-US', options));
  return numberFormats.get(key);
}

export function num(n, options) {
  if (n === null || n === undefined || Number.isNaN(Number(n))) return '—';
  return nf(options).format(Number(n));
}
// Digits only, no grouping: ids, years, terminal numbers.
export function digits(text) {
  const s = String(text);
  return current === 'fa' ? s.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]) : s;
}
// Real hours with two decimals: a 10-hour outage reads 10.00, never rounded into something else.
export function hours(h) { return num(h, { minimumFractionDigits: 2, maximumFractionDigits: 2 }); }
// Availability (0..1) as a percentage with two decimals; '—' when unknown.
export function percent(a) {
  if (a === null || a === undefined) return '—';
  return nf({ style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(a);
}
export function bytes(n) {
  if (n < 1024) return `${num(n)} ${t('unit.bytes')}`;
  if (n < 1024 * 1024) return `${num(n / 1024, { maximumFractionDigits: 1 })} ${t('unit.kb')}`;
  return `${num(n / 1024 / 1024, { maximumFractionDigits: 1 })} ${t('unit.mb')}`;
}
export function rials(n) { return `${num(n)} ${t('unit.rials')}`; }

// "1234-5678-9012-34": groups of four read aloud like card numbers; a hyphen keeps one
// left-to-right run in right-to-left text (domain/tracking_code.h).
export function groupTrackingCode(code) {
  const d = String(code).replace(/\D/g, '');
  if (d.length !== 14) return String(code);
  return [d.slice(0, 4), d.slice(4, 8), d.slice(8, 12), d.slice(12)].join('-');
}
export function trackingCode(code) { return digits(groupTrackingCode(code)); }

// A TOTP secret in groups of four, as people copy it.
export function groupBase32(secret) {
  return String(secret).replace(/\s+/g, '').replace(/(.{4})/g, '$1 ').trim();
}

// The text of the other language beside the current one, when there is no own text.
export function pick(pair) {
  if (!pair) return '';
  if (typeof pair === 'string') return pair;
  return pair[current] || pair.fa || pair.en || '';
}
