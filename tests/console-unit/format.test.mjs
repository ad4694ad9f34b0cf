// The console's wording and figures that must match the terminal's: the kiosk's notice sentence
// (tests/sla/notice_format_test.cpp), tracking-code and secret grouping, the 72-hour rule, the
// year's figures from its 720-hour months.
import test from 'node:test';
import assert from 'node:assert/strict';
import { jalaliToUnix } from '../../centre/console/js/dates.js';
import { noticeSentence, servicesText, isLate, NOTICE_LEAD_SECONDS } from '../../centre/console/js/notice_format.js';
import { groupTrackingCode, groupBase32 } from '../../centre/console/js/i18n.js';
import { yearFromMonths } from '../../centre/console/js/pages/sla.js';
import { axisFloor } from '../../centre/console/js/charts.js';

const at = (year, month, day, hour = 0, minute = 0) => jalaliToUnix({ year, month, day, hour, minute });

test('the notice reads as on the kiosk, in Persian with Persian digits', () => {
  const n = { starts_unix: at(1404, 9, 4, 2), ends_unix: at(1404, 9, 4, 4), services: [7, 3], text_fa: 'به‌روزرسانی سامانه', text_en: '' };
  assert.equal(noticeSentence(n, 'fa', at(1404, 9, 2)),
    'قطعی اعلام\u200cشده از ۴ آذر ۱۴۰۴ ساعت ۰۲:۰۰ تا ۴ آذر ۱۴۰۴ ساعت ۰۴:۰۰، خدمات شماره ۳، ۷. به\u200cروزرسانی سامانه');
});

test('English wording, in progress, and the Persian text when there is no English one', () => {
  const n = { starts_unix: at(1404, 9, 4, 2), ends_unix: at(1404, 9, 4, 4, 30), services: 'all', text_fa: 'قطعی برای نگهداری', text_en: 'Maintenance' };
  assert.equal(noticeSentence(n, 'en', at(1404, 9, 2)), 'Announced outage from 4 Azar 1404 02:00 to 4 Azar 1404 04:30, all services. Maintenance');
  assert.equal(noticeSentence(n, 'en', at(1404, 9, 4, 3)), 'Outage in progress until 4 Azar 1404 04:30, all services. Maintenance');
  assert.equal(noticeSentence(n, 'fa', at(1404, 9, 4, 3)), 'قطعی در جریان تا ۴ آذر ۱۴۰۴ ساعت ۰۴:۳۰، همه خدمات. قطعی برای نگهداری');
  assert.match(noticeSentence({ ...n, text_en: '' }, 'en', at(1404, 9, 2)), /^Announced outage.*قطعی برای نگهداری$/);
  assert.equal(servicesText([5], 'en'), 'service 5');
  assert.equal(servicesText([5], 'fa'), 'خدمت شماره ۵');
});

test('a start less than 72 hours after publishing is late', () => {
  const start = at(1405, 9, 20, 10);
  assert.equal(isLate(start, start - NOTICE_LEAD_SECONDS), false);
  assert.equal(isLate(start, start - NOTICE_LEAD_SECONDS + 1), true);
});

test('tracking codes and TOTP secrets are grouped by four', () => {
  assert.equal(groupTrackingCode('12345678901234'), '1234-5678-9012-34');
  assert.equal(groupTrackingCode('1234'), '1234');
  assert.equal(groupBase32('JBSWY3DPEHPK3PXP'), 'JBSW Y3DP EHPK 3PXP');
  assert.equal(groupBase32('JBSWY3DPE'), 'JBSW Y3DP E');
});

test("the year's figures count 8,640 hours and are incomplete with any incomplete month", () => {
  const month = (m, outage, complete = true) => ({ month: m, hours: 720, outage_hours: outage, planned_hours: 0, unplanned_hours: outage, late_notice_hours: 0, unknown_hours: complete ? 0 : 5, complete });
  const full = Array.from({ length: 12 }, (_, i) => month(i + 1, i === 0 ? 86.4 : 0));
  const y = yearFromMonths(full);
  assert.equal(y.hours, 8640);
  assert.ok(Math.abs(y.availability - 0.99) < 1e-12);
  assert.equal(y.complete, true);
  assert.equal(yearFromMonths(full.map((m, i) => (i === 3 ? month(4, 0, false) : m))).complete, false);
  assert.equal(yearFromMonths(full.slice(0, 11)).complete, false);
  assert.equal(yearFromMonths([]).availability, null);
});

test("the chart's axis starts low enough for every month and the target", () => {
  assert.equal(axisFloor([{ availability: 0.995 }], 0.99), 0.95);
  assert.equal(axisFloor([{ availability: 0.8 }], 0.99), 0.75);
  assert.equal(axisFloor([{ availability: null }], 0.99), 0.95);
  assert.equal(axisFloor([{ availability: 0 }], 0.99), 0);
});
