// Editing one service of the catalog (administrator): its documents, fee, handling time,
// approver and credit text. Saving sends the whole catalog (PUT /v1/staff/catalog); the centre
// checks it with the terminal's loader rules and answers 422 with the errors, shown at the top
// and beside the fields they name, or signs and publishes it as a new version.
import { h, clear, uid, field, add } from '../dom.js';
import { t, digits, pick } from '../i18n.js';
import { put } from '../api.js';
import { parseWholeNumber } from '../dates.js';
import { errorBox, errorText, loading, pageHeader, message, statusLine } from '../ui.js';
import { loadCatalog } from '../catalog_data.js';
import { may } from '../roles.js';

const SAMPLE_FIELDS = ['steps', 'documents', 'forms', 'fee_rials', 'approver', 'handling_days'];

export async function render(main, { params, me }) {
  const number = Number(params.number);
  add(main, pageHeader(t('service.title', { n: digits(number) }), h('a', { href: '#/catalog' }, t('service.back'))));
  if (!may.editCatalog(me)) { add(main, message('error', t('error.role'))); return; }
  const holder = h('div', {}, loading());
  add(main, holder);
  let reply;
  try { reply = await loadCatalog({ fresh: true }); } catch (e) { add(clear(holder), errorBox(e)); return; }
  const catalog = reply.catalog;
  const service = catalog && (catalog.services || []).find((x) => x.number === number);
  if (!service) { add(clear(holder), message('error', t('error.not_found'))); return; }
  const version = h('span', {}, t('catalog.version', { v: digits(reply.version ?? catalog.version) }));
  add(clear(holder), h('p', { class: 'lead' }, pick(service.title), ' · ', version),
    editor(catalog, service, (v) => { version.textContent = t('catalog.version', { v: digits(v) }); }));
}

function pairFields(legend, pair, key, multiline) {
  const make = (language) => (multiline
    ? h('textarea', { rows: '3', lang: language, dir: language === 'fa' ? 'rtl' : 'ltr', 'data-field': key })
    : h('input', { lang: language, dir: language === 'fa' ? 'rtl' : 'ltr', 'data-field': key }));
  const fa = make('fa');
  const en = make('en');
  fa.value = (pair && pair.fa) || '';
  en.value = (pair && pair.en) || '';
  const set = h('fieldset', { 'data-errors-for': key }, h('legend', {}, legend),
    field(t('service.in_fa'), fa), field(t('service.in_en'), en), h('ul', { class: 'field-errors' }));
  set.read = () => ({ fa: fa.value.trim(), en: en.value.trim() });
  return set;
}

function documentRow(doc, onRemove) {
  const kind = h('input', { dir: 'ltr', lang: 'en', value: doc.kind || '', class: 'mid' });
  const fa = h('input', { lang: 'fa', dir: 'rtl', value: (doc.title && doc.title.fa) || '' });
  const en = h('input', { lang: 'en', dir: 'ltr', value: (doc.title && doc.title.en) || '' });
  const pages = h('input', { inputmode: 'numeric', dir: 'ltr', class: 'num2', value: digits(doc.pages ?? 1) });
  const mandatory = h('input', { type: 'checkbox', checked: doc.mandatory !== false });
  const row = h('tr', {},
    h('td', {}, cellField(t('service.doc_kind'), kind)),
    h('td', {}, cellField(t('service.doc_fa'), fa)),
    h('td', {}, cellField(t('service.doc_en'), en)),
    h('td', {}, cellField(t('service.doc_pages'), pages)),
    h('td', {}, cellField(t('service.doc_mandatory'), mandatory)),
    h('td', {}, h('button', { type: 'button', class: 'secondary small', onclick: () => onRemove(row) }, t('service.remove'))));
  row.read = () => ({ ...doc, kind: kind.value.trim(), title: { fa: fa.value.trim(), en: en.value.trim() }, pages: parseWholeNumber(pages.value) ?? pages.value, mandatory: mandatory.checked });
  return row;
}

// In a table row the column header names the field; the label is for screen readers only.
function cellField(text, control) {
  control.id = uid('c');
  return [h('label', { for: control.id, class: 'visually-hidden' }, text), control];
}

function editor(catalog, service, onPublished) {
  const status = statusLine();
  const errorsTop = h('div', {});
  const docsBody = h('tbody', {});
  const remove = (row) => { row.remove(); };
  for (const d of service.documents || []) add(docsBody, documentRow(d, remove));
  const docs = h('fieldset', { 'data-errors-for': 'documents' }, h('legend', {}, t('service.documents')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'docs' },
      h('thead', {}, h('tr', {}, [t('service.doc_kind'), t('service.doc_fa'), t('service.doc_en'), t('service.doc_pages'), t('service.doc_mandatory')].map((x) => h('th', { scope: 'col' }, x)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('fleet.actions'))))),
      docsBody)),
    h('button', { type: 'button', class: 'secondary', onclick: () => add(docsBody, documentRow({ kind: '', title: { fa: '', en: '' }, pages: 1, mandatory: true }, remove)) }, t('service.add_document')),
    h('ul', { class: 'field-errors' }));

  const fee = h('input', { inputmode: 'numeric', dir: 'ltr', value: digits(service.fee_rials ?? 0) });
  const days = h('input', { inputmode: 'numeric', dir: 'ltr', class: 'num4', value: digits(service.handling_days ?? 0) });
  const feeField = h('div', { 'data-errors-for': 'fee_rials' }, field(t('service.fee'), fee, t('service.fee_hint')), h('ul', { class: 'field-errors' }));
  const daysField = h('div', { 'data-errors-for': 'handling_days' }, field(t('service.handling'), days), h('ul', { class: 'field-errors' }));
  const approver = pairFields(t('service.approver'), service.approver, 'approver', false);
  const credit = pairFields(t('service.credit'), service.credit_policy, 'credit_policy', true);
  const sampleBoxes = SAMPLE_FIELDS.map((name) => {
    const box = h('input', { type: 'checkbox', id: uid('smp'), checked: (service.sample_fields || []).includes(name) });
    return { name, box, el: h('div', { class: 'radio' }, box, h('label', { for: box.id }, t(`service.sample_${name}`))) };
  });
  const samples = h('fieldset', {}, h('legend', {}, t('service.samples')), h('p', { class: 'hint' }, t('service.samples_hint')), sampleBoxes.map((x) => x.el));
  const save = h('button', { type: 'submit' }, t('service.save'));

  const form = h('form', { novalidate: true, class: 'card' }, errorsTop, docs, h('div', { class: 'grid-2' }, feeField, daysField), approver, credit, samples, status, h('div', { class: 'actions' }, save));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    for (const ul of form.querySelectorAll('.field-errors')) clear(ul);
    clear(errorsTop);
    const edited = {
      ...service,
      documents: [...docsBody.children].map((r) => r.read()),
      fee_rials: parseWholeNumber(fee.value) ?? fee.value,
      handling_days: parseWholeNumber(days.value) ?? days.value,
      approver: approver.read(),
      credit_policy: credit.read(),
      sample_fields: sampleBoxes.filter((x) => x.box.checked).map((x) => x.name),
    };
    const next = { ...catalog, services: catalog.services.map((x) => (x.number === service.number ? edited : x)) };
    save.disabled = true;
    status.say('info', t('service.saving'));
    try {
      const r = await put('/v1/staff/catalog', { catalog: next });
      status.say('ok', t('service.saved', { v: digits(r.version) }));
      await loadCatalog({ fresh: true }).catch(() => null);
      Object.assign(catalog, next, { version: r.version });
      Object.assign(service, edited);
      onPublished(r.version);
    } catch (err) {
      if (err.status === 422 && Array.isArray(err.body.errors)) {
        status.say('error', t('service.refused'));
        showErrors(form, errorsTop, err.body.errors, catalog.services.indexOf(service), service.number);
      } else status.say('error', errorText(err));
    }
    save.disabled = false;
  });
  return form;
}

// The README leaves the errors' form open: strings, or objects with a field/path and a
// message. Each is listed at the top, and beside the field whose name it mentions.
function showErrors(form, top, errors, index, number) {
  const texts = errors.map((x) => (typeof x === 'string' ? x : [x.field || x.path, x.message || x.error].filter(Boolean).join(': ')));
  add(top, h('div', { class: 'msg msg-error', role: 'alert' }, h('p', {}, t('service.errors_title')), h('ul', {}, texts.map((x) => h('li', { dir: 'auto' }, x)))));
  for (const holder of form.querySelectorAll('[data-errors-for]')) {
    const key = holder.getAttribute('data-errors-for');
    // Beside a field only the errors of this service: one naming another service's index
    // (services[5]) or number stays in the list at the top.
    const other = (x) => (/services\[\d+\]/.test(x) && !x.includes(`services[${index}]`)) || (/service \d+/.test(x) && !x.includes(`service ${number}`));
    const mine = texts.filter((x) => x.includes(key) && !other(x));
    const ul = holder.querySelector('.field-errors');
    for (const text of mine) add(ul, h('li', { dir: 'auto' }, text));
    const control = holder.querySelector('input, textarea');
    if (control) control.setAttribute('aria-invalid', mine.length ? 'true' : 'false');
  }
}
