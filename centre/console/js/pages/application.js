// One application: the applicant's identification (unsealed, audited), the scanned pages as
// images, and for the office manager: approve, reject with a reason, or ask for documents.
import { h, add } from '../dom.js';
import { t, label, digits, pick } from '../i18n.js';
import { pageHeader, message } from '../ui.js';
import { loadCase, summaryList, decisionView, decisionForm, pagesCell } from '../cases.js';
import { loadCatalog, services } from '../catalog_data.js';
import { may } from '../roles.js';
import { resolve } from '../router.js';

const FINAL = ['approved', 'rejected'];

// The catalog's title of a document kind of the service ("passport" -> "Valid passport").
function documentTitle(catalog, service, kind) {
  const sv = services(catalog).find((x) => x.number === service);
  const doc = sv && (sv.documents || []).find((d) => d.kind === kind);
  return doc ? pick(doc.title) : kind;
}

export async function render(main, { params, me }) {
  add(main, pageHeader(t('application.title'), h('a', { href: '#/applications' }, t('application.back'))));
  const [c, catalog] = await Promise.all([loadCase(params.code), loadCatalog().catch(() => null)]);
  const p = c.personal || {};
  add(main, h('div', { class: 'two-col' },
    h('section', { class: 'card' }, h('h2', {}, t('cases.summary')), summaryList(c, catalog)),
    h('section', { class: 'card' }, h('h2', {}, t('application.personal')),
      h('dl', { class: 'facts' },
        h('dt', {}, t('personal.id_kind')), h('dd', {}, label('id_kind', p.id_kind || '—')),
        h('dt', {}, t('personal.id_number')), h('dd', {}, h('bdi', { dir: 'ltr', class: 'code' }, p.id_number || '—')),
        h('dt', {}, t('personal.mobile')), h('dd', {}, h('bdi', { dir: 'ltr', class: 'code' }, p.mobile || '—')),
        // Only when the kiosk read a passport chip (older submissions have no such key).
        p.passport_chip ? h('dt', {}, t('personal.passport_chip')) : null,
        p.passport_chip ? h('dd', {}, label('passport_chip', p.passport_chip)) : null),
      c.personal_error ? message('error', t('cases.personal_error')) : null,
      h('p', { class: 'hint' }, t('cases.audited')))));

  const count = Number(c.pages) || 0;
  const gallery = h('ol', { class: 'pages' });
  for (let i = 0; i < count; i += 1) {
    // page_list names each page's document (the kiosk's doc_kind) and its page number in it.
    const info = (c.page_list || [])[i];
    const alt = info
      ? t('application.page_alt_doc', { i: digits(i + 1), n: digits(count), doc: documentTitle(catalog, c.service, info.doc_kind), p: digits(info.page_no) })
      : t('application.page_alt', { i: digits(i + 1), n: digits(count) });
    const src = `/v1/staff/cases/${encodeURIComponent(c.tracking_code)}/pages/${i}`;
    add(gallery, h('li', {}, h('a', { href: src, target: '_blank', rel: 'noopener' },
      h('img', { src, alt, loading: 'lazy', width: '240', height: '320' })), h('span', { class: 'hint', 'aria-hidden': 'true' }, alt)));
  }
  add(main, h('section', { class: 'card' }, h('h2', {}, t('application.pages'), ' ', h('span', { class: 'muted' }, pagesCell(c))),
    count ? gallery : h('p', { class: 'empty' }, t('application.no_pages'))));

  const decided = decisionView(c);
  if (decided) add(main, decided);
  if (FINAL.includes(c.status)) add(main, message('ok', t('application.final', { status: label('status', c.status) })));
  else if (c.status === 'receiving') add(main, message('info', t('application.still_receiving')));
  else if (may.decideCases(me)) {
    add(main, decisionForm({
      code: c.tracking_code,
      withCredit: false,
      onDone: () => resolve(),
      actions: [
        { status: 'approved', text: t('application.approve') },
        { status: 'documents_requested', text: t('application.ask_documents'), noteRequired: true, noteMissing: t('application.documents_need_note'), style: 'secondary' },
        { status: 'rejected', text: t('application.reject'), noteRequired: true, noteMissing: t('application.reject_needs_reason'), style: 'danger' },
      ],
    }));
  }
}
