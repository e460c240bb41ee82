import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useDeferredValue, useId, useState } from 'react';
import type { FacetValue } from '../../../../contract/api.ts';
import { type Suggestion, TextField } from '../../../components/ui/form-field.tsx';
import { requestQueries } from '../api/request-queries.ts';
import { FilterPopover } from './filter-popover.tsx';

const withRequestCount = (facet: FacetValue): Suggestion => ({
  value: facet.value,
  note: `${facet.count} requests`,
});

export type MetadataOperator = 'eq' | 'ne' | 'contains' | 'exists' | 'missing';
const OPERATORS: [MetadataOperator, string][] = [
  ['eq', '= equals'],
  ['ne', '≠ does not equal'],
  ['contains', 'contains'],
  ['exists', 'exists'],
  ['missing', 'does not exist'],
];
const takesValue = (op: MetadataOperator) => op === 'eq' || op === 'ne' || op === 'contains';

/**
 * Adds one metadata condition (`key = value`, ≠, contains, exists, does not exist); keys and
 * values autocomplete from the facets.
 */
export function MetadataFilter({
  keys,
  activeCount,
  onAdd,
}: {
  keys: FacetValue[];
  activeCount: number;
  onAdd: (key: string, op: MetadataOperator, value: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const [op, setOp] = useState<MetadataOperator>('eq');
  const [value, setValue] = useState('');
  const opId = useId();
  const deferredKey = useDeferredValue(key.trim());
  const deferredValue = useDeferredValue(value);
  const knownKey = keys.some((k) => k.value === deferredKey);
  const values = useQuery({
    ...requestQueries.metadataValues(deferredKey, deferredValue),
    enabled: open && knownKey && takesValue(op),
  });
  const ready = key.trim() !== '' && (!takesValue(op) || value !== '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    onAdd(key.trim(), op, value);
    setValue('');
    setOpen(false);
  };
  return (
    <FilterPopover label="Metadata" activeCount={activeCount} open={open} onOpenChange={setOpen}>
      <form className="stack" onSubmit={submit}>
        <TextField
          small
          label="Filter metadata key"
          value={key}
          onChange={setKey}
          placeholder="e.g. user_id"
          suggestions={keys.map(withRequestCount)}
        />
        <label htmlFor={opId}>Metadata condition</label>
        <select
          id={opId}
          className="input input-sm"
          value={op}
          onChange={(event) => setOp(event.target.value as MetadataOperator)}
        >
          {OPERATORS.map(([operator, text]) => (
            <option key={operator} value={operator}>
              {text}
            </option>
          ))}
        </select>
        {takesValue(op) ? (
          <TextField
            small
            label="Filter metadata value"
            value={value}
            onChange={setValue}
            placeholder={op === 'contains' ? 'text, any case…' : 'value…'}
            suggestions={(values.data?.values ?? []).map(withRequestCount)}
          />
        ) : null}
        <button type="submit" className="btn btn-sm btn-primary" disabled={!ready}>
          Add metadata filter
        </button>
      </form>
    </FilterPopover>
  );
}
