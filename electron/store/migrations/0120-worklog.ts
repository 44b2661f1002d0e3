import type { Migration } from './types.js';

/**
 * The work log typed into the app (issue 7): who entered a contact and when, next to the imported ones (whose
 * provenance is their `batch_id`). Contacts are listed newest first across all managers and filtered by follow-up
 * date, so both get an index; the due lists and coverage read `contact_by_client`.
 */
export const m0120Worklog: Migration = {
  id: 120,
  name: 'worklog',
  up(db) {
    db.exec(`
ALTER TABLE contact ADD COLUMN created_by TEXT;
ALTER TABLE contact ADD COLUMN created_at TEXT;
CREATE INDEX contact_by_time ON contact(contact_at, id);
CREATE INDEX contact_by_follow_up ON contact(follow_up_on) WHERE follow_up_on IS NOT NULL;
`);
  },
};
