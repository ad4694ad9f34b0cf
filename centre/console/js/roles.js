// What each role may use (centre/staff/README.md, Roles): the navigation shows only these, and
// pages hide the actions a role may not take. The centre enforces the same rules (403 role).

export const PAGES = [
  { id: 'home', hash: '#/', roles: ['inspector', 'office_manager', 'technician_lead', 'administrator'] },
  { id: 'sla', hash: '#/sla', roles: ['inspector', 'office_manager'] },
  { id: 'notices', hash: '#/notices', roles: ['inspector', 'office_manager', 'technician_lead', 'administrator'] },
  { id: 'reports', hash: '#/reports', roles: ['inspector', 'office_manager'] },
  { id: 'applications', hash: '#/applications', roles: ['inspector', 'office_manager'] },
  { id: 'fleet', hash: '#/fleet', roles: ['inspector', 'office_manager', 'technician_lead'] },
  { id: 'catalog', hash: '#/catalog', roles: ['inspector', 'office_manager', 'technician_lead', 'administrator'] },
  { id: 'accounts', hash: '#/accounts', roles: ['administrator'] },
  { id: 'audit', hash: '#/audit', roles: ['inspector', 'administrator'] },
];

export function mayOpen(role, pageId) {
  const page = PAGES.find((p) => p.id === pageId);
  return Boolean(page && page.roles.includes(role));
}

// Actions beyond reading.
export const may = {
  publishNotice: (me) => me.role === 'inspector',
  decideCases: (me) => me.role === 'office_manager',
  manageFleet: (me) => me.role === 'technician_lead',
  diagnostics: (me) => me.role === 'technician_lead',
  editCatalog: (me) => me.role === 'administrator',
  chooseOffice: (me) => me.role === 'inspector',
};
