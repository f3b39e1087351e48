export { evaluate, workShape, type CostResult, type OperationCost } from './model';
export { OPERATION_NAMES, OPERATION_LABELS, type OperationName, type Phase } from './operations';
export { countParams, type ParamCounts } from './params';
export { roofline, ridgeFlopsPerByte, attainableFlopsPerSecond, type Bound, type Device } from './roofline';
export type { MemoryEstimate } from './memory';
