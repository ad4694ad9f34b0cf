// An outage notice in the words of the kiosk's welcome screen (domain/sla_notice_format.cpp):
// "Announced outage from 4 Azar 1405 02:00 to 4 Azar 1405 04:00, all services. <text>", and in
// Persian with Persian digits. The console's preview shows staff what citizens will read.
import { unixToJalali, monthName } from './dates.js';

const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const persianDigits = (text) => String(text).replace(/[0-9]/g, (d) => FA_DIGITS[d]);
const pad = (n) => String(n).padStart(2, '0');

export function formatInstant(unix, lang) {
  const j = unixToJalali(unix);
  const clock = `${pad(j.hour)}:${pad(j.minute)}`;
  if (lang === 'fa') return `${persianDigits(j.day)} ${monthName(j.month, 'fa')} ${persianDigits(j.year)} ساعت ${persianDigits(clock)}`;
  return `${j.day} ${monthName(j.month, 'en')} ${j.year} ${clock}`;
}

export function servicesText(services, lang) {
  const fa = lang === 'fa';
  if (services === 'all') return fa ? 'همه خدمات' : 'all services';
  const numbers = [...new Set(services)].filter((n) => n >= 1).sort((a, b) => a - b);
  const list = numbers.join(fa ? '، ' : ', ');
  if (fa) return (numbers.length === 1 ? 'خدمت شماره ' : 'خدمات شماره ') + persianDigits(list);
  return (numbers.length === 1 ? 'service ' : 'services ') + list;
}

export function noticeSentence(notice, lang, nowUnix) {
  const fa = lang === 'fa';
  const body = fa || !notice.text_en ? notice.text_fa : notice.text_en;
  let text;
  if (nowUnix >= notice.starts_unix && nowUnix < notice.ends_unix) {
    text = fa ? 'قطعی در جریان تا ' : 'Outage in progress until ';
  } else {
    if (nowUnix < notice.starts_unix) text = fa ? 'قطعی اعلام‌شده از ' : 'Announced outage from ';
    else text = fa ? 'قطعی گذشته از ' : 'Past outage from ';
    text += formatInstant(notice.starts_unix, lang) + (fa ? ' تا ' : ' to ');
  }
  text += formatInstant(notice.ends_unix, lang);
  text += fa ? '، ' : ', ';
  text += servicesText(notice.services, lang);
  return `${text}. ${body || ''}`.trim();
}

// 72 hours: a notice published later than this before its start counts as unplanned.
export const NOTICE_LEAD_SECONDS = 72 * 3600;
export function isLate(startsUnix, publishedUnix) { return startsUnix - publishedUnix < NOTICE_LEAD_SECONDS; }
