// The published catalog, fetched once a session: service names for lists and notices, and the
// offices' names.
import { get } from './api.js';
import { pick } from './i18n.js';

let pending = null;

export function loadCatalog({ fresh = false } = {}) {
  if (!pending || fresh) {
    pending = get('/v1/staff/catalog').catch((e) => { pending = null; throw e; });
  }
  return pending;
}

export function services(reply) { return (reply && reply.catalog && reply.catalog.services) || []; }

export function serviceTitle(reply, number) {
  const s = services(reply).find((x) => x.number === number);
  return s ? pick(s.title) : '';
}

export function officeName(reply, id) {
  const offices = (reply && reply.catalog && reply.catalog.offices) || [];
  const o = offices.find((x) => x.id === id);
  return o ? pick(o.name) : '';
}

// GET /v1/staff/offices: the README leaves the items' shape open; strings and objects
// ({id, name}) are both taken.
export function officeIds(reply) {
  return ((reply && reply.offices) || []).map((o) => (typeof o === 'string' ? o : o.id || o.office)).filter(Boolean);
}
