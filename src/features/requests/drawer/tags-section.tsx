import { useState } from 'react';
import { TAG_MAX } from '../../../../contract/api.ts';
import type { Annotate } from '../api/annotation-change.ts';
import { DrawerSection } from './drawer-section.tsx';
import { SubmitWithProblem } from './form-problem.tsx';

interface TagsSectionProps {
  tags: string[];
  onChange: Annotate;
  readOnly?: boolean;
}

export function TagsSection({ tags, onChange, readOnly = false }: TagsSectionProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <DrawerSection titleId="drawer-tags-title" title="Tags">
      {tags.length === 0 ? <p className="bp-muted">No tags.</p> : null}
      <ul className="drawer-tags">
        {tags.map((tag) => (
          <li key={tag} className="drawer-tag">
            <span>{tag}</span>
            {readOnly ? null : (
              <button
                type="button"
                className="drawer-tag-remove"
                aria-label={`Remove tag ${tag}`}
                title={`Remove tag ${tag}`}
                onClick={() => onChange({ kind: 'remove-tag', tag })}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <form
          className="drawer-form"
          onSubmit={(event) => {
            event.preventDefault();
            const tag = draft.trim();
            if (tag === '') return setProblem('Enter a tag.');
            if (tag.length > TAG_MAX) return setProblem(`A tag has at most ${TAG_MAX} characters.`);
            setProblem(null);
            setDraft('');
            void onChange({ kind: 'add-tag', tag }).then((ok) => {
              if (!ok) setDraft((current) => current || tag);
            });
          }}
        >
          <label className="drawer-field">
            <span>New tag</span>
            <input value={draft} onChange={(e) => setDraft(e.target.value)} aria-invalid={problem !== null} />
          </label>
          <SubmitWithProblem label="Add tag" problem={problem} />
        </form>
      )}
    </DrawerSection>
  );
}
