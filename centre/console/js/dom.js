// Building the page without HTML strings: every element is made with createElement and every
// text set as text, so nothing a server or a person typed is ever parsed as markup, and no
// inline style reaches the Content-Security-Policy.

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'value' && 'value' in el) el.value = value;
    else if (name === 'selected') { el.selected = Boolean(value); el.defaultSelected = Boolean(value); }
    else if (name === 'checked') { el.checked = Boolean(value); el.defaultChecked = Boolean(value); }
    else if (name === 'disabled') el.disabled = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// h('p', {class: 'x'}, 'text', h('b', {}, 'bold'))
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

// English words inside a Persian page (and the other way round) carry their own language.
export function inLang(lang, text, tag = 'span') {
  return h(tag, { lang, dir: lang === 'fa' ? 'rtl' : 'ltr' }, text);
}

// UTF-8 text to base64, for a data: URL of an SVG the centre sent (a QR code).
export function svgDataUrl(svgText) {
  const bytes = new TextEncoder().encode(svgText);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

let idCounter = 0;
export function uid(prefix = 'f') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

// A labelled form field: the label is tied to the control by id.
export function field(label, control, hint) {
  if (!control.id) control.id = uid();
  const hintEl = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl);
}

// parent.append(), skipping null, undefined and false (a section a role does not see).
export function add(parent, ...children) {
  append(parent, children);
  return parent;
}
