/** The queue's definitions as one compact row each: options with their keys, or a number field. */
import { type Ref, useId } from 'react';
import type { ScoreDefinition } from '../../../../contract/score-definitions.ts';
import { keyFor, type ReviewValues } from './review-form-model.ts';

interface ReviewFormProps {
  definitions: readonly ScoreDefinition[];
  values: ReviewValues;
  active: number;
  typed: Readonly<Record<string, string>>;
  comment: string;
  disabled: boolean;
  numberRef: Ref<HTMLInputElement>;
  onActivate: (index: number) => void;
  onPick: (name: string, value: number) => void;
  onType: (name: string, text: string) => void;
  /** Enter in the number field: take the number (and complete when nothing else is missing). */
  onNumberEnter: (definition: ScoreDefinition) => void;
  onComment: (text: string) => void;
  onCommentEnter: () => void;
}

export function ReviewForm(props: ReviewFormProps) {
  const { definitions, values, active, disabled } = props;
  const id = useId();
  return (
    <fieldset className="queue-form">
      <legend className="visually-hidden">Scores for this request</legend>
      {definitions.map((definition, index) => {
        const chosen = values[definition.name];
        const isActive = index === active;
        return (
          <fieldset
            key={definition.id}
            className="queue-field"
            data-active={isActive || undefined}
            disabled={disabled}
            onFocus={() => props.onActivate(index)}
          >
            <legend title={definition.description || undefined}>
              {definition.name}
              {isActive ? <span className="visually-hidden"> (keys act here)</span> : null}
            </legend>
            {definition.kind === 'numeric' ? (
              <span className="queue-number">
                <label className="visually-hidden" htmlFor={`${id}-${definition.id}`}>
                  {definition.name} ({definition.min}–{definition.max})
                </label>
                <input
                  id={`${id}-${definition.id}`}
                  ref={isActive ? props.numberRef : undefined}
                  className="input input-sm"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder={`${definition.min}–${definition.max}`}
                  value={props.typed[definition.name] ?? (chosen === undefined ? '' : String(chosen))}
                  onChange={(event) => props.onType(definition.name, event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key !== 'Enter') return;
                    event.preventDefault();
                    if (!event.repeat) props.onNumberEnter(definition);
                  }}
                />
              </span>
            ) : (
              <span className="queue-options">
                {definition.labels.map((label, labelIndex) => (
                  <button
                    key={label.label}
                    type="button"
                    className="btn btn-sm"
                    aria-pressed={chosen === label.value}
                    onClick={() => props.onPick(definition.name, label.value)}
                  >
                    <kbd>{keyFor(definition, labelIndex)}</kbd> {label.label}
                  </button>
                ))}
              </span>
            )}
          </fieldset>
        );
      })}
      <label className="visually-hidden" htmlFor={`${id}-comment`}>
        Comment
      </label>
      <input
        id={`${id}-comment`}
        className="input input-sm queue-comment"
        placeholder="Comment (optional): why?"
        value={props.comment}
        disabled={disabled}
        onChange={(event) => props.onComment(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (!event.repeat) props.onCommentEnter();
        }}
      />
    </fieldset>
  );
}
