// Service levels (GET /v1/staff/sla): a Jalali year, an office for the inspector, one service
// or every service (the lowest of each month); availability by month on the agreement's
// 720-hour month against a target line, the outages on the year's timeline, the same figures in
// a table, and the CSV. A month with unknown hours or a suspect clock is incomplete, never
// claimed as met; an outage whose notice came less than 72 hours ahead counts as unplanned.
import { h, clear, uid, add } from '../dom.js';
import { t, lang, num, hours, percent, label, digits } from '../i18n.js';
import { get, query } from '../api.js';
import { currentJalaliYear, formatYear, jalaliYearSpan, jalaliToUnix, monthName, formatDateTime } from '../dates.js';
import { availabilityChart, outageTimeline, axisFloor } from '../charts.js';
import { errorBox, loading, pageHeader, select, table, badge, message } from '../ui.js';
import { officeIds, loadCatalog, serviceTitle } from '../catalog_data.js';
import { may } from '../roles.js';
import { MONTH_HOURS, YEAR_HOURS, series, annotateOutages, lateNoticeHours, covers } from '../sla_data.js';

const TARGET_KEY = 'pishkhan.console.sla_target';

function savedTarget() {
  try {
    const v = Number(localStorage.getItem(TARGET_KEY));
    if (v > 0 && v <= 100) return v / 100;
  } catch { /* default */ }
  return 0.99;
}

export async function render(main, { me, query: q }) {
  const thisYear = currentJalaliYear();
  const year = Number(q.year) || thisYear;
  const office = may.chooseOffice(me) ? (q.office || '') : (me.office || '');
  const service = q.service ? Number(q.service) : null;
  add(main, pageHeader(t('sla.title')));

  const years = [];
  for (let y = thisYear; y >= thisYear - 5; y -= 1) years.push([y, formatYear(y, lang())]);
  const yearSelect = select(years, year, { id: uid('year'), name: 'year' });
  const controls = h('form', { class: 'filters', role: 'search', 'aria-label': t('sla.filters') },
    h('div', { class: 'field' }, h('label', { for: yearSelect.id }, t('sla.year')), yearSelect));
  let officeSelect = null;
  if (may.chooseOffice(me)) {
    officeSelect = select([['', t('sla.all_offices')]], office, { id: uid('office'), name: 'office' });
    add(controls, h('div', { class: 'field' }, h('label', { for: officeSelect.id }, t('common.office')), officeSelect));
    get('/v1/staff/offices').then((r) => {
      for (const id of officeIds(r)) add(officeSelect, h('option', { value: id, selected: id === office }, `${t('common.office')} ${id}`));
    }).catch(() => {});
  }
  const serviceSelect = select([['', t('sla.every_service')]], service ?? '', { id: uid('service'), name: 'service', class: 'wide' });
  add(controls, h('div', { class: 'field' }, h('label', { for: serviceSelect.id }, t('common.service')), serviceSelect));
  const targetInput = h('input', { id: uid('target'), type: 'number', min: '50', max: '100', step: '0.1', value: String(+(savedTarget() * 100).toFixed(2)), dir: 'ltr', class: 'short' });
  add(controls, h('div', { class: 'field' }, h('label', { for: targetInput.id }, t('sla.target')), targetInput,
    h('p', { class: 'hint' }, t('sla.target_hint'))));
  const apply = () => {
    const params = new URLSearchParams({ year: yearSelect.value });
    if (officeSelect && officeSelect.value) params.set('office', officeSelect.value);
    if (serviceSelect.value) params.set('service', serviceSelect.value);
    location.hash = `#/sla?${params}`;
  };
  for (const s of [yearSelect, officeSelect, serviceSelect]) if (s) s.addEventListener('change', apply);
  add(main, controls);

  const body = h('div', {}, loading());
  add(main, body);
  let data;
  let notices = [];
  let catalog = null;
  try {
    [data, notices, catalog] = await Promise.all([
      get(`/v1/staff/sla${query({ year, office })}`),
      get('/v1/staff/notices').then((r) => r.notices || []).catch(() => []),
      loadCatalog().catch(() => null),
    ]);
  } catch (e) {
    add(clear(body), errorBox(e));
    return;
  }
  for (const s of data.services || []) {
    add(serviceSelect, h('option', { value: String(s.service), selected: s.service === service }, `${digits(s.service)}. ${serviceTitle(catalog, s.service)}`));
  }
  const draw = () => {
    clear(body);
    add(body, ...content(data, notices, catalog, { year, office, service, target: savedTarget() }));
  };
  targetInput.addEventListener('change', () => {
    const v = Number(targetInput.value);
    if (v > 0 && v <= 100) {
      try { localStorage.setItem(TARGET_KEY, String(v)); } catch { /* this page only */ }
      draw();
    }
  });
  draw();
}

function content(data, notices, catalog, { year, office, service, target }) {
  const s = series(data, service);
  const y = s.year;
  const asOf = Number(data.as_of_unix) || Date.now() / 1000;
  const outages = annotateOutages(data, notices).filter((o) => covers(o.services, service));
  const late = lateNoticeHours(outages, year, service, asOf);
  const perMonth = Number(data.hours_per_month) || MONTH_HOURS;
  const out = [];

  const scope = `${office ? `${t('common.office')} ${office}` : t('sla.all_offices')} · ${service !== null ? `${digits(service)}. ${serviceTitle(catalog, service)}` : t('sla.every_service')} · ${t('sla.terminals_n', { n: num(data.terminals || 0) })}`;
  out.push(h('p', { class: 'scope' }, h('strong', {}, scope)));
  const lateYear = late.reduce((a, b) => a + b, 0);
  out.push(h('section', { class: 'summary', 'aria-label': t('sla.summary') },
    stat(t('sla.year_availability', { year: formatYear(year, lang()) }), percent(y && y.agreement_availability),
      y && !y.complete ? badge('warn', t('sla.incomplete')) : null),
    stat(t('sla.all_outages_availability'), percent(y && y.availability)),
    stat(t('sla.unplanned_hours'), `${hours(y && y.unplanned_hours)} ${t('unit.h')}`,
      lateYear ? h('span', { class: 'muted' }, t('sla.of_which_late', { h: hours(lateYear) })) : null),
    stat(t('sla.planned_hours_long'), `${hours(y && y.planned_hours)} ${t('unit.h')}`),
    stat(t('sla.unknown_hours'), `${hours(y && y.unknown_hours)} ${t('unit.h')}`),
    stat(t('sla.failure_reports'), num(s.failureReports))));

  const suspects = data.suspect_clock_terminal_ids || [];
  if (suspects.length) out.push(message('warn', t('sla.suspect_terminals', { list: suspects.join('، ') })));
  out.push(h('p', { class: 'hint' }, t('sla.incomplete_explained')));
  if (service === null) out.push(h('p', { class: 'hint' }, t('sla.every_service_explained')));

  const titleId = uid('chart');
  const descId = uid('chart-desc');
  const bars = s.months.map((m) => ({ month: m.month, availability: m.agreement_availability, all: m.availability, complete: m.complete }));
  const floor = axisFloor(bars, target);
  out.push(h('section', { class: 'card' },
    h('h2', { id: titleId }, t('sla.chart_title', { year: formatYear(year, lang()) })),
    h('p', { id: descId, class: 'hint' }, t('sla.chart_desc', { hours: num(perMonth) }), floor > 0 ? ` ${t('sla.axis_floor', { floor: percent(floor) })}` : ''),
    availabilityChart(bars, { target, titleId, descId }),
    legend([['bar-met', t('sla.legend_met')], ['bar-below', t('sla.legend_below')], ['bar-incomplete-key', t('sla.incomplete')],
      ['all-key', t('sla.legend_all')], ['target-key', t('sla.target')]])));

  const span = jalaliYearSpan(year);
  const monthStarts = [];
  for (let m = 1; m <= 12; m += 1) monthStarts.push(jalaliToUnix({ year, month: m, day: 1 }));
  const tlTitle = uid('timeline');
  out.push(h('section', { class: 'card' },
    h('h2', { id: tlTitle }, t('sla.timeline_title')),
    outageTimeline(outages, { start: span.start, end: span.end, monthStarts, titleId: tlTitle, nowUnix: asOf }),
    legend([['outage-planned', t('sla.planned')], ['outage-unplanned', t('sla.unplanned')], ['outage-late-key', t('sla.late_notice')], ['outage-suspect-key', t('sla.clock_suspect')]]),
    outageTable(outages, asOf)));

  out.push(h('section', { class: 'card' },
    h('h2', {}, t('sla.table_title')),
    monthTable(s, late, data),
    h('p', {}, h('a', { class: 'button secondary', href: `/v1/staff/sla.csv${query({ year, office })}`, download: `sla-${year}-${office || 'province'}.csv` }, t('sla.csv')),
      ' ', h('span', { class: 'hint' }, t('sla.csv_hint')))));

  const services = data.services || [];
  if (services.length) {
    out.push(h('section', { class: 'card' }, h('h2', {}, t('sla.services_title')),
      table(t('sla.services_title'), [t('common.service'), t('sla.availability'), t('sla.all_outages_availability'), t('sla.unplanned_hours'), t('sla.planned_hours'), t('sla.unknown_hours'), t('sla.failure_reports'), t('sla.complete')],
        services.map((sv) => {
          const f = series(data, sv.service).year;
          return [
            h('a', { href: `#/sla?${new URLSearchParams({ year, ...(office ? { office } : {}), service: sv.service })}` }, `${digits(sv.service)}. ${serviceTitle(catalog, sv.service)}`),
            percent(f && f.agreement_availability), percent(f && f.availability), hours(f && f.unplanned_hours), hours(f && f.planned_hours),
            hours(f && f.unknown_hours), num((f && f.failure_reports) || 0), completeCell(f)];
        }), { hideCaption: true })));
  }
  return out;
}

function stat(name, value, extra) {
  return h('div', { class: 'stat' }, h('div', { class: 'stat-name' }, name), h('div', { class: 'stat-value' }, value), extra || null);
}

function legend(items) {
  return h('ul', { class: 'legend' }, items.map(([cls, text]) => h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), text)));
}

function completeCell(f) {
  if (!f || (!f.ended && !(f.known_seconds > 0))) return '—';
  if (f.complete) return t('sla.complete_yes');
  return badge('warn', f.ended ? t('sla.incomplete') : t('sla.so_far'));
}

function monthTable(s, late, data) {
  const headers = [t('sla.month'), t('sla.known_hours'), t('sla.planned_hours'), t('sla.unplanned_hours'), t('sla.late_notice_hours'),
    t('sla.unknown_hours'), t('sla.availability'), t('sla.all_outages_availability'), t('sla.failure_reports'), t('sla.complete')];
  const rows = s.months.map((r, i) => [
    // With every service, the month's lowest service is named where it lost time.
    h('span', {}, monthName(r.month, lang()), typeof r.agreement_availability === 'number' && r.agreement_availability < 1 && (data.services || []).length > 1
      ? h('span', { class: 'muted' }, ` (${t('sla.service_n', { n: digits(r.service) })})`) : null),
    hours(r.known_hours), hours(r.planned_hours), hours(r.unplanned_hours), hours(late[i]), hours(r.unknown_hours),
    percent(r.agreement_availability), percent(r.availability), num(r.failure_reports ?? 0), completeCell(r)]);
  const y = s.year || {};
  const total = h('tr', { class: 'total' }, h('th', { scope: 'row' }, t('sla.year_total')),
    h('td', {}, hours(y.known_hours)), h('td', {}, hours(y.planned_hours)), h('td', {}, hours(y.unplanned_hours)),
    h('td', {}, hours(late.reduce((a, b) => a + b, 0))), h('td', {}, hours(y.unknown_hours)),
    h('td', {}, percent(y.agreement_availability)), h('td', {}, percent(y.availability)), h('td', {}, num(y.failure_reports ?? 0)),
    h('td', {}, completeCell(s.year)));
  const tbl = table(t('sla.table_caption', { month: num(Number(data.hours_per_month) || MONTH_HOURS), year: num(Number(data.hours_per_year) || YEAR_HOURS), n: num(data.terminals || 0) }), headers, rows, { className: 'numbers' });
  tbl.querySelector('tbody').append(total);
  return tbl;
}

function outageTable(outages, asOf) {
  const rows = outages.slice().sort((a, b) => a.start_unix - b.start_unix).map((o) => [
    h('bdi', {}, o.terminal_id), formatDateTime(o.start_unix, lang()),
    o.end_unix ? formatDateTime(o.end_unix, lang()) : t('sla.ongoing'),
    `${hours(((o.end_unix || asOf) - o.start_unix) / 3600)} ${t('unit.h')}`,
    label('cause', o.cause), o.services === 'all' ? t('notices.all_services') : digits(String(o.services).split(',').join(lang() === 'fa' ? '، ' : ', ')),
    o.planned ? t('sla.planned') : o.late_notice ? badge('warn', t('sla.late_notice')) : t('sla.unplanned'),
    o.suspect ? badge('warn', t('sla.clock_suspect')) : '']);
  return h('details', { class: 'outage-list' }, h('summary', {}, t('sla.outage_list', { n: num(outages.length) })),
    table(t('sla.outage_list_caption'), [t('common.terminal'), t('sla.start'), t('sla.end'), t('sla.duration'), t('sla.cause'), t('notices.services'), t('sla.kind'), t('sla.clock')], rows, { className: 'numbers' }));
}


