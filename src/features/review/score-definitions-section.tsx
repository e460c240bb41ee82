import './review.css';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ScoreDefinition } from '../../../contract/score-definitions.ts';
import { Button } from '../../components/ui/button.tsx';
import { formatRelativeTime } from '../../lib/format.ts';
import { scoreDefinitionQueries, useArchiveScoreDefinition } from './api/score-definition-queries.ts';
import { CreateDefinitionForm } from './create-definition-form.tsx';

const when = (ms: number) => formatRelativeTime(new Date(ms).toISOString());

export function describeValues(definition: ScoreDefinition): string {
  if (definition.kind === 'numeric')
    return `${definition.min}–${definition.max}${definition.step > 1 ? `, step ${definition.step}` : ''}`;
  return definition.labels.map((l, i) => `${i + 1} ${l.label} = ${l.value}`).join(' · ');
}

/** Admins: agreed score definitions; archive instead of edit; adopt names already in use. */
export function ScoreDefinitionsSection() {
  const [showArchived, setShowArchived] = useState(false);
  const [adopting, setAdopting] = useState<string | null>(null);
  const list = useQuery(scoreDefinitionQueries.list(showArchived));
  const archive = useArchiveScoreDefinition();
  const definitions = list.data?.definitions ?? [];
  return (
    <section className="settings-section" aria-labelledby="score-definitions-title">
      <h2 id="score-definitions-title">Score definitions</h2>
      <p className="muted">
        A definition fixes what a score name means for everyone. It is never edited: archive it and create a
        new one. Names without a definition stay free-form (0–100).
      </p>
      {list.isError ? <p role="alert">{list.error.message}</p> : null}
      <label className="settings-inline">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />{' '}
        Show archived
      </label>
      {definitions.length === 0 && list.isSuccess ? <p className="muted">No score definitions yet.</p> : null}
      {definitions.length > 0 ? (
        <div className="settings-scroll">
          <table className="settings-table" aria-label="Score definitions">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Values (key, label = score)</th>
                <th scope="col">Description</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {definitions.map((d) => (
                <tr key={d.id}>
                  <td className="bp-mono settings-name">{d.name}</td>
                  <td className="settings-nowrap">{d.kind}</td>
                  <td>{describeValues(d)}</td>
                  <td className="settings-wrap">{d.description || '—'}</td>
                  <td>
                    {when(d.createdAt)} by {d.createdBy}
                  </td>
                  <td>
                    {d.archivedAt === null ? (
                      <Button
                        size="sm"
                        variant="danger"
                        onClick={() => archive.mutate(d.id)}
                        aria-label={`Archive ${d.name}`}
                      >
                        Archive
                      </Button>
                    ) : (
                      `archived ${when(d.archivedAt)}`
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {archive.error ? (
        <p role="alert" className="settings-error">
          {archive.error.message}
        </p>
      ) : null}
      {list.data && list.data.freeForm.length > 0 ? (
        <div className="settings-free-form">
          <h3>Free-form scores in use</h3>
          <ul aria-label="Free-form scores">
            {list.data.freeForm.map((f) => (
              <li key={f.name}>
                <span className="bp-mono">{f.name}</span> <span className="muted">({f.count})</span>{' '}
                <Button size="sm" onClick={() => setAdopting(f.name)} aria-label={`Adopt ${f.name}`}>
                  Adopt
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <CreateDefinitionForm
        key={adopting ?? ''}
        initialName={adopting ?? ''}
        onCreated={() => setAdopting(null)}
      />
    </section>
  );
}
