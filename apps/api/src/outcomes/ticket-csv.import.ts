import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import {
  WorkflowError,
  launchKeysOf,
  normalizeTicket,
  OUTCOME_LIMITS,
  type Ticket,
} from '#workflow';
import { OutcomeRepository } from './outcome.repository.js';

const REQUIRED = ['external_id', 'opened_at'] as const;
const COLUMNS = new Set(['external_id', 'opened_at', 'launch_key', 'priority', 'url']);

/** A line of the file that cannot be stored; nothing from the file was. */
export class CsvImportError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvImportError';
  }
}

export interface CsvImportResult {
  rows: number;
  created: number;
  updated: number;
}

/**
 * Loads a CSV export (header row; external_id, opened_at, launch_key, priority, url) as
 * tickets of `source`, through the rules of recordSupportTickets, in one transaction of
 * any size: rows are streamed and written in batches, and the first bad line rolls the
 * whole file back.
 */
export async function importTicketCsv(
  repo: OutcomeRepository,
  source: string,
  input: Readable,
  now = new Date().toISOString(),
): Promise<CsvImportResult> {
  if (!OUTCOME_LIMITS.source.test(source)) {
    throw new CsvImportError(0, 'the source must be 1 to 50 of a-z, 0-9, "_" and "-"');
  }
  return repo.db.transaction(async (tx) => {
    // Piped only now, as it is iterated: a parse error then has a listener.
    const parser = input.pipe(
      parse({ columns: header, info: true, skip_empty_lines: true, bom: true }),
    );
    const result: CsvImportResult = { rows: 0, created: 0, updated: 0 };
    let batch = new Map<string, { ticket: Ticket; line: number }>();
    const flush = async () => {
      if (batch.size === 0) return;
      const entries = [...batch.values()];
      batch = new Map();
      const tickets = entries.map((e) => e.ticket);
      const keys = launchKeysOf(tickets);
      const known = await repo.knownKeys(tx, keys);
      const stray = entries.find((e) => e.ticket.launchKey && !known.has(e.ticket.launchKey));
      if (stray) {
        throw new CsvImportError(
          stray.line,
          `no launch or baseline launch has the key "${stray.ticket.launchKey}"`,
        );
      }
      const { created, updated } = await repo.upsertTickets(tx, tickets);
      result.created += created;
      result.updated += updated;
    };
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number };
      }>) {
        result.rows += 1;
        let ticket: Ticket;
        try {
          ticket = normalizeTicket(
            {
              source,
              externalId: record.external_id ?? '',
              openedAt: (record.opened_at ?? '').trim(),
              launchKey: record.launch_key,
              priority: record.priority,
              url: record.url,
            },
            now,
            'row',
          );
        } catch (error) {
          if (error instanceof WorkflowError) throw new CsvImportError(info.lines, error.message);
          throw error;
        }
        // Within a batch the last copy wins, as in one recordSupportTickets call.
        const id = JSON.stringify([ticket.source, ticket.externalId]);
        batch.delete(id);
        batch.set(id, { ticket, line: info.lines });
        if (batch.size >= OUTCOME_LIMITS.batch) await flush();
      }
      await flush();
    } catch (error) {
      if (error instanceof CsvImportError) throw error;
      const lines = (error as { lines?: number }).lines;
      if (typeof lines === 'number') throw new CsvImportError(lines, (error as Error).message);
      throw error;
    }
    return result;
  });
}

/** The header row: the known columns, external_id and opened_at among them. */
function header(names: string[]): string[] {
  const columns = names.map((n) => n.trim().toLowerCase());
  const unknown = columns.filter((c) => !COLUMNS.has(c));
  if (unknown.length > 0) throw new CsvImportError(1, `unknown column "${unknown[0]}"`);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new CsvImportError(1, `the header lacks "${missing[0]}"`);
  return columns;
}
