import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useDeferredValue, useId, useState } from 'react';
import type { FacetValue, RequestFilter } from '../../../../contract/api.ts';
import { requestQueries } from '../api/request-queries.ts';
import { FilterPopover } from './filter-popover.tsx';

/** Adds one `key = value` metadata condition; keys and values autocomplete from the facets. */
export function MetadataFilter({
  keys,
  active,
  onAdd,
}: {
  keys: FacetValue[];
  active: RequestFilter['metadata'];
  onAdd: (key: string, value: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const ids = { key: useId(), value: useId(), keyList: useId(), valueList: useId() };
  const deferredKey = useDeferredValue(key.trim());
  const deferredValue = useDeferredValue(value);
  const knownKey = keys.some((k) => k.value === deferredKey);
  const values = useQuery({
    ...requestQueries.metadataValues(deferredKey, deferredValue),
    enabled: open && knownKey,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!key.trim() || !value) return;
    onAdd(key.trim(), value);
    setValue('');
    setOpen(false);
  };
  return (
    <FilterPopover label="Metadata" activeCount={active.length} open={open} onOpenChange={setOpen}>
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
        <label htmlFor={ids.value}>Filter metadata value</label>
        <input
          id={ids.value}
          className="input input-sm"
          list={ids.valueList}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder="equals…"
          autoComplete="off"
        />
        <datalist id={ids.valueList}>
          {(values.data?.values ?? []).map((v) => (
            <option key={v.value} value={v.value}>
              {`${v.count} requests`}
            </option>
          ))}
        </datalist>
        <button type="submit" className="btn btn-sm btn-primary" disabled={!key.trim() || !value}>
          Add metadata filter
        </button>
      </form>
    </FilterPopover>
  );
}
