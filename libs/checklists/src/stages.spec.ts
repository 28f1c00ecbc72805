import { GATED_STAGES, STAGES, TEAMS, isFinalStage, nextStage, stageIndex } from './stages.js';

describe('stages', () => {
  it('keeps the canonical orders', () => {
    expect(TEAMS).toEqual(['PRODUCT', 'ENGINEERING', 'SUPPORT']);
    expect(GATED_STAGES).toEqual(STAGES.filter((s) => !isFinalStage(s)));
  });

  it('leads through the gates to GA and nowhere after a final stage', () => {
    const path = [];
    for (let s: (typeof STAGES)[number] | null = 'PLANNING'; s; s = nextStage(s)) path.push(s);
    expect(path).toEqual(['PLANNING', 'ALPHA', 'BETA', 'DOCS_READY', 'SUPPORT_TRAINED', 'GA']);
    expect(nextStage('CANCELLED')).toBeNull();
    expect(stageIndex('ALPHA')).toBeLessThan(stageIndex('BETA'));
  });
});
