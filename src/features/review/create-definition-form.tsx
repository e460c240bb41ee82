import { type FormEvent, Fragment, useId, useState } from 'react';
import { SCORE_KINDS } from '../../../contract/score-definitions.ts';
import { Button } from '../../components/ui/button.tsx';
import { useCreateScoreDefinition } from './api/score-definition-queries.ts';
import { type DefinitionDraft, emptyDraft, parseDraft } from './definition-draft.ts';

const BOUND_LABELS = { min: 'Lowest', max: 'Highest', step: 'Step' } as const;

interface Props {
  initialName: string;
  onCreated: () => void;
}

export function CreateDefinitionForm({ initialName, onCreated }: Props) {
  const id = useId();
  const create = useCreateScoreDefinition();
  const [draft, setDraft] = useState<DefinitionDraft>(() => emptyDraft(initialName));
  const [problem, setProblem] = useState<{ field: keyof DefinitionDraft; message: string } | null>(null);
  const set = (patch: Partial<DefinitionDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const field = (name: keyof DefinitionDraft) => ({
    id: `${id}-${name}`,
    'aria-invalid': problem?.field === name,
    'aria-describedby': problem?.field === name ? `${id}-problem` : undefined,
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseDraft(draft);
    if (!parsed.ok) return setProblem({ field: parsed.field, message: parsed.message });
    setProblem(null);
    create.mutate(parsed.definition, {
      onSuccess: () => {
        setDraft(emptyDraft());
        onCreated();
      },
    });
  };
  return (
    <form className="settings-form" onSubmit={onSubmit} aria-label="Create a score definition" noValidate>
      <label htmlFor={`${id}-name`}>Score name</label>
      <input
        {...field('name')}
        className="input"
        value={draft.name}
        onChange={(e) => set({ name: e.target.value })}
      />
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select
        {...field('kind')}
        value={draft.kind}
        onChange={(e) => set({ kind: e.target.value as DefinitionDraft['kind'] })}
      >
        {SCORE_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kind === 'boolean' ? 'boolean (pass = 100, fail = 0)' : kind}
          </option>
        ))}
      </select>
      {draft.kind === 'categorical' ? (
        <>
          <label htmlFor={`${id}-labels`}>Labels (in key order)</label>
          <input
            {...field('labels')}
            className="input"
            placeholder="Bad, Okay, Great  or  Bad=0, Okay=40, Great=100"
            value={draft.labels}
            onChange={(e) => set({ labels: e.target.value })}
          />
        </>
      ) : null}
      {draft.kind === 'numeric'
        ? (['min', 'max', 'step'] as const).map((bound) => (
            <Fragment key={bound}>
              <label htmlFor={`${id}-${bound}`}>{BOUND_LABELS[bound]}</label>
              <input
                {...field(bound)}
                className="input"
                inputMode="numeric"
                value={draft[bound]}
                onChange={(e) => set({ [bound]: e.target.value })}
              />
            </Fragment>
          ))
        : null}
      <label htmlFor={`${id}-description`}>Description</label>
      <textarea
        {...field('description')}
        className="input"
        rows={2}
        placeholder="What each value means (shown to reviewers)"
        value={draft.description}
        onChange={(e) => set({ description: e.target.value })}
      />
      <Button type="submit" variant="primary" disabled={create.isPending}>
        Create definition
      </Button>
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="settings-error">
          {problem.message}
        </p>
      ) : null}
      {create.error ? (
        <p role="alert" className="settings-error">
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}
