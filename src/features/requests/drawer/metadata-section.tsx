import { type Ref, useState } from 'react';
import { METADATA_KEY_MAX } from '../../../../contract/api.ts';
import type { Annotate } from '../api/annotation-change.ts';
import { DrawerSection } from './drawer-section.tsx';
import { SubmitWithProblem } from './form-problem.tsx';
import { MetadataRow } from './metadata-row.tsx';

interface MetadataSectionProps {
  metadata: Record<string, string>;
  onChange: Annotate;
  /** The "Metadata key" field: the `m` shortcut focuses it. */
  keyInputRef: Ref<HTMLInputElement>;
  readOnly?: boolean;
}

export function MetadataSection({ metadata, onChange, keyInputRef, readOnly = false }: MetadataSectionProps) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const entries = Object.entries(metadata).sort(([a], [b]) => a.localeCompare(b));
  return (
    <DrawerSection titleId="drawer-metadata-title" title="Metadata">
      {entries.length === 0 ? (
        <p className="bp-muted">No metadata.</p>
      ) : (
        <table className="drawer-table" aria-label="Metadata">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="drawer-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([name, v]) => (
              <MetadataRow key={name} name={name} value={v} onChange={onChange} readOnly={readOnly} />
            ))}
          </tbody>
        </table>
      )}
      {readOnly ? null : (
        <form
          className="drawer-form"
          onSubmit={(event) => {
            event.preventDefault();
            const trimmed = key.trim();
            if (trimmed === '') return setProblem('Enter a metadata key.');
            if (trimmed.length > METADATA_KEY_MAX)
              return setProblem(`A metadata key has at most ${METADATA_KEY_MAX} characters.`);
            setProblem(null);
            setKey('');
            setValue('');
            // Saved from the keyboard (`m`, type, Tab, type, Enter): hand the keys back to the drawer, so j moves on.
            event.currentTarget.closest<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
            // Refused: give the typing back, unless the user has started a new entry.
            void onChange({ kind: 'set-metadata', key: trimmed, value }).then((ok) => {
              if (ok) return;
              setKey((current) => current || key);
              setValue((current) => current || value);
            });
          }}
        >
          <label className="drawer-field">
            <span>Metadata key</span>
            <input
              ref={keyInputRef}
              value={key}
              onChange={(e) => setKey(e.target.value)}
              aria-invalid={problem !== null}
            />
          </label>
          <label className="drawer-field">
            <span>Metadata value</span>
            <input value={value} onChange={(e) => setValue(e.target.value)} />
          </label>
          <SubmitWithProblem label="Save metadata" problem={problem} />
        </form>
      )}
    </DrawerSection>
  );
}
