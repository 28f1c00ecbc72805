import { DataSource } from 'typeorm';
import { HealthRepository } from '../../apps/api/src/health/health.repository.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

describe('HealthRepository', () => {
  const database = useRepositoryDatabase('health_repo');

  it('ping resolves while the database answers', async () => {
    await expect(new HealthRepository(database.dataSource).ping()).resolves.toBeUndefined();
  });

  it('ping rejects once its connection pool is gone', async () => {
    const closed = new DataSource({ type: 'postgres', url: database.url });
    await closed.initialize();
    await closed.destroy();
    await expect(new HealthRepository(closed).ping()).rejects.toThrow();
  });
});
