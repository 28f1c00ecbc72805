import type { Requirement } from './launch.types.js';

/** Codes in precedence order (GATES.md): when several apply, the first wins. INTERNAL is a bug. */
export const WorkflowErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  GATE_NOT_SATISFIED: 'GATE_NOT_SATISFIED',
  INTERNAL: 'INTERNAL',
} as const;
export type WorkflowErrorCode = (typeof WorkflowErrorCode)[keyof typeof WorkflowErrorCode];

export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
    /** The input field at fault (BAD_USER_INPUT, or the CONFLICT of a taken key). */
    readonly field?: string,
    /** Every unmet requirement (GATE_NOT_SATISFIED), as readiness lists them. */
    readonly missing?: readonly Requirement[],
  ) {
    super(message);
    this.name = 'WorkflowError';
  }

  static badInput(field: string, message: string): WorkflowError {
    return new WorkflowError(WorkflowErrorCode.BAD_USER_INPUT, message, field);
  }

  static notFound(message: string): WorkflowError {
    return new WorkflowError(WorkflowErrorCode.NOT_FOUND, message);
  }

  static forbidden(message: string): WorkflowError {
    return new WorkflowError(WorkflowErrorCode.FORBIDDEN, message);
  }

  static conflict(message: string, field?: string): WorkflowError {
    return new WorkflowError(WorkflowErrorCode.CONFLICT, message, field);
  }

  static invalidTransition(message: string): WorkflowError {
    return new WorkflowError(WorkflowErrorCode.INVALID_TRANSITION, message);
  }

  static gateNotSatisfied(message: string, missing: readonly Requirement[]): WorkflowError {
    return new WorkflowError(WorkflowErrorCode.GATE_NOT_SATISFIED, message, undefined, missing);
  }

  static internal(message: string): WorkflowError {
    return new WorkflowError(WorkflowErrorCode.INTERNAL, message);
  }
}
