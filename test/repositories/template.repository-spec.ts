import { checkTemplateInput } from '#workflow';
import type { TemplateDefinition } from '#workflow';
import { TemplateRepository } from '../../apps/api/src/templates/template.repository.js';
import { LaunchFixture } from '../support/launch-fixture.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

const STAGES = ['PLANNING', 'ALPHA', 'BETA', 'DOCS_READY', 'SUPPORT_TRAINED'];

function definition(name: string, goValidDays: number | null): TemplateDefinition {
  const { definition: d } = checkTemplateInput({
    name,
    items: STAGES.map((stage) => ({ stage, team: 'PRODUCT', title: `Done in ${stage}` })),
    policy: { goValidDays },
  });
  if (!d) throw new Error('invalid test template');
  return d;
}

describe('TemplateRepository', () => {
  const database = useRepositoryDatabase('template_repo');
  let repo: TemplateRepository;
  let adminId: string;

  beforeAll(async () => {
    repo = new TemplateRepository(database.dataSource);
    adminId = (await new LaunchFixture(database.dataSource).actor('ADMIN')).id;
  });

  it('holds the built-ins as version 1 with the default policy and no creator', async () => {
    const standard = await repo.find('standard', null);
    expect(standard).toMatchObject({ version: 1, archived: false, createdById: null });
    expect(standard?.policy).toEqual({
      approvals: [],
      goValidDays: null,
      distinctApprovers: false,
      coordinatorMayApprove: true,
      supportLeadDays: 5,
      minSupportLeadDays: 0,
      blockResponseHours: 24,
    });
    expect((await repo.latestOfEach()).map((t) => t.name)).toEqual(
      expect.arrayContaining(['lite', 'standard']),
    );
  });

  it('claims a name once, numbers versions, finds one or the latest, archives once', async () => {
    const at = new Date('2031-01-01T00:00:00.000Z');
    await database.dataSource.transaction(async (tx) => {
      expect(await repo.claimName(tx, 'acme')).toBe(true);
      expect(await repo.claimName(tx, 'acme')).toBe(false);
      await repo.insertVersion(tx, definition('acme', null), 1, adminId, at);
    });
    await database.dataSource.transaction(async (tx) => {
      expect(await repo.lock(tx, 'acme')).toEqual({ archived: false });
      expect(await repo.lock(tx, 'nothing-here')).toBeNull();
      await repo.insertVersion(tx, definition('acme', 7), 2, adminId, at);
    });
    expect((await repo.versions('acme')).map((v) => [v.version, v.policy.goValidDays])).toEqual([
      [1, null],
      [2, 7],
    ]);
    expect(await repo.find('acme', 1)).toMatchObject({ version: 1, createdById: adminId });
    expect(await repo.find('acme', null)).toMatchObject({
      version: 2,
      createdAt: at.toISOString(),
    });
    expect(await repo.find('acme', 3)).toBeNull();
    const later = new Date('2031-02-01T00:00:00.000Z');
    await database.dataSource.transaction((tx) => repo.archive(tx, 'acme', adminId, at));
    await database.dataSource.transaction((tx) => repo.archive(tx, 'acme', adminId, later));
    const rows: { archived_at: Date }[] = await database.dataSource.query(
      `SELECT archived_at FROM checklist_template WHERE name = 'acme'`,
    );
    expect(rows[0]?.archived_at.toISOString()).toBe(at.toISOString());
    expect((await repo.latestOfEach()).find((t) => t.name === 'acme')).toMatchObject({
      version: 2,
      archived: true,
    });
  });
});
