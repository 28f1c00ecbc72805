import type { MigrationInterface, QueryRunner } from 'typeorm';
import { builtInDefinition } from '#checklists';

/*
 * Templates as data (POLICIES.md): a template per name (archiving is the name's), its
 * versions immutable. The built-in "standard" and "lite" are written here as version 1 with
 * the default policy and no creator, copied as they were when templates became data. The
 * SLO history index widens to SIGN_OFF_EXPIRED, which the expiry timer reads back.
 */
const DEFAULT_POLICY = {
  approvals: [],
  goValidDays: null,
  distinctApprovers: false,
  coordinatorMayApprove: true,
  supportLeadDays: 5,
  minSupportLeadDays: 0,
  blockResponseHours: 24,
};

export class ChecklistTemplates1764000000030 implements MigrationInterface {
  name = 'ChecklistTemplates1764000000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE checklist_template (
        name text PRIMARY KEY,
        archived_at timestamptz,
        archived_by uuid REFERENCES app_user (id)
      )`,
    );
    await q.query(
      `CREATE TABLE checklist_template_version (
        name text NOT NULL REFERENCES checklist_template (name),
        version integer NOT NULL CHECK (version >= 1),
        description text,
        items jsonb NOT NULL,
        policy jsonb NOT NULL,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (name, version)
      )`,
    );
    for (const name of ['standard', 'lite'] as const) {
      const t = builtInDefinition(name);
      await q.query(`INSERT INTO checklist_template (name) VALUES ($1)`, [name]);
      await q.query(
        `INSERT INTO checklist_template_version (name, version, description, items, policy)
         VALUES ($1, 1, $2, $3, $4)`,
        [name, t.description, JSON.stringify(t.items), JSON.stringify(DEFAULT_POLICY)],
      );
    }
    // The SLO history now reads SIGN_OFF_EXPIRED too; the partial index must cover it.
    await q.query(`DROP INDEX launch_event_slo_history`);
    await q.query(
      `CREATE INDEX launch_event_slo_history ON launch_event (launch_id, sequence)
        WHERE type IN ('COMMENTED', 'BLOCK_ESCALATED', 'AT_RISK', 'SIGN_OFF_EXPIRED')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX launch_event_slo_history`);
    await q.query(
      `CREATE INDEX launch_event_slo_history ON launch_event (launch_id, sequence)
        WHERE type IN ('COMMENTED', 'BLOCK_ESCALATED', 'AT_RISK')`,
    );
    await q.query(`DROP TABLE checklist_template_version`);
    await q.query(`DROP TABLE checklist_template`);
  }
}
