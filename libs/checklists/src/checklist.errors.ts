export const ChecklistErrorCode = {
  UNKNOWN_TEMPLATE: 'UNKNOWN_TEMPLATE',
  INVALID_TEMPLATE: 'INVALID_TEMPLATE',
} as const;
export type ChecklistErrorCode = (typeof ChecklistErrorCode)[keyof typeof ChecklistErrorCode];

/** The one error class of this lib; `problems` lists every defect of an invalid template. */
export class ChecklistError extends Error {
  constructor(
    readonly code: ChecklistErrorCode,
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ChecklistError';
  }
}
