import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useDeferredValue, useState } from 'react';
import type { FacetValue, RequestFilter } from '../../../../contract/api.ts';
import { type Suggestion, TextField } from '../../../components/ui/form-field.tsx';
import { requestQueries } from '../api/request-queries.ts';
import { FilterPopover } from './filter-popover.tsx';

const withRequestCount = (facet: FacetValue): Suggestion => ({
  value: facet.value,
  note: `${facet.count} requests`,
});

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
        <TextField
          small
          label="Filter metadata key"
          value={key}
          onChange={setKey}
          placeholder="e.g. user_id"
          suggestions={keys.map(withRequestCount)}
        />
        <TextField
          small
          label="Filter metadata value"
          value={value}
          onChange={setValue}
          placeholder="equals…"
          suggestions={(values.data?.values ?? []).map(withRequestCount)}
        />
        <button type="submit" className="btn btn-sm btn-primary" disabled={!key.trim() || !value}>
          Add metadata filter
        </button>
      </form>
    </FilterPopover>
  );
}
