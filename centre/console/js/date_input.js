// A Jalali date and time in Iran time, typed as year / month / day and hour : minute (Persian
// digits accepted), read as Unix seconds. A line under it repeats the date in words so the
// person sees what they entered.
import { h, uid, add } from './dom.js';
import { t, lang, digits } from './i18n.js';
import { jalaliToUnix, unixToJalali, monthName, formatDateTime, parseWholeNumber } from './dates.js';

export function jalaliDateTimeInput(legend, initialUnix, onChange) {
  const j = unixToJalali(initialUnix);
  const pad = (n) => digits(String(n).padStart(2, '0'));
  const year = h('input', { id: uid('y'), class: 'num4', inputmode: 'numeric', value: digits(j.year), dir: 'ltr', maxlength: '4' });
  const month = h('select', { id: uid('m') });
  for (let m = 1; m <= 12; m += 1) add(month, h('option', { value: String(m), selected: m === j.month }, `${digits(m)} · ${monthName(m, lang())}`));
  const day = h('input', { id: uid('d'), class: 'num2', inputmode: 'numeric', value: digits(j.day), dir: 'ltr', maxlength: '2' });
  const hour = h('input', { id: uid('h'), class: 'num2', inputmode: 'numeric', value: pad(j.hour), dir: 'ltr', maxlength: '2' });
  const minute = h('input', { id: uid('mi'), class: 'num2', inputmode: 'numeric', value: pad(j.minute), dir: 'ltr', maxlength: '2' });
  const echo = h('p', { class: 'hint', 'aria-live': 'polite' });
  const part = (control, text) => h('span', { class: 'dt-part' }, h('label', { for: control.id }, text), control);
  const set = h('fieldset', { class: 'datetime' },
    h('legend', {}, legend),
    h('div', { class: 'dt-row' },
      part(year, t('date.year')), part(month, t('date.month')), part(day, t('date.day')),
      part(hour, t('date.hour')), part(minute, t('date.minute')),
      h('span', { class: 'tz' }, t('date.iran_time'))),
    echo);

  set.value = () => {
    const v = jalaliToUnix({
      year: parseWholeNumber(year.value), month: Number(month.value), day: parseWholeNumber(day.value),
      hour: parseWholeNumber(hour.value), minute: parseWholeNumber(minute.value),
    });
    return v;
  };
  const update = () => {
    const v = set.value();
    echo.textContent = v === null ? t('date.invalid') : formatDateTime(v, lang());
    echo.classList.toggle('error-text', v === null);
    onChange(v);
  };
  for (const c of [year, month, day, hour, minute]) c.addEventListener('input', update);
  set.refresh = update;
  return set;
}
