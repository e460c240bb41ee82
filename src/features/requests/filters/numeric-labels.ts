import type { NumericFilterField, NumericOperator } from '../../../../contract/api.ts';

export const NUMERIC_FIELD_LABELS: Record<NumericFilterField, string> = {
  latency: 'Latency (ms)',
  cost: 'Cost ($)',
  tokens: 'Total tokens',
  input_tokens: 'Input tokens',
  output_tokens: 'Output tokens',
};
export const NUMERIC_OPERATOR_SIGNS: Record<NumericOperator, string> = {
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
};
