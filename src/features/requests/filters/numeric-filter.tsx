import { type FormEvent, useId, useState } from 'react';
import type { NumericCondition, NumericFilterField, NumericOperator } from '../../../../contract/api.ts';
import { FilterPopover } from './filter-popover.tsx';
import { NUMERIC_FIELD_LABELS, NUMERIC_OPERATOR_SIGNS } from './numeric-labels.ts';

/** Reads the typed number: whole for latency and tokens, any non-negative amount for cost. */
function parseAmount(field: NumericFilterField, raw: string): number | null {
  const text = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const value = Number(text);
  return field !== 'cost' && !Number.isInteger(value) ? null : value;
}

/** The numeric filter's form: a field, a comparison and an amount. */
function NumericForm({ onAdd }: { onAdd: (condition: NumericCondition) => void }) {
  const [field, setField] = useState<NumericFilterField>('latency');
  const [op, setOp] = useState<NumericOperator>('gt');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { field: useId(), op: useId(), amount: useId(), error: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parseAmount(field, amount);
    if (value === null)
      return setError(field === 'cost' ? 'Enter an amount, e.g. 0.01.' : 'Enter a whole number, e.g. 1000.');
    onAdd({ field, op, value });
    setError(null);
    setAmount('');
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <label htmlFor={ids.field}>Number to compare</label>
      <select
        id={ids.field}
        className="input input-sm"
        value={field}
        onChange={(event) => setField(event.target.value as NumericFilterField)}
      >
        {Object.entries(NUMERIC_FIELD_LABELS).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <div className="inline-fields">
        <label htmlFor={ids.op} className="visually-hidden">
          Comparison
        </label>
        <select
          id={ids.op}
          className="input input-sm"
          value={op}
          onChange={(event) => setOp(event.target.value as NumericOperator)}
        >
          {Object.entries(NUMERIC_OPERATOR_SIGNS).map(([value, sign]) => (
            <option key={value} value={value}>
              {sign}
            </option>
          ))}
        </select>
        <label htmlFor={ids.amount} className="visually-hidden">
          Amount
        </label>
        <input
          id={ids.amount}
          className="input input-sm"
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          placeholder={field === 'cost' ? '0.01' : '1000'}
          aria-describedby={error ? ids.error : undefined}
        />
      </div>
      {error ? (
        <p id={ids.error} className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn btn-sm btn-primary">
        Add number filter
      </button>
    </form>
  );
}

/** Adds one numeric condition on latency, cost or tokens (`latency=gt:1000`). */
export function NumericFilter({
  activeCount,
  onAdd,
}: {
  activeCount: number;
  onAdd: (condition: NumericCondition) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <FilterPopover label="Numbers" activeCount={activeCount} open={open} onOpenChange={setOpen}>
      <NumericForm
        onAdd={(condition) => {
          onAdd(condition);
          setOpen(false);
        }}
      />
    </FilterPopover>
  );
}
