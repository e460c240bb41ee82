import { useId, useState } from 'react';
import type { FacetValue } from '../../../../contract/api.ts';
import { formatCount } from '../../../lib/format.ts';
import { FilterPopover } from './filter-popover.tsx';

/** Multi-select over one facet's values, with their counts. */
export function FacetSelect({
  label,
  values,
  selected,
  onChange,
  detail,
  display,
  excluded = [],
  onExcludedChange,
}: {
  label: string;
  values: FacetValue[];
  selected: string[];
  onChange: (next: string[]) => void;
  /** Values a request must not have (`not.<param>=`); with onExcludedChange, each value gets a "not" toggle. */
  excluded?: string[];
  onExcludedChange?: (next: string[]) => void;
  /** Secondary text per value (e.g. a model's provider). */
  detail?: (value: FacetValue) => string | undefined;
  /** How a value reads on screen (e.g. a status's one case); the value itself by default. */
  display?: (value: string) => string;
}) {
  const show = display ?? ((value: string) => value);
  const [search, setSearch] = useState('');
  const searchId = useId();
  // Selected values stay listed even when the facets do not (yet) contain them.
  const known = new Set(values.map((value) => value.value));
  const all = [
    ...values,
    ...[...selected, ...excluded]
      .filter((value, i, list) => !known.has(value) && list.indexOf(value) === i)
      .map((value) => ({ value, count: 0 })),
  ];
  const needle = search.trim().toLowerCase();
  const shown = needle ? all.filter((value) => show(value.value).toLowerCase().includes(needle)) : all;
  const toggle = (value: string, checked: boolean) => {
    onChange(checked ? [...selected, value] : selected.filter((item) => item !== value));
    if (checked && excluded.includes(value)) onExcludedChange?.(excluded.filter((item) => item !== value));
  };
  const toggleNot = (value: string) => {
    const isExcluded = excluded.includes(value);
    onExcludedChange?.(isExcluded ? excluded.filter((item) => item !== value) : [...excluded, value]);
    if (!isExcluded && selected.includes(value)) onChange(selected.filter((item) => item !== value));
  };
  return (
    <FilterPopover label={label} activeCount={selected.length + excluded.length}>
      {all.length > 8 ? (
        <>
          <label htmlFor={searchId} className="visually-hidden">
            Find {label.toLowerCase()}
          </label>
          <input
            id={searchId}
            className="input input-sm"
            placeholder={`Find ${label.toLowerCase()}…`}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </>
      ) : null}
      <fieldset className="facet-list">
        <legend className="visually-hidden">{label}</legend>
        {shown.length === 0 ? <p className="muted small">No values</p> : null}
        {shown.map((value) => {
          const secondary = detail?.(value);
          return (
            <label key={value.value} className="facet-option">
              <input
                type="checkbox"
                aria-label={show(value.value)}
                checked={selected.includes(value.value)}
                onChange={(event) => toggle(value.value, event.target.checked)}
              />
              <span className="facet-value" title={show(value.value)}>
                {show(value.value)}
                {secondary ? <span className="muted"> {secondary}</span> : null}
              </span>
              <span className="facet-count">{formatCount(value.count)}</span>
              {onExcludedChange ? (
                <button
                  type="button"
                  className={`btn btn-xs facet-not${excluded.includes(value.value) ? ' active' : ''}`}
                  aria-pressed={excluded.includes(value.value)}
                  aria-label={`Not ${show(value.value)}`}
                  title={`Exclude ${show(value.value)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    toggleNot(value.value);
                  }}
                >
                  not
                </button>
              ) : null}
            </label>
          );
        })}
      </fieldset>
    </FilterPopover>
  );
}
