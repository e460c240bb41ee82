import './review.css';
/**
 * The drawer's score form for the agreed definitions: one group per definition, its labels as
 * buttons (categorical, pass/fail) or a number field (numeric), and an optional comment that is
 * sent with the next value chosen. Pure: definitions and comments in, changes out.
 */
import { useId, useState } from 'react';
import {
  type ScoreComment,
  type ScoreDefinition,
  scoreValueProblem,
} from '../../../contract/score-definitions.ts';
import type { Annotate } from '../requests/api/annotation-change.ts';

interface DefinedScoresProps {
  definitions: readonly ScoreDefinition[];
  scores: Record<string, number>;
  comments: readonly ScoreComment[];
  onChange: Annotate;
}

export function DefinedScores({ definitions, scores, comments, onChange }: DefinedScoresProps) {
  if (definitions.length === 0) return null;
  return (
    <div className="drawer-defined-scores">
      {definitions.map((definition) => (
        <DefinedScore
          key={definition.id}
          definition={definition}
          current={Object.hasOwn(scores, definition.name) ? scores[definition.name] : undefined}
          savedComment={comments.find((c) => c.name === definition.name)?.comment ?? ''}
          onChange={onChange}
        />
      ))}
    </div>
  );
}

interface DefinedScoreProps {
  definition: ScoreDefinition;
  current: number | undefined;
  savedComment: string;
  onChange: Annotate;
}

function DefinedScore({ definition, current, savedComment, onChange }: DefinedScoreProps) {
  const id = useId();
  const [comment, setComment] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const send = (value: number) => {
    const invalid = scoreValueProblem(definition, value);
    if (invalid) return setProblem(`${invalid}.`);
    setProblem(null);
    const change = { kind: 'set-score', name: definition.name, value } as const;
    void onChange(comment === null ? change : { ...change, comment }).then((ok) => {
      if (ok) setComment(null);
    });
  };
  const { name } = definition;
  return (
    <fieldset
      className="drawer-defined-score"
      aria-describedby={definition.description ? `${id}-desc` : undefined}
    >
      <legend>
        <span className="bp-mono">{name}</span> <span className="bp-muted">({definition.kind})</span>
      </legend>
      {definition.description ? (
        <p id={`${id}-desc`} className="bp-muted drawer-score-comment-text">
          {definition.description}
        </p>
      ) : null}
      {definition.kind === 'numeric' ? (
        <form
          className="drawer-score-choices"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const value = /^\s*\d+\s*$/.test(number) ? Number(number) : Number.NaN;
            if (Number.isNaN(value)) return setProblem(`${name} takes a whole number.`);
            send(value);
            setNumber('');
          }}
        >
          <input
            className="input"
            inputMode="numeric"
            aria-label={`${name} value`}
            placeholder={`${definition.min}–${definition.max}${definition.step > 1 ? ` by ${definition.step}` : ''}`}
            value={number}
            aria-invalid={problem !== null}
            onChange={(e) => setNumber(e.target.value)}
          />
          <button type="submit" className="drawer-btn drawer-btn-small">
            Save {name}
          </button>
          {current !== undefined ? <span className="bp-muted">now {current}</span> : null}
        </form>
      ) : (
        <div className="drawer-score-choices">
          {definition.labels.map((label, i) => (
            <button
              key={label.value}
              type="button"
              className="drawer-btn drawer-btn-small"
              aria-pressed={current === label.value}
              aria-label={`Set ${name} to ${label.label}`}
              title={`Key ${i + 1} in a review queue · stored as ${label.value}`}
              onClick={() => send(label.value)}
            >
              <span className="bp-muted">{i + 1}</span> {label.label}
            </button>
          ))}
        </div>
      )}
      <textarea
        className="input drawer-score-comment"
        rows={1}
        aria-label={`Comment on ${name}`}
        placeholder="Comment (sent with the value you choose)"
        value={comment ?? savedComment}
        onChange={(e) => setComment(e.target.value)}
      />
      {problem ? (
        <p role="alert" className="drawer-form-error">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
