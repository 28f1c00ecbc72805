import type { Actor, TokenLimits } from './actor.js';
import {
  identityRefusal,
  userUpdate,
  deactivationRefusal,
  type UserFacts,
} from './identity.rules.js';
import { authorize, viewerCan } from './permissions.js';
import { act, admin, createdLaunch, item, member, refusal, state } from './test-helpers.js';
import { tokenGrant, tokenGrantRefusal, tokenScopes } from './token-limits.rules.js';
import { webhookRefusal } from './webhook.rules.js';
import { WorkflowError } from './workflow.errors.js';

const NOW = new Date('2030-01-01T09:00:00.000Z');

function scoped(actor: Actor, limits: Partial<TokenLimits>): Actor {
  return {
    ...actor,
    limits: {
      tokenId: 'tok-1',
      scopes: null,
      teams: null,
      launchIds: null,
      expiresAt: null,
      ...limits,
    },
  };
}

describe('a token limited to ITEMS, ENGINEERING and one launch (the CI token)', () => {
  const launch = createdLaunch({ template: 'standard' });
  const id = state(launch).id;
  const ci = scoped(admin, { scopes: ['ITEMS'], teams: ['ENGINEERING'], launchIds: [id] });
  const engineering = item(launch, { stage: 'PLANNING', team: 'ENGINEERING' });
  const product = item(launch, { stage: 'PLANNING', team: 'PRODUCT' });

  it('completes an engineering item with evidence', () => {
    const after = act(launch, ci, {
      type: 'COMPLETE_ITEM',
      itemId: engineering.id,
      evidenceUrl: 'https://ci.example.com/runs/42',
    });
    expect(item(after, { id: engineering.id }).status).toBe('DONE');
  });

  it('is refused a product item, a sign-off, a comment and a waiver, naming what is missing', () => {
    const refused = (command: Parameters<typeof refusal>[2]) => {
      const error = refusal(launch, ci, command);
      return [error.code, error.message];
    };
    expect(refused({ type: 'COMPLETE_ITEM', itemId: product.id })).toEqual([
      'FORBIDDEN',
      'This token acts only for ENGINEERING, not for PRODUCT.',
    ]);
    expect(
      refused({ type: 'SIGN_OFF', team: 'ENGINEERING', decision: 'NO_GO', comment: 'x' }),
    ).toEqual(['FORBIDDEN', 'This token lacks the SIGN_OFF scope.']);
    expect(refused({ type: 'COMMENT', body: 'hello' })).toEqual([
      'FORBIDDEN',
      'This token lacks the COMMENT scope.',
    ]);
    expect(refused({ type: 'WAIVE_ITEM', itemId: engineering.id, reason: 'r' })).toEqual([
      'FORBIDDEN',
      'This token lacks the MANAGE scope.',
    ]);
  });

  it('is refused another launch, and mutations that name no launch', () => {
    const other = createdLaunch({ template: 'standard', id: 'launch-2', key: 'other-launch' });
    const otherItem = item(other, { stage: 'PLANNING', team: 'ENGINEERING' });
    expect(refusal(other, ci, { type: 'COMPLETE_ITEM', itemId: otherItem.id }).message).toBe(
      'This token is limited to other launches.',
    );
    const creator = scoped(admin, { launchIds: [id] });
    expect(act(launch, creator, { type: 'UPDATE', changes: { name: 'Renamed' } })).toBeDefined();
    expect(
      authorize(creator, { type: 'CREATE', id: 'l-2', key: 'new-one', name: 'New' }, null)?.message,
    ).toBe('This token is limited to some launches; this mutation names none.');
    expect(identityRefusal(creator, { type: 'CREATE_USER' })).toBe(
      'This token is limited to some launches; this mutation names none.',
    );
    expect(webhookRefusal(creator, { type: 'CREATE_WEBHOOK' })).toBe(
      'This token is limited to some launches; this mutation names none.',
    );
    expect(webhookRefusal(creator, { type: 'LIST_WEBHOOKS' })).toBeNull();
  });

  it('viewerCan answers for the token, not its user', () => {
    expect(viewerCan(ci, launch.snapshot)).toEqual({
      advance: false,
      cancel: false,
      update: false,
      addItem: false,
      grantEarlyAccess: false,
      comment: false,
      signFor: [],
      completeFor: ['ENGINEERING'],
      reopenFor: ['ENGINEERING'],
      waive: false,
      overrideFreeze: false,
    });
  });

  it('never does more than its user', () => {
    const memberToken = scoped(member('SUPPORT'), { scopes: ['ITEMS'] });
    expect(viewerCan(memberToken, launch.snapshot).completeFor).toEqual(['SUPPORT']);
  });
});

describe('identity commands for tokens', () => {
  const manage = scoped(admin, { scopes: ['MANAGE'] });
  const items = scoped(admin, { scopes: ['ITEMS'] });

  it('reading needs no scope; managing needs MANAGE; any token revokes itself', () => {
    expect(identityRefusal(items, { type: 'LIST_USERS' })).toBeNull();
    expect(identityRefusal(items, { type: 'CREATE_USER' })).toBe(
      'This token lacks the MANAGE scope.',
    );
    expect(identityRefusal(manage, { type: 'CREATE_USER' })).toBeNull();
    const self = scoped(member('PRODUCT'), { scopes: ['READ'] });
    expect(
      identityRefusal(self, { type: 'REVOKE_API_TOKEN', ownerId: self.id, tokenId: 'tok-1' }),
    ).toBeNull();
    expect(
      identityRefusal(self, { type: 'REVOKE_API_TOKEN', ownerId: self.id, tokenId: 'tok-2' }),
    ).toBe('This token lacks the MANAGE scope.');
  });
});

describe('tokenGrant and tokenGrantRefusal', () => {
  const ctx = { now: NOW, unknownLaunchIds: [] };
  const bad = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof WorkflowError) return [error.code, error.field];
      throw error;
    }
    throw new Error('accepted');
  };

  it('refuses empty lists, unknown values, unknown launches and a past expiry (BAD_USER_INPUT)', () => {
    expect(bad(() => tokenGrant({ scopes: [] }, ctx))).toEqual(['BAD_USER_INPUT', 'scopes']);
    expect(bad(() => tokenGrant({ scopes: ['ROOT'] }, ctx))).toEqual(['BAD_USER_INPUT', 'scopes']);
    expect(bad(() => tokenGrant({ teams: [] }, ctx))).toEqual(['BAD_USER_INPUT', 'teams']);
    expect(bad(() => tokenGrant({ launchIds: [] }, ctx))).toEqual(['BAD_USER_INPUT', 'launchIds']);
    expect(
      bad(() => tokenGrant({ launchIds: ['x'] }, { now: NOW, unknownLaunchIds: ['x'] })),
    ).toEqual(['BAD_USER_INPUT', 'launchIds']);
    expect(bad(() => tokenGrant({ expiresAt: NOW }, ctx))).toEqual(['BAD_USER_INPUT', 'expiresAt']);
  });

  it('keeps what is given, de-duplicated, in the enum order; null means every scope', () => {
    expect(tokenGrant({ scopes: ['SIGN_OFF', 'ITEMS', 'ITEMS'] }, ctx).scopes).toEqual([
      'ITEMS',
      'SIGN_OFF',
    ]);
    expect(tokenGrant({}, ctx)).toEqual({
      scopes: null,
      teams: null,
      launchIds: null,
      expiresAt: null,
    });
    expect(tokenScopes(null)).toEqual([
      'READ',
      'COMMENT',
      'ITEMS',
      'SIGN_OFF',
      'MANAGE',
      'TICKETS',
    ]);
  });

  it('a token mints only a subset of itself, and no later expiry', () => {
    const minter = scoped(admin, {
      scopes: ['MANAGE', 'ITEMS'],
      teams: ['PRODUCT'],
      launchIds: ['l-1'],
      expiresAt: new Date('2030-02-01T00:00:00.000Z'),
    });
    const within = {
      scopes: ['ITEMS', 'READ'] as const,
      teams: ['PRODUCT'] as const,
      launchIds: ['l-1'],
      expiresAt: new Date('2030-01-15T00:00:00.000Z'),
    };
    expect(tokenGrantRefusal(minter, within)).toBeNull();
    expect(tokenGrantRefusal(minter, { ...within, scopes: null })).toMatch(/own scopes/);
    expect(tokenGrantRefusal(minter, { ...within, scopes: ['SIGN_OFF'] })).toMatch(/own scopes/);
    expect(tokenGrantRefusal(minter, { ...within, teams: ['SUPPORT'] })).toMatch(/own teams/);
    expect(tokenGrantRefusal(minter, { ...within, launchIds: null })).toMatch(/launchIds/);
    expect(tokenGrantRefusal(minter, { ...within, expiresAt: null })).toMatch(/expiry/);
    expect(
      identityRefusal(minter, { type: 'CREATE_API_TOKEN', userId: admin.id, grant: within }),
    ).toBe('This token is limited to some launches; this mutation names none.');
    expect(tokenGrantRefusal(admin, { ...within, scopes: null })).toBeNull();
  });
});

describe('people over their lifetime', () => {
  const user = (facts: Partial<UserFacts> = {}): UserFacts => ({
    id: 'u-x',
    name: 'X',
    role: 'MEMBER',
    teams: ['PRODUCT'],
    active: true,
    providerManaged: false,
    ...facts,
  });
  const code = (fn: () => unknown) => {
    try {
      fn();
      return 'ok';
    } catch (error) {
      if (error instanceof WorkflowError) return error.code;
      throw error;
    }
  };

  it('an admin changes anything; a user its own name only; current values are no change', () => {
    expect(userUpdate(admin, user(), { role: 'COORDINATOR', teams: ['PRODUCT'] }, 2)).toEqual({
      role: 'COORDINATOR',
    });
    const self: Actor = { id: 'u-x', role: 'MEMBER', teams: ['PRODUCT'] };
    expect(userUpdate(self, user(), { name: ' New ', role: 'MEMBER' }, 2)).toEqual({ name: 'New' });
    expect(code(() => userUpdate(self, user(), { role: 'ADMIN' }, 2))).toBe('FORBIDDEN');
    expect(code(() => userUpdate(member('PRODUCT'), user(), { name: 'Y' }, 2))).toBe('FORBIDDEN');
  });

  it('role and teams of a provider-managed user are the provider’s (BAD_USER_INPUT)', () => {
    const managed = user({ providerManaged: true });
    expect(code(() => userUpdate(admin, managed, { teams: ['SUPPORT'] }, 2))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      userUpdate(admin, managed, { name: 'Y', role: 'MEMBER', teams: ['PRODUCT'] }, 2),
    ).toEqual({ name: 'Y' });
  });

  it('the last active admin is neither demoted nor deactivated (CONFLICT)', () => {
    const last = user({ id: admin.id, role: 'ADMIN' });
    expect(code(() => userUpdate(admin, last, { role: 'VIEWER' }, 1))).toBe('CONFLICT');
    expect(code(() => userUpdate(admin, last, { role: 'VIEWER' }, 2))).toBe('ok');
    expect(deactivationRefusal(admin, last, 1)?.code).toBe('CONFLICT');
    expect(deactivationRefusal(admin, last, 2)).toBeNull();
    expect(deactivationRefusal(member('PRODUCT'), user(), 2)?.code).toBe('FORBIDDEN');
  });
});
