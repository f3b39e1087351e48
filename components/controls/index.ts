export { NumberField, type NumberFieldProps } from './NumberField';
export { RangeField, type RangeFieldProps } from './RangeField';
export { SegmentedField, type SegmentedFieldProps } from './SegmentedField';
export { SelectField, type SelectFieldProps, type SelectOption } from './SelectField';
export { ToggleField, type ToggleFieldProps } from './ToggleField';
export { logSteps, nearestStepIndex } from './logSteps';
export { parseFieldValue } from './useNumberDraft';
