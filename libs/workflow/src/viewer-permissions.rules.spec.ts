import type { Actor } from './actor.js';
import { viewerPermissions } from './viewer-permissions.rules.js';

const as = (role: Actor['role'], limits?: Actor['limits']): Actor => ({
  id: 'u',
  role,
  teams: ['SUPPORT'],
  ...(limits ? { limits } : {}),
});

describe('what the caller may do outside any one launch', () => {
  it('follows the role', () => {
    expect(viewerPermissions(as('ADMIN'))).toEqual({
      createLaunch: true,
      manageUsers: true,
      manageWebhooks: true,
      manageTemplates: true,
      manageFreezeWindows: true,
    });
    expect(viewerPermissions(as('COORDINATOR'))).toEqual({
      createLaunch: true,
      manageUsers: false,
      manageWebhooks: true,
      manageTemplates: false,
      manageFreezeWindows: false,
    });
    for (const role of ['MEMBER', 'VIEWER'] as const) {
      expect(viewerPermissions(as(role))).toEqual({
        createLaunch: false,
        manageUsers: false,
        manageWebhooks: false,
        manageTemplates: false,
        manageFreezeWindows: false,
      });
    }
  });

  it('answers for a scoped token: without MANAGE an admin token creates no launch or template', () => {
    const token = {
      tokenId: 't',
      scopes: ['ITEMS'] as const,
      teams: null,
      launchIds: null,
      expiresAt: null,
    };
    const can = viewerPermissions(as('ADMIN', { ...token, scopes: [...token.scopes] }));
    expect(can.createLaunch).toBe(false);
    expect(can.manageTemplates).toBe(false);
    expect(can.manageFreezeWindows).toBe(false);
    expect(
      viewerPermissions(as('ADMIN', { ...token, scopes: ['MANAGE'] })).manageFreezeWindows,
    ).toBe(true);
  });
});
