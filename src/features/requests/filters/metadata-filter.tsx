import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useDeferredValue, useId, useState } from 'react';
import type { FacetValue } from '../../../../contract/api.ts';
import { requestQueries } from '../api/request-queries.ts';
import { FilterPopover } from './filter-popover.tsx';

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
  const ids = { key: useId(), op: useId(), value: useId(), keyList: useId(), valueList: useId() };
  const deferredKey = useDeferredValue(key.trim());
  const deferredValue = useDeferredValue(value);
  const knownKey = keys.some((k) => k.value === deferredKey);
  const values = useQuery({
    ...requestQueries.metadataValues(deferredKey, deferredValue),
    enabled: open && knownKey,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!key.trim() || (takesValue(op) && !value)) return;
    onAdd(key.trim(), op, value);
    setValue('');
    setOpen(false);
  };
  return (
    <FilterPopover label="Metadata" activeCount={activeCount} open={open} onOpenChange={setOpen}>
      <form className="stack" onSubmit={submit}>
        <label htmlFor={ids.key}>Filter metadata key</label>
        <input
          id={ids.key}
          className="input input-sm"
          list={ids.keyList}
          value={key}
          onChange={(event) => setKey(event.target.value)}
          placeholder="e.g. user_id"
          autoComplete="off"
        />
        <datalist id={ids.keyList}>
          {keys.map((k) => (
            <option key={k.value} value={k.value}>
              {`${k.count} requests`}
            </option>
          ))}
        </datalist>
        <label htmlFor={ids.op}>Metadata condition</label>
        <select
          id={ids.op}
          className="input input-sm"
          value={op}
          onChange={(event) => setOp(event.target.value as MetadataOperator)}
        >
          {OPERATORS.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
        <label htmlFor={ids.value} hidden={!takesValue(op)}>
          Filter metadata value
        </label>
        <input
          hidden={!takesValue(op)}
          id={ids.value}
          className="input input-sm"
          list={ids.valueList}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder={op === 'contains' ? 'text, any case…' : 'value…'}
          autoComplete="off"
        />
        <datalist id={ids.valueList}>
          {(values.data?.values ?? []).map((v) => (
            <option key={v.value} value={v.value}>
              {`${v.count} requests`}
            </option>
          ))}
        </datalist>
        <button
          type="submit"
          className="btn btn-sm btn-primary"
          disabled={!key.trim() || (takesValue(op) && !value)}
        >
          Add metadata filter
        </button>
      </form>
    </FilterPopover>
  );
}
