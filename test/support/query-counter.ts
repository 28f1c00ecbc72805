import type { DataSource, EntitySubscriberInterface } from 'typeorm';

const TRANSACTION_CONTROL =
  /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)/i;
/** Background jobs of the same process (webhook dispatcher, SLO scanner): not caused by a request. */
const BACKGROUND = /UPDATE webhook_message m SET lease_until|FROM slo_timer WHERE due_at/;

/** Counts the SQL statements requests make through TypeORM (transaction control excluded). */
export class QueryCounter implements EntitySubscriberInterface {
  statements: string[] = [];

  static attach(dataSource: DataSource): QueryCounter {
    const counter = new QueryCounter();
    dataSource.subscribers.push(counter);
    return counter;
  }

  afterQuery(event: { query: string }): void {
    if (!TRANSACTION_CONTROL.test(event.query) && !BACKGROUND.test(event.query)) {
      this.statements.push(event.query);
    }
  }

  async count(action: () => Promise<unknown>): Promise<number> {
    this.statements = [];
    await action();
    return this.statements.length;
  }
}
