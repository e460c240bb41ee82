import { type FormEvent, useId, useState } from 'react';
import type { FacetValue, RequestFilter } from '../../../../contract/api.ts';
import { TextField } from '../../../components/ui/form-field.tsx';
import { FilterPopover } from './filter-popover.tsx';

type ScoreCondition = RequestFilter['scores'][number];

function parseBound(raw: string): number | undefined | 'invalid' {
  if (raw.trim() === '') return undefined;
  if (!/^\d{1,3}$/.test(raw.trim())) return 'invalid';
  const value = Number(raw);
  return value <= 100 ? value : 'invalid';
}

/** Adds one score condition: a name with an optional min and max (0–100). */
export function ScoreFilter({
  names,
  active,
  onAdd,
}: {
  names: FacetValue[];
  active: RequestFilter['scores'];
  onAdd: (condition: ScoreCondition) => void;
}) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('default');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const bounds = [
    { label: 'Minimum score', value: min, onChange: setMin, placeholder: '0' },
    { label: 'Maximum score', value: max, onChange: setMax, placeholder: '100' },
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const lo = parseBound(min);
    const hi = parseBound(max);
    if (!name.trim()) return setError('Enter a score name.');
    if (lo === 'invalid' || hi === 'invalid') return setError('Scores are whole numbers from 0 to 100.');
    if (lo !== undefined && hi !== undefined && lo > hi) return setError('The minimum is above the maximum.');
    const condition: ScoreCondition = { name: name.trim() };
    if (lo !== undefined) condition.min = lo;
    if (hi !== undefined) condition.max = hi;
    onAdd(condition);
    setError(null);
    setOpen(false);
  };
  return (
    <FilterPopover label="Score" activeCount={active.length} open={open} onOpenChange={setOpen}>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField small label="Filter score name" value={name} onChange={setName} suggestions={names} />
        <div className="row-2">
          {bounds.map((bound) => (
            <div className="stack" key={bound.label}>
              <TextField
                small
                inputMode="numeric"
                {...bound}
                aria-describedby={error ? errorId : undefined}
              />
            </div>
          ))}
        </div>
        {error ? (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn-sm btn-primary">
          Add score filter
        </button>
      </form>
    </FilterPopover>
  );
}
