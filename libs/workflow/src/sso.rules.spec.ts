import { mappedAccess, signInRole, type GroupMapping } from './sso.rules.js';

const mapping: GroupMapping = {
  roleGroups: [
    { group: 'admins', key: 'ADMIN' },
    { group: 'pmo', key: 'COORDINATOR' },
    { group: 'readers', key: 'VIEWER' },
  ],
  teamGroups: [
    { group: 'support', key: 'SUPPORT' },
    { group: 'eng', key: 'ENGINEERING' },
  ],
};

describe('mappedAccess', () => {
  it('gives the highest mapped role and the mapped teams', () => {
    expect(mappedAccess(['readers', 'pmo', 'eng', 'other'], mapping)).toEqual({
      role: 'COORDINATOR',
      teams: ['ENGINEERING'],
    });
    expect(mappedAccess(['admins', 'readers'], mapping)).toEqual({ role: 'ADMIN', teams: [] });
  });

  it('MEMBER for a team group without a role group, VIEWER for neither', () => {
    expect(mappedAccess(['support'], mapping)).toEqual({ role: 'MEMBER', teams: ['SUPPORT'] });
    expect(mappedAccess([], mapping)).toEqual({ role: 'VIEWER', teams: [] });
  });

  it('is null without any mapping: admins manage roles', () => {
    expect(mappedAccess(['admins'], { roleGroups: [], teamGroups: [] })).toBeNull();
  });
});

describe('signInRole', () => {
  it('never demotes the last active admin', () => {
    expect(signInRole({ role: 'ADMIN', active: true }, 'VIEWER', 1)).toEqual({
      role: 'ADMIN',
      keptAdmin: true,
    });
    expect(signInRole({ role: 'ADMIN', active: true }, 'VIEWER', 2)).toEqual({
      role: 'VIEWER',
      keptAdmin: false,
    });
    expect(signInRole({ role: 'MEMBER', active: true }, 'COORDINATOR', 1)).toEqual({
      role: 'COORDINATOR',
      keptAdmin: false,
    });
  });
});
