/** Sort fields of the list and of PromptLayer's search, mapped to indexed requests columns. */
import type { SortField } from '../../../contract/api.ts';
import type { SearchQuery } from '../store.ts';

export const SORT_COLUMNS: Record<SortField, string> = {
  time: 'start_ms',
  latency: 'latency_ms',
  cost: 'price',
  tokens: 'total_tokens',
};

export const SEARCH_SORT_COLUMNS: Record<SearchQuery['sortBy'], string> = {
  request_start_time: 'start_ms',
  input_tokens: 'input_tokens',
  output_tokens: 'output_tokens',
  cost: 'price',
  latency_ms: 'latency_ms',
  status: 'status',
};
