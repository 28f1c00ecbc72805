import type { DataSource, EntitySubscriberInterface } from 'typeorm';

const TRANSACTION_CONTROL =
  /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)/i;

/**
 * Counts the SQL statements made through TypeORM (transaction control excluded); a suite that
 * counts a request's statements stops the process's background jobs first.
 */
export class QueryCounter implements EntitySubscriberInterface {
  statements: string[] = [];

  static attach(dataSource: DataSource): QueryCounter {
    const counter = new QueryCounter();
    dataSource.subscribers.push(counter);
    return counter;
  }

  afterQuery(event: { query: string }): void {
    if (!TRANSACTION_CONTROL.test(event.query)) {
      this.statements.push(event.query);
    }
  }

  async count(action: () => Promise<unknown>): Promise<number> {
    this.statements = [];
    await action();
    return this.statements.length;
  }
}
