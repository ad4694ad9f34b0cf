// The failure-report inbox (GET /v1/staff/cases?kind=failure_report).
import { add } from '../dom.js';
import { t } from '../i18n.js';
import { pageHeader } from '../ui.js';
import { caseList } from '../cases.js';

export async function render(main, { query }) {
  add(main, pageHeader(t('reports.title')));
  await caseList(main, { kind: 'failure_report', base: '#/reports', statuses: ['received', 'in_review', 'resolved'], q: query, withServiceFilter: false });
}
