/**
 * One action for the selection, inline: what (tag, metadata, score), the name, the value. A score
 * name with a definition offers that definition's values (labels, pass/fail, or its range/step).
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { BulkAction } from '../../../../contract/bulk.ts';
import type { ScoreDefinition } from '../../../../contract/score-definitions.ts';
import { Button } from '../../../components/ui/button.tsx';
import { scoreDefinitionQueries } from '../api/score-definition-queries.ts';
import { BULK_KINDS, type BulkDraft, nameLabel, needsValue, parseBulkDraft } from './bulk-action-draft.ts';

export function SelectionActionForm({
  pending,
  onApply,
}: {
  pending: boolean;
  onApply: (action: BulkAction) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<BulkDraft>({ kind: 'add-tag', name: '', value: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const scoreKind = draft.kind === 'set-score' || draft.kind === 'delete-score';
  const definitions = useQuery({ ...scoreDefinitionQueries.list(false), enabled: scoreKind });
  const active = definitions.data?.definitions ?? [];
  const definition = active.find((d) => d.name === draft.name.trim());
  const edit = (change: Partial<BulkDraft>) => {
    setProblem(null);
    setDraft({ ...draft, ...change });
  };
  return (
    <form
      className="selection-action"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseBulkDraft(draft);
        if (!parsed.ok) return setProblem(parsed.message);
        onApply(parsed.action);
      }}
    >
      <select
        aria-label="Action"
        value={draft.kind}
        onChange={(e) => edit({ kind: e.target.value as BulkDraft['kind'], value: '' })}
      >
        {BULK_KINDS.map(([kind, label]) => (
          <option key={kind} value={kind}>
            {label}
          </option>
        ))}
      </select>
      <input
        className="input"
        aria-label={nameLabel(draft.kind)}
        placeholder={nameLabel(draft.kind)}
        value={draft.name}
        list={scoreKind ? `${id}-names` : undefined}
        aria-invalid={problem !== null}
        onChange={(e) => edit({ name: e.target.value, value: '' })}
      />
      {scoreKind ? (
        <datalist id={`${id}-names`}>
          {active.map((d) => (
            <option key={d.id} value={d.name} />
          ))}
        </datalist>
      ) : null}
      {needsValue(draft.kind) ? (
        <ValueField draft={draft} definition={definition} onChange={(value) => edit({ value })} />
      ) : null}
      <Button type="submit" size="sm" variant="primary" disabled={pending}>
        Apply
      </Button>
      {problem ? (
        <p role="alert" className="selection-outcome error">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

function ValueField({
  draft,
  definition,
  onChange,
}: {
  draft: BulkDraft;
  definition: ScoreDefinition | undefined;
  onChange: (value: string) => void;
}) {
  if (draft.kind === 'set-score' && definition && definition.labels.length > 0)
    return (
      <select
        aria-label={`${definition.name} value`}
        value={draft.value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">Choose…</option>
        {definition.labels.map((label) => (
          <option key={label.value} value={String(label.value)}>
            {label.label} ({label.value})
          </option>
        ))}
      </select>
    );
  const score = draft.kind === 'set-score';
  const range = score && definition ? definition : { min: 0, max: 100, step: 1 };
  return (
    <input
      className="input selection-value"
      aria-label={score ? `Score (${range.min}–${range.max})` : 'Value'}
      placeholder={score ? `${range.min}–${range.max}` : 'Value'}
      value={draft.value}
      {...(score
        ? { type: 'number', min: range.min, max: range.max, step: range.step, inputMode: 'numeric' }
        : {})}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
