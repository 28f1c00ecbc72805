import type { Actor } from './actor.js';
import { freezeWindowCommandRefusal } from './freeze-window.rules.js';
import { mayManageIdentity } from './identity.rules.js';
import { mayAct } from './permissions.js';
import { templateCommandRefusal } from './template.rules.js';
import { MANAGE_TARGET, tokenRefusal } from './token-limits.rules.js';
import { mayManageWebhooks } from './webhook.rules.js';

/** What the caller may do outside any one launch, from the rules that enforce it. */
export interface ViewerPermissions {
  readonly createLaunch: boolean;
  readonly manageUsers: boolean;
  readonly manageWebhooks: boolean;
  readonly manageTemplates: boolean;
  readonly manageFreezeWindows: boolean;
}

export function viewerPermissions(actor: Actor): ViewerPermissions {
  return {
    // Creating a launch names no launch yet: the token needs MANAGE (COMMAND_SCOPES.CREATE).
    createLaunch: mayAct(actor, 'CREATE', null) && tokenRefusal(actor, MANAGE_TARGET) === null,
    manageUsers: mayManageIdentity(actor, { type: 'LIST_USERS' }),
    manageWebhooks: mayManageWebhooks(actor, { type: 'LIST_WEBHOOKS' }),
    manageTemplates: templateCommandRefusal(actor, { type: 'CREATE_TEMPLATE' }) === null,
    manageFreezeWindows: freezeWindowCommandRefusal(actor) === null,
  };
}
