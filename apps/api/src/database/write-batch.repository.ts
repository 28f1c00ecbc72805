import type { EntityManager } from 'typeorm';

/**
 * One SQL statement and its parameters, numbered from $1: an INSERT, UPDATE or DELETE, or a
 * SELECT run for its effect (pg_notify).
 */
export interface BatchStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** Runs one statement alone (a DataSource will do too: outside a transaction). */
export async function runStatement(
  tx: Pick<EntityManager, 'query'>,
  statement: BatchStatement,
): Promise<void> {
  await tx.query(statement.sql, [...statement.params]);
}

/**
 * Runs the statements as ONE statement, one round trip: each becomes a common table
 * expression of a single WITH. PostgreSQL runs every data-modifying CTE exactly once, all on
 * one snapshot (none sees another's rows), and checks foreign keys at the end of the whole
 * statement, so a row may reference one inserted beside it. No two may change the same row.
 */
export async function runBatch(
  tx: EntityManager,
  statements: readonly BatchStatement[],
): Promise<void> {
  if (statements.length === 0) return;
  if (statements.length === 1) return runStatement(tx, statements[0]!);
  const params: unknown[] = [];
  const selected: string[] = [];
  const parts = statements.map((s, i) => {
    const offset = params.length;
    params.push(...s.params);
    const sql = s.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    // A SELECT in a WITH runs only when read: the outer query reads each one.
    if (/^\s*SELECT\b/i.test(sql)) selected.push(`(SELECT count(*) FROM w${i})`);
    return `w${i} AS (${sql})`;
  });
  await tx.query(`WITH ${parts.join(',\n')}\nSELECT ${selected.join(', ') || '1'}`, params);
}
