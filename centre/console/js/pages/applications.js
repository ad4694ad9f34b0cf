// The applications queue (GET /v1/staff/cases?kind=application), by service and status.
import { add } from '../dom.js';
import { t } from '../i18n.js';
import { pageHeader } from '../ui.js';
import { caseList } from '../cases.js';

export async function render(main, { query }) {
  add(main, pageHeader(t('applications.title')));
  await caseList(main, {
    kind: 'application', base: '#/applications', statuses: ['receiving', 'received', 'in_review', 'documents_requested', 'approved', 'rejected'], q: query, withServiceFilter: true,
  });
}
