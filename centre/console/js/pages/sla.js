// Service levels (GET /v1/staff/sla): a Jalali year, an office for the inspector; availability
// by month against the 720-hour month, the outages on the year's timeline, the same figures in
// a table, and the CSV. Months with unknown hours are incomplete, never claimed as met; hours
// announced less than 72 hours ahead count as unplanned.
import { h, clear, uid, add } from '../dom.js';
import { t, lang, num, hours, percent, label, digits } from '../i18n.js';
import { get, query } from '../api.js';
import { currentJalaliYear, formatYear, jalaliYearSpan, jalaliToUnix, monthName, formatDateTime } from '../dates.js';
import { availabilityChart, outageTimeline, axisFloor } from '../charts.js';
import { errorBox, loading, pageHeader, select, table, badge, message } from '../ui.js';
import { officeIds } from '../catalog_data.js';
import { may } from '../roles.js';

const MONTH_HOURS = 720;
const YEAR_HOURS = 8640;
const TARGET_KEY = 'pishkhan.console.sla_target';

function savedTarget() {
  try {
    const v = Number(localStorage.getItem(TARGET_KEY));
    if (v > 0 && v <= 100) return v / 100;
  } catch { /* default */ }
  return 0.99;
}

// The year's figures from its months when the reply gives none (the province-wide months).
export function yearFromMonths(months) {
  const sum = (k) => months.reduce((a, m) => a + (Number(m[k]) || 0), 0);
  const outage = sum('outage_hours');
  return {
    hours: YEAR_HOURS, outage_hours: outage, planned_hours: sum('planned_hours'), unplanned_hours: sum('unplanned_hours'),
    late_notice_hours: sum('late_notice_hours'), unknown_hours: sum('unknown_hours'),
    availability: months.length ? Math.max(0, 1 - outage / YEAR_HOURS) : null,
    complete: months.length === 12 && months.every((m) => m.complete),
  };
}

export async function render(main, { me, query: q }) {
  const thisYear = currentJalaliYear();
  const year = Number(q.year) || thisYear;
  const office = may.chooseOffice(me) ? (q.office || '') : (me.office || '');
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
  const targetInput = h('input', { id: uid('target'), type: 'number', min: '50', max: '100', step: '0.1', value: String(+(savedTarget() * 100).toFixed(2)), dir: 'ltr', class: 'short' });
  add(controls, h('div', { class: 'field' }, h('label', { for: targetInput.id }, t('sla.target')), targetInput,
    h('p', { class: 'hint' }, t('sla.target_hint'))));
  const apply = () => {
    const params = new URLSearchParams({ year: yearSelect.value });
    if (officeSelect && officeSelect.value) params.set('office', officeSelect.value);
    location.hash = `#/sla?${params}`;
  };
  yearSelect.addEventListener('change', apply);
  if (officeSelect) officeSelect.addEventListener('change', apply);
  add(main, controls);

  const body = h('div', {}, loading());
  add(main, body);
  const params = { year, office };
  let data;
  try {
    data = await get(`/v1/staff/sla${query(params)}`);
  } catch (e) {
    add(clear(body), errorBox(e));
    return;
  }
  const draw = () => {
    clear(body);
    add(body, ...content(data, { year, office, target: savedTarget() }));
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

function content(data, { year, office, target }) {
  const officeBlock = office ? (data.offices || []).find((o) => o.office === office) : null;
  const months = (officeBlock ? officeBlock.months : data.months) || [];
  const yearFigures = (officeBlock && officeBlock.year) || yearFromMonths(months);
  const out = [];

  const scope = office ? `${t('common.office')} ${office}` : t('sla.all_offices');
  out.push(h('p', { class: 'scope' }, h('strong', {}, scope)));
  out.push(h('section', { class: 'summary', 'aria-label': t('sla.summary') },
    stat(t('sla.year_availability', { year: formatYear(year, lang()) }), percent(yearFigures.availability),
      yearFigures.complete ? null : badge('warn', t('sla.incomplete'))),
    stat(t('sla.outage_hours'), `${hours(yearFigures.outage_hours)} ${t('unit.h')}`, h('span', { class: 'muted' }, t('sla.of_hours', { n: num(YEAR_HOURS) }))),
    stat(t('sla.unplanned_hours'), `${hours(yearFigures.unplanned_hours)} ${t('unit.h')}`,
      yearFigures.late_notice_hours ? h('span', { class: 'muted' }, t('sla.of_which_late', { h: hours(yearFigures.late_notice_hours) })) : null),
    stat(t('sla.unknown_hours'), `${hours(yearFigures.unknown_hours)} ${t('unit.h')}`),
    stat(t('sla.failure_reports'), num(data.failure_reports || 0))));

  const suspects = (data.terminals || []).filter((x) => x.clock_suspect);
  if (suspects.length) {
    out.push(message('warn', t('sla.suspect_terminals', { list: suspects.map((x) => x.terminal_id).join('، ') })));
  }
  if (months.some((m) => !m.complete)) out.push(h('p', { class: 'hint' }, t('sla.incomplete_explained')));

  const titleId = uid('chart');
  const descId = uid('chart-desc');
  out.push(h('section', { class: 'card' },
    h('h2', { id: titleId }, t('sla.chart_title', { year: formatYear(year, lang()) })),
    h('p', { id: descId, class: 'hint' }, t('sla.chart_desc', { hours: num(MONTH_HOURS) }),
      axisFloor(months, target) > 0 ? ` ${t('sla.axis_floor', { floor: percent(axisFloor(months, target)) })}` : ''),
    availabilityChart(months, { target, titleId, descId }),
    legend([['bar-met', t('sla.legend_met')], ['bar-below', t('sla.legend_below')], ['bar-incomplete-key', t('sla.incomplete')], ['target-key', t('sla.target')]])));

  const span = jalaliYearSpan(year);
  const monthStarts = [];
  for (let m = 1; m <= 12; m += 1) monthStarts.push(jalaliToUnix({ year, month: m, day: 1 }));
  const outages = (data.outages || []).filter((o) => !office || o.office === office);
  const tlTitle = uid('timeline');
  out.push(h('section', { class: 'card' },
    h('h2', { id: tlTitle }, t('sla.timeline_title')),
    outageTimeline(outages, { start: span.start, end: span.end, monthStarts, titleId: tlTitle, nowUnix: Date.now() / 1000 }),
    legend([['outage-planned', t('sla.planned')], ['outage-unplanned', t('sla.unplanned_incl_late')], ['outage-suspect-key', t('sla.clock_suspect')]]),
    outageTable(outages)));

  out.push(h('section', { class: 'card' },
    h('h2', {}, t('sla.table_title')),
    monthTable(months, yearFigures),
    h('p', {}, h('a', { class: 'button secondary', href: `/v1/staff/sla.csv${query({ year, office })}`, download: `sla-${year}${office ? `-${office}` : ''}.csv` }, t('sla.csv')),
      ' ', h('span', { class: 'hint' }, t('sla.csv_hint')))));

  if (officeBlock && officeBlock.services && officeBlock.services.length) {
    out.push(h('section', { class: 'card' }, h('h2', {}, t('sla.services_title')),
      table(t('sla.services_title'), [t('common.service'), t('sla.availability'), t('sla.outage_hours'), t('sla.unplanned_hours'), t('sla.unknown_hours'), t('sla.complete')],
        officeBlock.services.map((sv) => [
          h('span', {}, `${digits(sv.service)}. `, lang() === 'fa' ? sv.name_fa : h('span', { lang: 'en' }, sv.name_en || sv.name_fa)),
          percent(sv.year && sv.year.availability), hours(sv.year && sv.year.outage_hours), hours(sv.year && sv.year.unplanned_hours),
          hours(sv.year && sv.year.unknown_hours), completeCell(sv.year && sv.year.complete)]), { hideCaption: true })));
  } else if (!office && (data.offices || []).length) {
    out.push(h('section', { class: 'card' }, h('h2', {}, t('sla.offices_title')),
      table(t('sla.offices_title'), [t('common.office'), t('sla.availability'), t('sla.outage_hours'), t('sla.unplanned_hours'), t('sla.unknown_hours'), t('sla.complete')],
        data.offices.map((o) => [
          h('a', { href: `#/sla?year=${year}&office=${encodeURIComponent(o.office)}` }, `${t('common.office')} ${o.office}`),
          percent(o.year && o.year.availability), hours(o.year && o.year.outage_hours), hours(o.year && o.year.unplanned_hours),
          hours(o.year && o.year.unknown_hours), completeCell(o.year && o.year.complete)]), { hideCaption: true })));
  }
  return out;
}

function stat(name, value, extra) {
  return h('div', { class: 'stat' }, h('div', { class: 'stat-name' }, name), h('div', { class: 'stat-value' }, value), extra || null);
}

function legend(items) {
  return h('ul', { class: 'legend' }, items.map(([cls, text]) => h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), text)));
}

function completeCell(complete) {
  return complete ? t('sla.complete_yes') : badge('warn', t('sla.incomplete'));
}

function monthTable(months, yearFigures) {
  const headers = [t('sla.month'), t('sla.hours'), t('sla.outage_hours'), t('sla.planned_hours'), t('sla.unplanned_hours'),
    t('sla.late_notice_hours'), t('sla.unknown_hours'), t('sla.availability'), t('sla.complete')];
  const rows = [];
  for (let m = 1; m <= 12; m += 1) {
    const r = months.find((x) => x.month === m);
    if (!r) { rows.push([monthName(m, lang()), num(MONTH_HOURS), '—', '—', '—', '—', '—', '—', '—']); continue; }
    rows.push([monthName(m, lang()), num(r.hours || MONTH_HOURS), hours(r.outage_hours), hours(r.planned_hours), hours(r.unplanned_hours),
      hours(r.late_notice_hours), hours(r.unknown_hours), percent(r.availability), completeCell(r.complete)]);
  }
  const total = h('tr', { class: 'total' }, h('th', { scope: 'row' }, t('sla.year_total')), h('td', {}, num(YEAR_HOURS)),
    h('td', {}, hours(yearFigures.outage_hours)), h('td', {}, hours(yearFigures.planned_hours)), h('td', {}, hours(yearFigures.unplanned_hours)),
    h('td', {}, hours(yearFigures.late_notice_hours)), h('td', {}, hours(yearFigures.unknown_hours)), h('td', {}, percent(yearFigures.availability)),
    h('td', {}, completeCell(yearFigures.complete)));
  const tbl = table(t('sla.table_caption'), headers, rows, { className: 'numbers' });
  tbl.querySelector('tbody').append(total);
  return tbl;
}

function outageTable(outages) {
  const rows = outages.slice().sort((a, b) => a.start_unix - b.start_unix).map((o) => [
    h('bdi', {}, o.terminal_id), `${t('common.office')} ${o.office}`, formatDateTime(o.start_unix, lang()),
    o.end_unix ? formatDateTime(o.end_unix, lang()) : t('sla.ongoing'),
    `${hours(((o.end_unix || Date.now() / 1000) - o.start_unix) / 3600)} ${t('unit.h')}`,
    label('cause', o.cause), o.planned ? t('sla.planned') : t('sla.unplanned'),
    o.clock_suspect ? badge('warn', t('sla.clock_suspect')) : '']);
  return h('details', { class: 'outage-list' }, h('summary', {}, t('sla.outage_list', { n: num(outages.length) })),
    table(t('sla.outage_list_caption'), [t('common.terminal'), t('common.office'), t('sla.start'), t('sla.end'), t('sla.duration'), t('sla.cause'), t('sla.kind'), t('sla.clock')], rows, { className: 'numbers' }));
}
