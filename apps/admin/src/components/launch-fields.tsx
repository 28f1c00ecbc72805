import type { LaunchInputLimitsQuery } from '../gql/graphql';
import { FormField } from './form-field';

/** The fields a launch is created with and later edited, in form order. */
export const LAUNCH_FIELDS = [
  'name',
  'description',
  'targetGaDate',
  'supportLeadDays',
  'blockResponseHours',
] as const;
export type LaunchField = (typeof LAUNCH_FIELDS)[number];
export type LaunchFieldValues = Record<LaunchField, string>;

/**
 * Name, description, target GA date and the two numbers, bounded by the API's
 * launchInputLimits; the create and edit forms differ only in ids, the name's label and help.
 */
export function LaunchFields(props: {
  /** Prefixes every control's id, so each form keeps its own. */
  idPrefix: string;
  limits: LaunchInputLimitsQuery['launchInputLimits'];
  values: LaunchFieldValues;
  set(field: LaunchField): (value: string) => void;
  fieldError(field: LaunchField): string | undefined;
  nameLabel: string;
  autoFocusName?: boolean;
  targetGaDateHelp: string;
  /** Said after the support lead days' bounds, e.g. who may go below the template's floor. */
  supportLeadDaysNote?: string;
}) {
  const { limits, values, set, fieldError } = props;
  const names = (field: LaunchField) => ({ id: `${props.idPrefix}-${field}`, name: field });
  const { supportLeadDays: days, blockResponseHours: hours } = limits;
  const note = props.supportLeadDaysNote ? `; ${props.supportLeadDaysNote}` : '';
  const numberField = (
    field: 'supportLeadDays' | 'blockResponseHours',
    label: string,
    help: string,
  ) => {
    const bounds = limits[field];
    return (
      <FormField {...names(field)} label={label} error={fieldError(field)} help={help}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={bounds.min}
            max={bounds.max}
            step={bounds.wholeNumbers ? 1 : 'any'}
            value={values[field]}
            onChange={(e) => set(field)(e.target.value)}
          />
        )}
      </FormField>
    );
  };
  return (
    <>
      <FormField {...names('name')} label={props.nameLabel} error={fieldError('name')}>
        {(control) => (
          <input
            {...control}
            type="text"
            required
            maxLength={limits.nameMaxLength}
            value={values.name}
            onChange={(e) => set('name')(e.target.value)}
            autoFocus={props.autoFocusName}
          />
        )}
      </FormField>
      <FormField {...names('description')} label="Description" error={fieldError('description')}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={limits.descriptionMaxLength}
            value={values.description}
            onChange={(e) => set('description')(e.target.value)}
          />
        )}
      </FormField>
      <div className="form-row">
        <FormField
          {...names('targetGaDate')}
          label="Target GA date"
          error={fieldError('targetGaDate')}
          help={props.targetGaDateHelp}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.targetGaDate}
              onChange={(e) => set('targetGaDate')(e.target.value)}
            />
          )}
        </FormField>
        {numberField(
          'supportLeadDays',
          'Support lead days',
          `Days of early access support gets before GA (${days.min}–${days.max}${note}).`,
        )}
        {numberField(
          'blockResponseHours',
          'Block response hours',
          `A NO-GO unanswered this long escalates (${hours.min}–${hours.max}).`,
        )}
      </div>
    </>
  );
}
