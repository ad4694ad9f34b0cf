// Composing an outage notice (inspector): the services (all, or a chosen set), start and end in
// Jalali dates and Iran time, the text in Persian and English, and a live preview of what the
// kiosks' welcome screen will show. A start less than 72 hours away is warned about: the
// outage will count as unplanned.
import { h, clear, field, uid, add } from '../dom.js';
import { t, lang, digits, pick } from '../i18n.js';
import { post } from '../api.js';
import { formatDateTime, IRAN_OFFSET_SECONDS } from '../dates.js';
import { errorText, pageHeader, statusLine, message, loading } from '../ui.js';
import { jalaliDateTimeInput } from '../date_input.js';
import { noticeSentence, isLate, NOTICE_LEAD_SECONDS } from '../notice_format.js';
import { loadCatalog, services as catalogServices } from '../catalog_data.js';
import { may } from '../roles.js';

export async function render(main, { me }) {
  add(main, pageHeader(t('compose.title'), h('a', { href: '#/notices' }, t('compose.back'))));
  if (!may.publishNotice(me)) { add(main, message('error', t('error.role'))); return; }
  const holder = h('div', {}, loading());
  add(main, holder);
  let catalog = null;
  try { catalog = await loadCatalog(); } catch (e) { add(holder, message('warn', `${t('compose.no_catalog')} ${errorText(e)}`)); }
  const list = catalogServices(catalog);

  const now = Math.floor(Date.now() / 1000);
  // A whole hour of Iran time (UTC+03:30), not of UTC.
  const hourStart = (u) => Math.ceil((u + IRAN_OFFSET_SECONDS) / 3600) * 3600 - IRAN_OFFSET_SECONDS;
  const state = { starts: hourStart(now + NOTICE_LEAD_SECONDS + 24 * 3600), ends: hourStart(now + NOTICE_LEAD_SECONDS + 26 * 3600) };

  const scopeName = uid('scope');
  const allRadio = h('input', { type: 'radio', name: scopeName, value: 'all', id: uid('all'), checked: true });
  const someRadio = h('input', { type: 'radio', name: scopeName, value: 'some', id: uid('some') });
  const boxes = list.map((sv) => {
    const box = h('input', { type: 'checkbox', value: String(sv.number), id: uid('sv') });
    return { number: sv.number, box, row: h('li', {}, box, h('label', { for: box.id }, `${digits(sv.number)}. ${pick(sv.title)}`)) };
  });
  const picker = h('ul', { class: 'service-picker', hidden: true }, boxes.map((b) => b.row));
  const scope = h('fieldset', {},
    h('legend', {}, t('compose.services')),
    h('div', { class: 'radio' }, allRadio, h('label', { for: allRadio.id }, t('notices.all_services'))),
    h('div', { class: 'radio' }, someRadio, h('label', { for: someRadio.id }, t('compose.some_services'))),
    picker);

  const startInput = jalaliDateTimeInput(t('compose.start'), state.starts, (v) => { state.starts = v; update(); });
  const endInput = jalaliDateTimeInput(t('compose.end'), state.ends, (v) => { state.ends = v; update(); });
  const textFa = h('textarea', { 'data-testid': 'notice-text-fa', rows: '3', lang: 'fa', dir: 'rtl', required: true });
  const textEn = h('textarea', { 'data-testid': 'notice-text-en', rows: '3', lang: 'en', dir: 'ltr', required: true });
  const warning = h('div', { 'aria-live': 'polite' });
  const previewFa = h('div', { class: 'kiosk-notice', lang: 'fa', dir: 'rtl' });
  const previewEn = h('div', { class: 'kiosk-notice', lang: 'en', dir: 'ltr' });
  const status = statusLine();
  const publish = h('button', { type: 'submit', 'data-testid': 'notice-publish' }, t('compose.publish'));

  const chosen = () => (allRadio.checked ? 'all' : boxes.filter((b) => b.box.checked).map((b) => b.number));

  function previewInto(box, language, notice) {
    clear(box);
    const names = notice.services === 'all' ? [] : notice.services.map((n) => {
      const sv = list.find((x) => x.number === n);
      const number = language === 'fa' ? String(n).replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]) : String(n);
      return `${number}. ${sv ? (sv.title[language] || sv.title.fa) : ''}`;
    });
    add(box, h('p', { class: 'kiosk-notice-title' }, language === 'fa' ? 'اطلاعیه قطعی خدمت' : 'Service outage notice'),
      h('p', {}, noticeSentence(notice, language, Date.now() / 1000)),
      names.length ? h('ul', {}, names.map((n) => h('li', {}, n))) : null);
  }

  function update() {
    picker.hidden = allRadio.checked;
    const notice = { services: chosen(), starts_unix: state.starts || 0, ends_unix: state.ends || 0, text_fa: textFa.value.trim(), text_en: textEn.value.trim() };
    clear(warning);
    const late = Boolean(state.starts && isLate(state.starts, Date.now() / 1000));
    publish.textContent = late ? t('compose.publish_late') : t('compose.publish');
    if (late) {
      add(warning, message('warn', h('strong', {}, t('compose.late_title')), ' ',
        t('compose.late_text', { when: formatDateTime(state.starts - NOTICE_LEAD_SECONDS, lang()) })));
    }
    if (state.starts && state.ends && state.ends <= state.starts) add(warning, message('error', t('compose.end_before_start')));
    if (state.starts && state.ends) {
      previewInto(previewFa, 'fa', notice);
      previewInto(previewEn, 'en', notice);
    } else {
      for (const box of [previewFa, previewEn]) add(clear(box), h('p', {}, t('date.invalid')));
    }
  }

  for (const el of [allRadio, someRadio, textFa, textEn, ...boxes.map((b) => b.box)]) el.addEventListener('input', update);
  for (const el of [allRadio, someRadio]) el.addEventListener('change', update);

  const form = h('form', { class: 'compose', novalidate: true },
    h('div', { class: 'compose-fields' },
      scope, startInput, endInput, warning,
      field(t('compose.text_fa'), textFa),
      field(t('compose.text_en'), textEn),
      status, h('div', { class: 'actions' }, publish)),
    h('aside', { class: 'compose-preview', 'aria-label': t('compose.preview') },
      h('h2', {}, t('compose.preview')),
      h('p', { class: 'hint' }, t('compose.preview_hint')),
      h('h3', {}, 'فارسی'), previewFa,
      h('h3', { lang: 'en' }, 'English'), previewEn));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const services = chosen();
    if (services !== 'all' && !services.length) { status.say('error', t('compose.pick_service')); return; }
    if (!state.starts || !state.ends) { status.say('error', t('date.invalid')); return; }
    if (state.ends <= state.starts) { status.say('error', t('compose.end_before_start')); return; }
    if (!textFa.value.trim()) { status.say('error', t('compose.need_fa')); textFa.focus(); return; }
    if (!textEn.value.trim()) { status.say('error', t('compose.need_en')); textEn.focus(); return; }
    publish.disabled = true;
    try {
      const reply = await post('/v1/staff/notices', { services, starts_unix: state.starts, ends_unix: state.ends, text_fa: textFa.value.trim(), text_en: textEn.value.trim() });
      const late = reply.notice && reply.notice.late;
      add(clear(main), pageHeader(t('compose.published')),
        message(late ? 'warn' : 'ok', late ? t('compose.published_late') : t('compose.published_ok')),
        h('div', { class: 'kiosk-notice', lang: lang(), dir: lang() === 'fa' ? 'rtl' : 'ltr' }, noticeSentence(reply.notice || { services, starts_unix: state.starts, ends_unix: state.ends, text_fa: textFa.value, text_en: textEn.value }, lang(), Date.now() / 1000)),
        h('p', {}, h('a', { href: '#/notices' }, t('compose.back'))));
    } catch (err) {
      status.say('error', errorText(err));
      publish.disabled = false;
    }
  });

  add(clear(holder), form);
  startInput.refresh();
  endInput.refresh();
  update();
}
