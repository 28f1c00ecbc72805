import type { DataSource, EntityManager } from 'typeorm';

/** Tables whose rows are not worth moving: TypeORM's own ledger (the target migrates itself), rate windows. */
const NOT_MOVED = new Set(['migrations', 'rate_limit']);
const BATCH = 1_000;

/**
 * Statements that copy an installation from one PostgreSQL (the embedded one) to another,
 * table by table in foreign-key order, every value through JSON so that any column type
 * the migrations create travels unchanged.
 */
export class DatabaseCopyRepository {
  constructor(
    private readonly source: DataSource,
    private readonly target: DataSource,
  ) {}

  /** Tables of the target's public schema (empty before the target is migrated). */
  async targetTables(): Promise<string[]> {
    const rows: { name: string }[] = await this.target.query(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  }

  /** The source's tables, each after every table it references. */
  async tablesInDependencyOrder(): Promise<string[]> {
    const tables: { name: string }[] = await this.source.query(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    const edges: { child: string; parent: string }[] = await this.source.query(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE c.contype = 'f' AND n.nspname = 'public'`,
    );
    const names = tables.map((t) => t.name).filter((name) => !NOT_MOVED.has(name));
    const ordered: string[] = [];
    const pending = new Set(names);
    while (pending.size > 0) {
      const ready = [...pending].filter((name) =>
        edges.every((e) => e.child !== name || e.parent === name || !pending.has(e.parent)),
      );
      if (ready.length === 0)
        throw new Error(`circular foreign keys among ${[...pending].join(', ')}`);
      for (const name of ready) {
        ordered.push(name);
        pending.delete(name);
      }
    }
    return ordered;
  }

  /**
   * Empties what the target's own migrations seeded (built-in templates, say): the source
   * ran the same migrations, so its rows are the installation's truth. Children first.
   */
  async clearSeeded(tx: EntityManager, tablesInDependencyOrder: readonly string[]): Promise<void> {
    for (const table of [...tablesInDependencyOrder].reverse()) {
      const quoted = `"${table.replace(/"/g, '""')}"`;
      const [row] = (await tx.query(`SELECT EXISTS (SELECT 1 FROM ${quoted}) AS seeded`)) as [
        { seeded: boolean },
      ];
      if (row.seeded) await tx.query(`DELETE FROM ${quoted}`);
    }
  }

  /** Copies every row of `table` in batches, inside the target transaction `tx`. */
  async copyTable(tx: EntityManager, table: string): Promise<number> {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    let copied = 0;
    for (;;) {
      const rows: { row: unknown }[] = await this.source.query(
        `SELECT row_to_json(t) AS row FROM ${quoted} t ORDER BY ctid LIMIT $1 OFFSET $2`,
        [BATCH, copied],
      );
      if (rows.length === 0) return copied;
      await tx.query(
        `INSERT INTO ${quoted} SELECT * FROM json_populate_recordset(NULL::${quoted}, $1::json)`,
        [JSON.stringify(rows.map((r) => r.row))],
      );
      copied += rows.length;
      if (rows.length < BATCH) return copied;
    }
  }
}
