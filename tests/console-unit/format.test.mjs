// The console's wording and figures that must match the terminal's: the kiosk's notice sentence
// (tests/sla/notice_format_test.cpp), tracking-code and secret grouping, the 72-hour rule, the
// year's figures from its 720-hour months.
import test from 'node:test';
import assert from 'node:assert/strict';
import { jalaliToUnix } from '../../centre/console/js/dates.js';
import { noticeSentence, servicesText, isLate, NOTICE_LEAD_SECONDS } from '../../centre/console/js/notice_format.js';
import { groupTrackingCode, groupBase32 } from '../../centre/console/js/i18n.js';
import { series, annotateOutages, lateNoticeHours, covers, verdict, MONTH_HOURS } from '../../centre/console/js/sla_data.js';
import { hours, percent, setLang } from '../../centre/console/js/i18n.js';
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

// The centre's figures (centre/sla_summary.h) for one terminal: real hours, availability over
// the agreement's 720 h month (domain/sla_agreement.h), and the state the centre decided. Until
// issue 19 this helper divided by the known hours, as the centre then did.
function figures(known, planned, unplanned, unknownSeconds = 0, extra = {}) {
  const per = extra.agreement_hours ?? MONTH_HOURS;
  const floor0 = (a) => Math.max(0, a);
  return {
    known_hours: known, unknown_hours: unknownSeconds / 3600, planned_hours: planned, unplanned_hours: unplanned,
    agreement_hours: per, known_seconds: known * 3600, unknown_seconds: unknownSeconds,
    planned_seconds: planned * 3600, unplanned_seconds: unplanned * 3600,
    availability: known ? floor0(1 - (planned + unplanned) / per) : null,
    agreement_availability: known ? floor0(1 - unplanned / per) : null,
    state: unknownSeconds > 0 || (extra.suspect_clock_terminals || 0) > 0 ? 'incomplete' : 'complete',
    outages: 0, failure_reports: 0, suspect_clock_terminals: 0, ...extra,
  };
}
const afterYear = at(1406, 2, 1);
function reply(services, extra = {}) {
  return { year: 1405, as_of_unix: afterYear, terminals: 1, hours_per_month: 720, hours_per_year: 8640, services, outages: [], suspect_clock_terminal_ids: [], unattributed_failure_reports: 0, ...extra };
}
function service(number, monthFigures, yearFigures) {
  return { service: number, year: yearFigures, months: monthFigures.map((f, i) => ({ ...f, month: i + 1 })) };
}

test('a month is complete only when over, fully known and on a sound clock', () => {
  const months = Array.from({ length: 12 }, () => figures(720, 0, 0));
  months[2] = figures(700, 0, 0, 20 * 3600);  // 20 hours unknown
  months[3] = figures(720, 0, 1, 0, { suspect_clock_terminals: 1 });
  const s = series(reply([service(1, months, figures(8620, 0, 1, 20 * 3600, { agreement_hours: 8640 }))]), 1);
  assert.equal(s.months[0].complete, true);
  assert.equal(s.months[2].complete, false);
  assert.equal(s.months[2].unknown_hours, 20);
  assert.equal(s.months[3].complete, false);
  assert.equal(s.year.complete, false);
  // The current month, so far: incomplete however clean.
  const running = series(reply([service(1, months, figures(8620, 0, 1, 0, { agreement_hours: 8640 }))], { as_of_unix: at(1405, 1, 15) }), 1);
  assert.equal(running.months[0].complete, false);
  assert.equal(running.months[0].ended, false);
});

test('every service: each month the lowest agreement availability, and all failure reports', () => {
  const a = Array.from({ length: 12 }, () => figures(720, 0, 0));
  const b = Array.from({ length: 12 }, () => figures(720, 0, 0));
  a[0] = figures(720, 0, 7.2);   // 99 %
  b[0] = figures(720, 0, 14.4);  // 98 %
  b[1] = figures(720, 10, 0);    // planned only: 100 % for the agreement
  const data = reply([service(1, a, { ...figures(8640, 0, 7.2, 0, { agreement_hours: 8640 }), failure_reports: 2 }), service(2, b, { ...figures(8640, 10, 14.4, 0, { agreement_hours: 8640 }), failure_reports: 1 })],
    { unattributed_failure_reports: 4 });
  const s = series(data, null);
  assert.equal(s.months[0].service, 2);
  assert.ok(Math.abs(s.months[0].agreement_availability - 0.98) < 1e-12);
  assert.equal(s.months[1].agreement_availability, 1);
  assert.equal(s.year.service, 2);
  assert.equal(s.failureReports, 7);
  assert.equal(series(data, 1).failureReports, 2);
});

test('outages: late notices make them unplanned, hours counted per month', () => {
  const start = at(1405, 3, 31, 22);  // two hours before the end of Khordad
  const outage = { terminal_id: 'k1', start_unix: start, end_unix: start + 5 * 3600, cause: 'centre_unreachable', services: '3,7', planned: false };
  const lateNotice = { starts_unix: start - 60, ends_unix: start + 6 * 3600, services: [7], late: true };
  const data = reply([], { outages: [outage], suspect_clock_terminal_ids: ['k1'] });
  const [o] = annotateOutages(data, [lateNotice]);
  assert.equal(o.late_notice, true);
  assert.equal(o.suspect, true);
  assert.equal(annotateOutages(data, [{ ...lateNotice, services: [9] }])[0].late_notice, false);
  assert.equal(annotateOutages(data, [{ ...lateNotice, late: false }])[0].late_notice, false);
  const byMonth = lateNoticeHours([o], 1405, 7, afterYear);
  assert.equal(byMonth[2], 2);
  assert.equal(byMonth[3], 3);
  assert.deepEqual(lateNoticeHours([o], 1405, 9, afterYear), new Array(12).fill(0));
  assert.ok(covers('all', 4) && covers('3,7', 7) && !covers('3,7', 4) && covers('3,7', null));
});

test("the chart's axis starts low enough for every month and the target", () => {
  assert.equal(axisFloor([{ availability: 0.995 }], 0.99), 0.95);
  assert.equal(axisFloor([{ availability: 0.8 }], 0.99), 0.75);
  assert.equal(axisFloor([{ availability: null }], 0.99), 0.95);
  assert.equal(axisFloor([{ availability: 0 }], 0.99), 0);
});

test('a 10-hour outage in Farvardin reads 10.00 h and 1 - 10/720, in both languages', () => {
  const months = Array.from({ length: 12 }, () => figures(720, 0, 0));
  months[0] = figures(744, 0, 10);  // Farvardin has 31 days: 744 real hours, 10 of them down
  const s = series(reply([service(1, months, figures(8760, 0, 10, 0, { agreement_hours: 8640 }))]), 1);
  const farvardin = s.months[0];
  assert.equal(farvardin.unplanned_hours, 10);
  assert.ok(Math.abs(farvardin.agreement_availability - (1 - 10 / 720)) < 1e-12);
  assert.ok(Math.abs(s.year.agreement_availability - (1 - 10 / 8640)) < 1e-12);
  globalThis.document ??= { documentElement: {} };  // setLang marks the page's language and direction
  setLang('en');
  assert.equal(hours(farvardin.unplanned_hours), '10.00');
  assert.equal(percent(farvardin.agreement_availability), '98.61%');
  setLang('fa');
  assert.equal(hours(farvardin.unplanned_hours), '۱۰٫۰۰');
});

test('a month the centre does not call complete is never met, though it can be below', () => {
  const months = Array.from({ length: 12 }, () => figures(720, 0, 0));
  months[4] = figures(718, 0, 0, 2 * 3600);          // 100 % of what is known, 2 h unknown
  months[5] = figures(700, 0, 14.4, 20 * 3600);      // 98 % already, 20 h unknown
  months[6] = { ...figures(720, 0, 0), state: 'incomplete', suspect_clock_terminals: 1 };
  const s = series(reply([service(1, months, figures(8620, 0, 14.4, 22 * 3600, { agreement_hours: 8640 }))]), 1);
  assert.equal(verdict(s.months[0], 0.99), 'met');
  assert.equal(s.months[4].complete, false);
  assert.equal(s.months[4].unknown_hours, 2);
  assert.equal(verdict(s.months[4], 0.99), 'undecided');
  assert.equal(verdict(s.months[5], 0.99), 'below');
  assert.equal(verdict(s.months[6], 0.99), 'undecided');
  assert.equal(verdict(s.year, 0.99), 'undecided');
  // The month running now is not judged either.
  const running = series(reply([service(1, months, figures(720, 0, 0))], { as_of_unix: at(1405, 1, 15) }), 1);
  assert.equal(verdict(running.months[0], 0.99), 'undecided');
});

test('availability is floored at 0 by the centre and drawn from 0', () => {
  const months = Array.from({ length: 12 }, () => figures(720, 0, 0));
  months[0] = figures(744, 0, 744);
  const s = series(reply([service(1, months, figures(8760, 0, 744, 0, { agreement_hours: 8640 }))]), 1);
  assert.equal(s.months[0].agreement_availability, 0);
  assert.equal(verdict(s.months[0], 0.99), 'below');
  assert.equal(axisFloor([{ availability: 0 }], 0.99), 0);
});
