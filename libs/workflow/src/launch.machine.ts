import { isGatedStage, nextStage, stageIndex } from '#checklists';
import type { Stage } from '#checklists';
import { and, assign, setup } from 'xstate';
import { isBlank } from './command.validation.js';
import type { CreatedEvent, LaunchMachineEvent } from './launch.events.js';
import { evolve, stateFromCreated } from './launch.reducers.js';
import type { ChecklistItemState, LaunchState } from './launch.types.js';
import { isGateSatisfied, openRequiredItems } from './readiness.js';
import { WorkflowError } from './workflow.errors.js';

/** Bump when the machine or LaunchState changes shape, and add a migration (launch.snapshot.ts). */
export const MACHINE_VERSION = 3;

function itemOf(context: LaunchState, event: LaunchMachineEvent): ChecklistItemState | undefined {
  if (
    event.type !== 'ITEM_COMPLETED' &&
    event.type !== 'ITEM_WAIVED' &&
    event.type !== 'ITEM_REOPENED'
  ) {
    return undefined;
  }
  return context.items.find((i) => i.id === event.data.itemId);
}

function notPast(context: LaunchState, stage: Stage): boolean {
  return stageIndex(stage) >= stageIndex(context.stage);
}

/**
 * XState's pure transition() builds, and throws away, an actor without input on every call;
 * a launch has no state without its CREATED event. Thrown as one prepared error, since a
 * new error per event (its stack captured) was most of the cost of applying an event.
 */
const NO_CREATED_EVENT = WorkflowError.internal('A launch starts from its CREATED event.');

/*
 * The launch lifecycle. Its events are the domain events (CREATED is its input), its
 * context is the LaunchState, and one assign reducer applies every accepted event.
 * Guards re-check the structural rules so that an event decide() should never have
 * produced is refused rather than silently applied; the full rules (who may act,
 * precedence of errors, messages) live in decide().
 */
const launchSetup = setup({
  types: {
    context: {} as LaunchState,
    events: {} as LaunchMachineEvent,
    input: {} as CreatedEvent,
  },
  guards: {
    /** The same predicate readiness uses, evaluated at the moment of advancing. */
    gateSatisfied: ({ context, event }) =>
      event.type === 'ADVANCED' &&
      event.data.from === context.stage &&
      event.data.to === nextStage(context.stage) &&
      isGateSatisfied(context, event.at),
    itemIsOpen: ({ context, event }) => itemOf(context, event)?.status === 'OPEN',
    itemIsClosed: ({ context, event }) => {
      const item = itemOf(context, event);
      return item !== undefined && item.status !== 'OPEN';
    },
    itemNotInPastStage: ({ context, event }) => {
      const item = itemOf(context, event);
      return item !== undefined && notPast(context, item.stage);
    },
    newItemFits: ({ context, event }) =>
      event.type === 'ITEM_ADDED' &&
      isGatedStage(event.data.item.stage) &&
      notPast(context, event.data.item.stage) &&
      !context.items.some((i) => i.id === event.data.item.id),
    signOffWellFormed: ({ context, event }) =>
      (event.type === 'SIGNED_GO' || event.type === 'SIGNED_NO_GO') &&
      event.team !== null &&
      event.actorId !== null &&
      !context.signOffs.some((s) => s.id === event.data.signOffId),
    teamItemsDone: ({ context, event }) =>
      event.type === 'SIGNED_GO' &&
      event.team !== null &&
      openRequiredItems(context, context.stage, event.team).length === 0,
    noGoHasComment: ({ event }) => event.type === 'SIGNED_NO_GO' && !isBlank(event.data.comment),
    /** An expiry notice names an ACTIVE GO of the stage the launch is in. */
    goOnThisStage: ({ context, event }) =>
      event.type === 'SIGN_OFF_EXPIRED' &&
      context.signOffs.some(
        (s) =>
          s.id === event.data.signOffId &&
          s.stage === context.stage &&
          s.decision === 'GO' &&
          s.status === 'ACTIVE',
      ),
    /** A heads-up names the stage the launch is in (decide() appends it after the change). */
    /** Measured once the launch is at GA (the API's timer appends it once). */
    outcomeOfThisLaunch: ({ context, event }) =>
      event.type === 'OUTCOME_MEASURED' && event.actorId === null && context.stage === 'GA',
    headsUpForThisStage: ({ context, event }) =>
      event.type === 'SUPPORT_HEADS_UP' && event.data.stage === context.stage,
    earlyAccessNotGranted: ({ context, event }) =>
      event.type === 'EARLY_ACCESS_GRANTED' &&
      event.actorId !== null &&
      context.earlyAccess === null,
  },
  actions: {
    evolve: assign(({ context, event }) => evolve(context, event)),
  },
});

/** What every non-final state accepts besides its own ADVANCED. */
const workOnTheGate = {
  UPDATED: { actions: 'evolve' },
  ITEM_ADDED: { guard: 'newItemFits', actions: 'evolve' },
  ITEM_COMPLETED: { guard: and(['itemIsOpen', 'itemNotInPastStage']), actions: 'evolve' },
  ITEM_WAIVED: { guard: and(['itemIsOpen', 'itemNotInPastStage']), actions: 'evolve' },
  ITEM_REOPENED: { guard: and(['itemIsClosed', 'itemNotInPastStage']), actions: 'evolve' },
  SIGNED_GO: { guard: and(['signOffWellFormed', 'teamItemsDone']), actions: 'evolve' },
  SIGNED_NO_GO: { guard: and(['signOffWellFormed', 'noGoHasComment']), actions: 'evolve' },
  CANCELLED: { target: '#launch.CANCELLED', actions: 'evolve' },
  COMMENTED: { actions: 'evolve' },
  BLOCK_ESCALATED: { actions: 'evolve' },
  AT_RISK: { actions: 'evolve' },
  SIGN_OFF_EXPIRED: { guard: 'goOnThisStage', actions: 'evolve' },
  SUPPORT_HEADS_UP: { guard: 'headsUpForThisStage', actions: 'evolve' },
} as const;

/** Early access is granted from BETA on, once. */
const earlyAccess = {
  EARLY_ACCESS_GRANTED: { guard: 'earlyAccessNotGranted', actions: 'evolve' },
} as const;

export const launchMachine = launchSetup.createMachine({
  id: 'launch',
  context: ({ input }) => {
    if (input === undefined) throw NO_CREATED_EVENT;
    return stateFromCreated(input);
  },
  initial: 'PLANNING',
  states: {
    PLANNING: {
      on: {
        ...workOnTheGate,
        ADVANCED: { target: 'ALPHA', guard: 'gateSatisfied', actions: 'evolve' },
      },
    },
    ALPHA: {
      on: {
        ...workOnTheGate,
        ADVANCED: { target: 'BETA', guard: 'gateSatisfied', actions: 'evolve' },
      },
    },
    BETA: {
      on: {
        ...workOnTheGate,
        ...earlyAccess,
        ADVANCED: { target: 'DOCS_READY', guard: 'gateSatisfied', actions: 'evolve' },
      },
    },
    DOCS_READY: {
      on: {
        ...workOnTheGate,
        ...earlyAccess,
        ADVANCED: { target: 'SUPPORT_TRAINED', guard: 'gateSatisfied', actions: 'evolve' },
      },
    },
    SUPPORT_TRAINED: {
      on: {
        ...workOnTheGate,
        ...earlyAccess,
        ADVANCED: { target: 'GA', guard: 'gateSatisfied', actions: 'evolve' },
      },
    },
    // Final: nothing changes gate state any more; a comment only moves updatedAt, and so
    // do the heads-up that the advance into GA carries in the same change and the outcome
    // measured when the first window after GA completes.
    GA: {
      type: 'final',
      on: {
        COMMENTED: { actions: 'evolve' },
        SUPPORT_HEADS_UP: { guard: 'headsUpForThisStage', actions: 'evolve' },
        OUTCOME_MEASURED: { guard: 'outcomeOfThisLaunch', actions: 'evolve' },
      },
    },
    CANCELLED: { type: 'final', on: { COMMENTED: { actions: 'evolve' } } },
  },
});
