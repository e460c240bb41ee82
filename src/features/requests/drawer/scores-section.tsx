import { useState } from 'react';
import type { ScoreComment, ScoreDefinition } from '../../../../contract/score-definitions.ts';
import { DefinedScores } from '../../review/defined-scores.tsx';
import { ScoreCommentLine } from '../../review/score-comment-line.tsx';
import type { Annotate } from '../api/annotation-change.ts';
import { DrawerSection } from './drawer-section.tsx';
import { type Authorship, Byline } from './history-section.tsx';
import { parseScoreInput } from './score-form.ts';
import { SmallButton } from './small-button.tsx';
import { SCORE_KEYS, TRIAGE_SCORE_NAME } from './triage-keys.ts';

/** The digit keys' scale, so a button and its key always set the same score. */
const QUICK_SCORES = Object.entries(SCORE_KEYS).sort(([, a], [, b]) => a - b);

interface ScoresSectionProps {
  scores: Record<string, number>;
  onChange: Annotate;
  readOnly?: boolean;
  /** Who set each score shown (from the annotation history). */
  authors?: Record<string, Authorship>;
  definitions?: readonly ScoreDefinition[];
  comments?: readonly ScoreComment[];
}

export function ScoresSection({
  scores,
  onChange,
  readOnly = false,
  authors = {},
  definitions = [],
  comments = [],
}: ScoresSectionProps) {
  const [name, setName] = useState('default');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<{ field: 'name' | 'value'; message: string } | null>(null);
  const quickName = name.trim() || TRIAGE_SCORE_NAME;
  const entries = Object.entries(scores).sort(([a], [b]) => a.localeCompare(b));
  return (
    <DrawerSection titleId="drawer-scores-title" title="Scores">
      {entries.length === 0 ? <p className="bp-muted">No scores.</p> : null}
      <ul className="drawer-scores" aria-label="Scores">
        {entries.map(([scoreName, score]) => (
          <li key={scoreName} className="drawer-score drawer-score-attributed">
            <span className="bp-mono drawer-score-name">{scoreName}</span>
            <meter min={0} max={100} value={score} aria-hidden="true" />
            <strong className="drawer-score-value">{score}</strong>
            <Byline author={Object.hasOwn(authors, scoreName) ? authors[scoreName] : undefined} />
            {readOnly ? null : (
              <SmallButton
                label={`Remove score ${scoreName}`}
                onClick={() => onChange({ kind: 'delete-score', name: scoreName })}
              >
                Remove
              </SmallButton>
            )}
            <ScoreCommentLine comment={comments.find((c) => c.name === scoreName)} />
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <>
          <DefinedScores definitions={definitions} scores={scores} comments={comments} onChange={onChange} />
          <form
            className="drawer-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              const parsed = parseScoreInput(name, value);
              if (!parsed.ok) return setProblem({ field: parsed.field, message: parsed.message });
              setProblem(null);
              setValue('');
              void onChange({ kind: 'set-score', name: parsed.name, value: parsed.value }).then((ok) => {
                if (!ok) setValue((current) => current || value);
              });
            }}
          >
            <label className="drawer-field">
              <span>Score name</span>
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-invalid={problem?.field === 'name'}
                aria-describedby={problem ? 'drawer-score-problem' : undefined}
              />
            </label>
            <label className="drawer-field drawer-field-narrow">
              <span>Score value</span>
              <input
                value={value}
                inputMode="numeric"
                placeholder="0–100"
                onChange={(e) => setValue(e.target.value)}
                aria-invalid={problem?.field === 'value'}
                aria-describedby={problem ? 'drawer-score-problem' : undefined}
              />
            </label>
            <button type="submit" className="drawer-btn">
              Save score
            </button>
            {problem ? (
              <p id="drawer-score-problem" role="alert" className="drawer-form-error">
                {problem.message}
              </p>
            ) : null}
          </form>
          <fieldset className="drawer-quick-scores">
            <legend className="bp-muted">
              Quick score <span className="bp-mono">{quickName}</span>
              {quickName === TRIAGE_SCORE_NAME ? ' (keys 0–5)' : ` (keys 0–5 set ${TRIAGE_SCORE_NAME})`}
            </legend>
            {QUICK_SCORES.map(([key, quick]) => (
              <button
                key={quick}
                type="button"
                className="drawer-btn drawer-btn-small"
                aria-label={`Set score ${quickName} to ${quick}`}
                title={quickName === TRIAGE_SCORE_NAME ? `Key ${key}` : undefined}
                onClick={() => onChange({ kind: 'set-score', name: quickName, value: quick })}
              >
                {quick}
              </button>
            ))}
          </fieldset>
        </>
      )}
    </DrawerSection>
  );
}
