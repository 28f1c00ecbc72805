import type { DataSource } from 'typeorm';

/** Installation-wide secrets (app_secret), shared by every API process. */
export class AppSecretRepository {
  constructor(private readonly db: DataSource) {}

  /** The secret called `name`, stored as `candidate` by whichever process asked first. */
  async getOrCreate(name: string, candidate: string): Promise<string> {
    await this.db.query(
      `INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [name, candidate],
    );
    const [row] = (await this.db.query(`SELECT value FROM app_secret WHERE name = $1`, [name])) as [
      { value: string },
    ];
    return row.value;
  }
}
