import { DEFAULT_GATE_POLICY } from '#checklists';
import type { CreatedEvent, DomainEvent, LaunchMachineEvent } from './launch.events.js';
import type { ChecklistItemState, LaunchState, SignOffState } from './launch.types.js';
import { WorkflowError } from './workflow.errors.js';

/*
 * How each event changes a launch. Reducers trust the event's data (decide() already
 * checked the rules, the machine's guards re-check the structural ones), so replaying a
 * log reproduces the state exactly: nothing is recomputed from the clock.
 */

export function stateFromCreated(event: CreatedEvent): LaunchState {
  const d = event.data;
  return {
    id: d.id,
    key: d.key,
    name: d.name,
    description: d.description,
    stage: 'PLANNING',
    coordinatorId: d.coordinatorId,
    targetGaDate: d.targetGaDate,
    supportLeadDays: d.supportLeadDays,
    blockResponseHours: d.blockResponseHours,
    template: d.template,
    templateVersion: d.templateVersion ?? 1,
    policy: d.policy ?? DEFAULT_GATE_POLICY,
    createdAt: event.at,
    updatedAt: event.at,
    earlyAccess: null,
    items: sortItems(d.items.map(openItem)),
    signOffs: [],
  };
}

function openItem(item: DomainEvent<'ITEM_ADDED'>['data']['item']): ChecklistItemState {
  return {
    ...item,
    status: 'OPEN',
    evidenceUrl: null,
    note: null,
    completedById: null,
    completedAt: null,
  };
}

function sortItems(items: ChecklistItemState[]): ChecklistItemState[] {
  return items.sort((a, b) => a.position - b.position);
}

function updateItem(
  state: LaunchState,
  itemId: string,
  change: (item: ChecklistItemState) => ChecklistItemState,
): readonly ChecklistItemState[] {
  return state.items.map((i) => (i.id === itemId ? change(i) : i));
}

/**
 * A superseded sign-off leaves the launch's state: the rules only ever read standing ones,
 * and the history lives in the events (signOffHistory) and the API's sign_off rows, so a
 * launch's snapshot does not grow with every sign-off ever made.
 */
function supersede(state: LaunchState, ids: readonly string[]): readonly SignOffState[] {
  if (ids.length === 0) return state.signOffs;
  return state.signOffs.filter((s) => !ids.includes(s.id));
}

/** The machine's guards reject events lacking these; this only keeps the types honest. */
function must<T>(value: T | null, what: string): T {
  if (value === null) throw WorkflowError.internal(`The event has no ${what}.`);
  return value;
}

function touched(state: LaunchState, event: LaunchMachineEvent): LaunchState {
  return { ...state, updatedAt: event.at };
}

export function evolve(state: LaunchState, event: LaunchMachineEvent): LaunchState {
  const base = touched(state, event);
  switch (event.type) {
    case 'UPDATED':
      return { ...base, ...event.data.changes };
    case 'ITEM_ADDED':
      return {
        ...base,
        items: sortItems([...state.items, openItem(event.data.item)]),
        signOffs: supersede(state, event.data.supersededSignOffIds),
      };
    case 'ITEM_COMPLETED':
      return {
        ...base,
        items: updateItem(state, event.data.itemId, (i) => ({
          ...i,
          status: 'DONE',
          evidenceUrl: event.data.evidenceUrl,
          note: event.data.note,
          completedById: event.actorId,
          completedAt: event.at,
        })),
      };
    case 'ITEM_WAIVED':
      return {
        ...base,
        items: updateItem(state, event.data.itemId, (i) => ({
          ...i,
          status: 'WAIVED',
          evidenceUrl: null,
          note: event.data.reason,
          completedById: event.actorId,
          completedAt: event.at,
        })),
      };
    case 'ITEM_REOPENED':
      return {
        ...base,
        items: updateItem(state, event.data.itemId, (i) => ({
          ...i,
          status: 'OPEN',
          evidenceUrl: null,
          note: null,
          completedById: null,
          completedAt: null,
        })),
        signOffs: supersede(state, event.data.supersededSignOffIds),
      };
    case 'SIGNED_GO':
    case 'SIGNED_NO_GO': {
      const signOff: SignOffState = {
        id: event.data.signOffId,
        stage: state.stage,
        team: must(event.team, 'team'),
        decision: event.type === 'SIGNED_GO' ? 'GO' : 'NO_GO',
        comment: event.data.comment,
        signedById: must(event.actorId, 'actorId'),
        signedAt: event.at,
        status: 'ACTIVE',
        override: event.type === 'SIGNED_GO' ? event.data.override : false,
      };
      return {
        ...base,
        signOffs: [...supersede(state, event.data.supersededSignOffIds), signOff],
      };
    }
    case 'ADVANCED':
      return { ...base, stage: event.data.to };
    case 'CANCELLED':
      return { ...base, stage: 'CANCELLED' };
    case 'EARLY_ACCESS_GRANTED':
      return {
        ...base,
        earlyAccess: {
          grantedAt: event.at,
          grantedById: must(event.actorId, 'actorId'),
          url: event.data.url,
          notes: event.data.notes,
        },
      };
    case 'COMMENTED':
    case 'BLOCK_ESCALATED':
    case 'AT_RISK':
    case 'SUPPORT_HEADS_UP':
    case 'OUTCOME_MEASURED':
    case 'SIGN_OFF_EXPIRED':
      return base;
  }
}
