// One failure report: what the citizen said (its problem and text, unsealed and audited by the
// centre), the last answer, and for the office manager: reply (in review, with the note as the
// answer) or resolve (a note and an optional credit).
import { h, add } from '../dom.js';
import { t, label } from '../i18n.js';
import { pageHeader, message } from '../ui.js';
import { loadCase, summaryList, decisionView, decisionForm } from '../cases.js';
import { loadCatalog } from '../catalog_data.js';
import { may } from '../roles.js';
import { resolve } from '../router.js';

export async function render(main, { params, me }) {
  add(main, pageHeader(t('report.title'), h('a', { href: '#/reports' }, t('report.back'))));
  const [c, catalog] = await Promise.all([loadCase(params.code), loadCatalog().catch(() => null)]);
  const p = c.personal || {};
  add(main, h('div', { class: 'two-col' },
    h('section', { class: 'card' }, h('h2', {}, t('cases.summary')), summaryList(c, catalog)),
    h('section', { class: 'card' }, h('h2', {}, t('report.what')),
      h('dl', { class: 'facts' },
        h('dt', {}, t('report.problem')), h('dd', {}, label('problem', p.problem || 'other')),
        h('dt', {}, t('report.text')), h('dd', { class: 'prewrap citizen-text', lang: p.language || null, dir: 'auto' }, p.text || '—'),
        h('dt', {}, t('personal.mobile')), h('dd', {}, h('bdi', { dir: 'ltr', class: 'code' }, p.mobile || '—'))),
      c.personal_error ? message('error', t('cases.personal_error')) : null,
      h('p', { class: 'hint' }, t('cases.audited')))));
  const decided = decisionView(c);
  if (decided) add(main, decided);
  if (c.status === 'resolved') add(main, message('ok', t('report.resolved')));
  else if (may.decideCases(me)) {
    add(main, decisionForm({
      code: c.tracking_code,
      withCredit: true,
      onDone: () => resolve(),
      actions: [
        { status: 'in_review', text: t('report.reply'), noteRequired: true, noteMissing: t('report.reply_needs_note') },
        { status: 'resolved', text: t('report.resolve'), noteRequired: true, style: 'secondary' },
      ],
    }));
  }
}
