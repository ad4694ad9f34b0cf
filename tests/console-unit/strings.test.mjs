// The string tables: Persian and English have the same keys, and every key the console's code
// asks for with t('...') exists.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRINGS } from '../../centre/console/js/strings.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../centre/console/js');

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.js') ? [p] : [];
  });
}

test('Persian and English tables have the same keys', () => {
  const fa = Object.keys(STRINGS.fa).sort();
  const en = Object.keys(STRINGS.en).sort();
  assert.deepEqual(fa.filter((k) => !STRINGS.en[k]), []);
  assert.deepEqual(en.filter((k) => !STRINGS.fa[k]), []);
});

test('every key used in the code exists', () => {
  const missing = [];
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\('([a-z_0-9.]+)'/g)) if (!STRINGS.fa[m[1]]) missing.push(`${file}: ${m[1]}`);
  }
  assert.deepEqual(missing, []);
});

test('the navigation, roles and home introductions are worded', () => {
  for (const id of ['home', 'sla', 'notices', 'reports', 'applications', 'fleet', 'catalog', 'accounts', 'audit']) assert.ok(STRINGS.fa[`nav.${id}`], id);
  for (const role of ['inspector', 'office_manager', 'technician_lead', 'administrator']) {
    assert.ok(STRINGS.fa[`home.intro.${role}`] && STRINGS.fa[`role.${role}`], role);
  }
});

test('no inline script, style attribute or innerHTML in the console', () => {
  const html = readFileSync(join(root, '../index.html'), 'utf8');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  assert.doesNotMatch(html, /\sstyle=/);
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /innerHTML|outerHTML|insertAdjacentHTML|\beval\(|new Function|'style'/, file);
  }
});
