import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'value' | 'onChange'>;

/** A value a text field suggests (a datalist option), with an optional note shown beside it. */
export interface Suggestion {
  value: string;
  note?: string;
}

/**
 * A label and its text input as every form here lays them out: siblings (a flex column or the
 * settings grid places them), an optional hint below that the input is described by, and optional
 * suggestions the browser offers as the user types (then its own autocomplete is off).
 */
export function TextField({
  label,
  value,
  onChange,
  hint,
  small = false,
  suggestions,
  ...input
}: InputProps & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  /** The compact input of toolbars and popovers. */
  small?: boolean;
  suggestions?: readonly Suggestion[];
}) {
  const id = useId();
  const listId = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={small ? 'input input-sm' : 'input'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        list={suggestions ? listId : undefined}
        autoComplete={suggestions ? 'off' : undefined}
        {...input}
      />
      {suggestions ? (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion.value} value={suggestion.value}>
              {suggestion.note}
            </option>
          ))}
        </datalist>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="muted">
          {hint}
        </p>
      ) : null}
    </>
  );
}

/** A text input inside its label, for forms whose layout places each label-and-input pair as one. */
export function NestedTextField({
  label,
  value,
  onChange,
  ...input
}: InputProps & { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      {label}
      <input className="input" value={value} onChange={(event) => onChange(event.target.value)} {...input} />
    </label>
  );
}

/** A label and its select over fixed options (`optionLabel` says what each option means). */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  optionLabel = (option) => option,
}: {
  label: string;
  value: T;
  options: readonly T[];
  onChange: (value: T) => void;
  optionLabel?: (option: T) => string;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </>
  );
}
