// Inline SVG charts of the service levels: availability by month as bars against a target
// line, and outages on a timeline of the year. Drawn with createElementNS and presentation
// attributes and classes only (the Content-Security-Policy allows no inline style). In Persian
// time runs from right to left, as the page reads.
import { s, add } from './dom.js';
import { t, lang, percent, hours } from './i18n.js';
import { monthName, formatDateTime } from './dates.js';
import { verdict } from './sla_data.js';

// English month names of the Persian calendar are long (Ordibehesht): three letters on the
// year's timeline, where twelve must fit side by side.
function shortMonth(m) {
  const name = monthName(m, lang());
  return lang() === 'en' ? name.slice(0, 3) : name;
}

function hatch(id) {
  return s('pattern', { id, width: '6', height: '6', patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    s('rect', { width: '6', height: '6', class: 'hatch-bg' }),
    s('line', { x1: '0', y1: '0', x2: '0', y2: '6', class: 'hatch-line' }));
}

// The axis starts low enough to show every month and the target, in steps of 5 points.
export function axisFloor(months, target) {
  const values = months.map((m) => m.availability).filter((a) => a !== null && a !== undefined);
  const lowest = Math.min(target, ...values);
  return Math.max(0, Math.min(0.95, Math.floor((lowest - 0.005) * 20) / 20));
}

// months: [{month, availability, all, complete}]: the bar is `availability` (the agreement's:
// announced outages excused), the tick `all` (every outage counted); target in 0..1.
export function availabilityChart(months, { target, titleId, descId }) {
  const rtl = lang() === 'fa';
  const W = 760;
  const H = 300;
  const pad = { top: 20, bottom: 44, side: 58, inner: 12 };
  const plotW = W - pad.side - pad.inner;
  const plotH = H - pad.top - pad.bottom;
  const band = plotW / 12;
  const floor = axisFloor(months, target);
  const y = (a) => pad.top + plotH * (1 - (a - floor) / (1 - floor));
  const left = rtl ? pad.inner : pad.side;
  const bandX = (m) => (rtl ? left + plotW - m * band : left + (m - 1) * band);
  const axisX = rtl ? W - pad.side + 6 : pad.side - 6;
  const anchor = rtl ? 'start' : 'end';

  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-labelledby': titleId, 'aria-describedby': descId, direction: 'ltr',
  });
  add(svg, s('defs', {}, hatch('hatch-bars')));
  for (let step = 0; step <= 4; step += 1) {
    const a = floor + ((1 - floor) * step) / 4;
    add(svg, 
      s('line', { x1: left, x2: left + plotW, y1: y(a), y2: y(a), class: 'grid' }),
      s('text', { x: axisX, y: y(a) + 4, 'text-anchor': anchor, class: 'axis-label' }, percent(a)),
    );
  }
  for (let m = 1; m <= 12; m += 1) {
    const row = months.find((x) => x.month === m) || { month: m, availability: null, complete: false };
    const x0 = bandX(m) - (rtl ? band : 0);
    const cx = x0 + band / 2;
    add(svg, s('text', { x: cx, y: H - pad.bottom + 18, 'text-anchor': 'middle', class: 'axis-label' }, monthName(m, lang())));
    if (row.availability === null || row.availability === undefined) {
      add(svg, s('text', { x: cx, y: pad.top + plotH - 6, 'text-anchor': 'middle', class: 'axis-label muted' }, '—'));
      continue;
    }
    const top = y(Math.max(floor, row.availability));
    // Met only when complete (sla_data.js verdict): an incomplete month at or above the target is
    // drawn neutral and hatched, never in the "met" colour.
    const judged = verdict(row, target);
    const classes = ['bar', judged === 'below' ? 'bar-below' : judged === 'met' ? 'bar-met' : 'bar-undecided', row.complete ? '' : 'bar-incomplete'].filter(Boolean).join(' ');
    const bar = s('rect', { x: x0 + band * 0.18, width: band * 0.64, y: top, height: Math.max(1, pad.top + plotH - top), class: classes });
    add(bar, s('title', {}, `${monthName(m, lang())}: ${percent(row.availability)}${row.complete ? '' : ` — ${t('sla.incomplete')}`}`));
    add(svg, bar);
    if (row.all !== null && row.all !== undefined && Math.abs(row.all - row.availability) > 1e-9) {
      // The availability counting planned outages too: a short dark tick across the bar.
      const ty2 = y(Math.max(floor, row.all));
      add(svg, s('line', { x1: x0 + band * 0.1, x2: x0 + band * 0.9, y1: ty2, y2: ty2, class: 'all-tick' }));
    }
    if (!row.complete) {
      add(svg, s('rect', { x: x0 + band * 0.18, width: band * 0.64, y: top, height: Math.max(1, pad.top + plotH - top), fill: 'url(#hatch-bars)', class: 'bar-hatch' }));
      add(svg, s('text', { x: cx, y: H - pad.bottom + 34, 'text-anchor': 'middle', class: 'axis-label warn-text' }, t('sla.incomplete_short')));
    }
  }
  const ty = y(target);
  add(svg, 
    s('line', { x1: left, x2: left + plotW, y1: ty, y2: ty, class: 'target-line' }),
    s('text', { x: rtl ? left + 4 : left + plotW - 4, y: ty - 5, 'text-anchor': rtl ? 'start' : 'end', class: 'target-label' },
      t('sla.target_line', { target: percent(target) })),
  );
  return svg;
}

// outages: [{terminal_id, start_unix, end_unix, planned, late_notice, suspect, cause}], a year span.
export function outageTimeline(outages, { start, end, monthStarts, titleId, nowUnix }) {
  const rtl = lang() === 'fa';
  const terminals = [...new Set(outages.map((o) => o.terminal_id))].sort();
  const W = 760;
  const rowH = 26;
  const labelW = 120;
  const top = 8;
  const H = top + Math.max(1, terminals.length) * rowH + 30;
  const plotW = W - labelW - 12;
  const plotLeft = rtl ? 12 : labelW;
  const x = (u) => {
    const f = Math.min(1, Math.max(0, (u - start) / (end - start)));
    return rtl ? plotLeft + plotW * (1 - f) : plotLeft + plotW * f;
  };
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart timeline', role: 'img', 'aria-labelledby': titleId, direction: 'ltr' });
  add(svg, s('defs', {}, hatch('hatch-outage')));
  monthStarts.forEach((u, i) => {
    const x0 = x(u);
    const x1 = x(monthStarts[i + 1] || end);
    add(svg, 
      s('line', { x1: x0, x2: x0, y1: top, y2: H - 22, class: 'grid' }),
      s('text', { x: (x0 + x1) / 2, y: H - 8, 'text-anchor': 'middle', class: 'axis-label' }, shortMonth(i + 1)),
    );
  });
  if (nowUnix > start && nowUnix < end) {
    add(svg, s('line', { x1: x(nowUnix), x2: x(nowUnix), y1: top, y2: H - 22, class: 'now-line' }));
  }
  terminals.forEach((id, row) => {
    const yy = top + row * rowH;
    add(svg, s('text', { x: rtl ? W - 4 : labelW - 8, y: yy + rowH / 2 + 4, 'text-anchor': 'end', class: 'axis-label' }, id));
    add(svg, s('line', { x1: plotLeft, x2: plotLeft + plotW, y1: yy + rowH / 2, y2: yy + rowH / 2, class: 'lane' }));
    for (const o of outages.filter((q) => q.terminal_id === id)) {
      const to = o.end_unix || nowUnix;
      const xa = x(o.start_unix);
      const xb = x(to);
      const rect = s('rect', {
        x: Math.min(xa, xb) - 1, width: Math.max(3, Math.abs(xb - xa) + 2), y: yy + 5, height: rowH - 10, rx: '2',
        class: ['outage', o.planned ? 'outage-planned' : 'outage-unplanned', o.late_notice ? 'outage-late' : '', o.suspect ? 'outage-suspect' : ''].filter(Boolean).join(' '),
      });
      add(rect, s('title', {}, `${id}: ${formatDateTime(o.start_unix, lang())} – ${o.end_unix ? formatDateTime(o.end_unix, lang()) : t('sla.ongoing')} · ${hours((to - o.start_unix) / 3600)} ${t('unit.h')} · ${o.planned ? t('sla.planned') : t('sla.unplanned')}${o.late_notice ? ` · ${t('sla.late_notice')}` : ''}${o.suspect ? ` · ${t('sla.clock_suspect')}` : ''}`));
      add(svg, rect);
      if (o.suspect) add(svg, s('rect', { x: Math.min(xa, xb) - 1, width: Math.max(3, Math.abs(xb - xa) + 2), y: yy + 5, height: rowH - 10, fill: 'url(#hatch-outage)', class: 'bar-hatch' }));
    }
  });
  if (!terminals.length) add(svg, s('text', { x: W / 2, y: top + rowH / 2 + 4, 'text-anchor': 'middle', class: 'axis-label muted' }, t('sla.no_outages')));
  return svg;
}

