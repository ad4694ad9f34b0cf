// The service-level reply (GET /v1/staff/sla) made ready to show: a series of twelve months
// and a year for one service, or for every service at once (the lowest of each month), plus the
// outages with what the notices say about them. Pure functions: the page and the tests use them.
import { jalaliToUnix } from './dates.js';

export const MONTH_HOURS = 720;
export const YEAR_HOURS = 8640;

// One period's figures (the centre's F) with what the page needs beside them. The centre does
// the arithmetic (domain/sla_agreement.h, the terminal's too): hours are real hours, availability
// is over the agreement's 720 h month or 8,640 h year, and `state` is "complete" only for a
// period that is over with every hour known on a sound clock. The console only reads them: a
// period the centre does not call complete is never shown as met.
export function period(f, { ended }) {
  if (!f) return null;
  const unknownHours = f.unknown_hours !== undefined ? Number(f.unknown_hours) || 0 : (Number(f.unknown_seconds) || 0) / 3600;
  return {
    ...f,
    unknown_hours: unknownHours,
    outage_hours: (Number(f.planned_hours) || 0) + (Number(f.unplanned_hours) || 0),
    ended,
    complete: Boolean(ended && f.state === 'complete' && unknownHours === 0),
  };
}

// Met, below, or not to be judged: a bar is "met" only for a complete period.
export function verdict(row, target) {
  const a = row && row.availability;
  if (a === null || a === undefined) return 'undecided';
  if (a < target) return 'below';
  return row.complete ? 'met' : 'undecided';
}

function monthEnd(year, month) {
  return month === 12 ? jalaliToUnix({ year: year + 1, month: 1, day: 1 }) : jalaliToUnix({ year, month: month + 1, day: 1 });
}

const rankValue = (f) => (f && f.agreement_availability !== null && f.agreement_availability !== undefined ? f.agreement_availability : Infinity);

// service: a number, or null for "every service, the lowest each month".
export function series(data, service) {
  const year = Number(data.year);
  const asOf = Number(data.as_of_unix) || Date.now() / 1000;
  const yearEnded = monthEnd(year, 12) <= asOf;
  const services = data.services || [];
  const months = [];
  for (let m = 1; m <= 12; m += 1) {
    const ended = monthEnd(year, m) <= asOf;
    let chosen = null;
    let from = null;
    for (const s of services) {
      if (service !== null && s.service !== service) continue;
      const f = (s.months || []).find((x) => x.month === m) || (s.months || [])[m - 1];
      if (!f) continue;
      if (!chosen || rankValue(f) < rankValue(chosen)) { chosen = f; from = s.service; }
    }
    months.push(chosen ? { month: m, service: from, ...period(chosen, { ended }) } : { month: m, service: null, availability: null, agreement_availability: null, complete: false, ended });
  }
  let yearFigures = null;
  let yearService = null;
  for (const s of services) {
    if (service !== null && s.service !== service) continue;
    if (!yearFigures || rankValue(s.year) < rankValue(yearFigures)) { yearFigures = s.year; yearService = s.service; }
  }
  const failureReports = services.filter((s) => service === null || s.service === service)
    .reduce((a, s) => a + ((s.year && s.year.failure_reports) || 0), 0) + (service === null ? Number(data.unattributed_failure_reports) || 0 : 0);
  return {
    months,
    year: yearFigures ? { service: yearService, ...period(yearFigures, { ended: yearEnded }) } : null,
    failureReports,
  };
}

// "all" or "1,3,7" (the ledger's text) covers a service?
export function covers(servicesText, service) {
  if (service === null || servicesText === 'all' || servicesText === undefined) return true;
  return String(servicesText).split(',').map(Number).includes(service);
}

// Each outage with `late_notice` (a notice covered its start but was published less than 72 h
// ahead: the outage counts as unplanned) and `suspect` (its terminal's clock is suspect).
export function annotateOutages(data, notices) {
  const suspect = new Set(data.suspect_clock_terminal_ids || []);
  return (data.outages || []).map((o) => {
    const covering = (notices || []).filter((n) => n.starts_unix <= o.start_unix && n.ends_unix > o.start_unix &&
      (n.services === 'all' || o.services === 'all' || String(o.services).split(',').map(Number).some((s) => (n.services || []).includes(s))));
    return { ...o, late_notice: !o.planned && covering.some((n) => n.late), suspect: suspect.has(o.terminal_id) };
  });
}

// Outage hours with a late notice, per month (real hours, summed over terminals), for a service.
export function lateNoticeHours(outages, year, service, asOf) {
  const hours = new Array(12).fill(0);
  for (const o of outages) {
    if (!o.late_notice || !covers(o.services, service)) continue;
    const end = o.end_unix || asOf;
    for (let m = 1; m <= 12; m += 1) {
      const a = Math.max(o.start_unix, jalaliToUnix({ year, month: m, day: 1 }));
      const b = Math.min(end, monthEnd(year, m));
      if (b > a) hours[m - 1] += (b - a) / 3600;
    }
  }
  return hours;
}
