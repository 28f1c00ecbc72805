import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { GatePolicy, TemplateDefinition, TemplateVersion } from '#workflow';

interface VersionRow {
  name: string;
  version: number;
  description: string | null;
  items: TemplateVersion['items'];
  policy: GatePolicy;
  created_by: string | null;
  created_at: Date;
  archived: boolean;
}

const COLUMNS = `v.name, v.version, v.description, v.items, v.policy, v.created_by, v.created_at,
  t.archived_at IS NOT NULL AS archived`;

function toVersion(row: VersionRow): TemplateVersion {
  return {
    name: row.name,
    version: row.version,
    description: row.description,
    items: row.items,
    policy: row.policy,
    archived: row.archived,
    createdById: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** Checklist templates: one row per name (archiving), one immutable row per version. */
@Injectable()
export class TemplateRepository {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  /** The latest version of every template, archived ones too, by name. */
  async latestOfEach(): Promise<TemplateVersion[]> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT DISTINCT ON (v.name) ${COLUMNS}
         FROM checklist_template_version v JOIN checklist_template t USING (name)
        ORDER BY v.name, v.version DESC`,
    );
    return rows.map(toVersion);
  }

  /** Every version of one template, oldest first ([] when there is no such name). */
  async versions(name: string, tx: EntityManager = this.db.manager): Promise<TemplateVersion[]> {
    const rows: VersionRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM checklist_template_version v JOIN checklist_template t USING (name)
        WHERE v.name = $1 ORDER BY v.version`,
      [name],
    );
    return rows.map(toVersion);
  }

  /** One version, or the latest when `version` is null. */
  async find(name: string, version: number | null): Promise<TemplateVersion | null> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM checklist_template_version v JOIN checklist_template t USING (name)
        WHERE v.name = $1 AND ($2::int IS NULL OR v.version = $2)
        ORDER BY v.version DESC LIMIT 1`,
      [name, version],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  /** Takes the name for this transaction; false when another template holds it. */
  async claimName(tx: EntityManager, name: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO checklist_template (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING name`,
      [name],
    );
    return rows.length === 1;
  }

  /** Locks the template so versions are numbered one at a time; null when absent. */
  async lock(tx: EntityManager, name: string): Promise<{ archived: boolean } | null> {
    const rows: { archived: boolean }[] = await tx.query(
      `SELECT archived_at IS NOT NULL AS archived FROM checklist_template WHERE name = $1 FOR UPDATE`,
      [name],
    );
    return rows[0] ?? null;
  }

  async insertVersion(
    tx: EntityManager,
    definition: TemplateDefinition,
    version: number,
    createdById: string,
    createdAt: Date,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO checklist_template_version
         (name, version, description, items, policy, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        definition.name,
        version,
        definition.description,
        JSON.stringify(definition.items),
        JSON.stringify(definition.policy),
        createdById,
        createdAt,
      ],
    );
  }

  /** Archives it once; archiving again changes nothing. */
  async archive(tx: EntityManager, name: string, by: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE checklist_template SET archived_at = $3, archived_by = $2
        WHERE name = $1 AND archived_at IS NULL`,
      [name, by, at],
    );
  }
}
