import { useState } from 'react';
import type { Annotate } from '../api/annotation-change.ts';
import { SmallButton } from './small-button.tsx';

interface MetadataRowProps {
  name: string;
  value: string;
  onChange: Annotate;
  readOnly?: boolean;
}

/** One key/value pair, with its value editable in place. */
export function MetadataRow({ name, value, onChange, readOnly = false }: MetadataRowProps) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <tr>
      <th scope="row" className="bp-mono">
        {name}
      </th>
      <td>
        {draft === null ? (
          <span className="bp-text">{value}</span>
        ) : (
          <form
            className="drawer-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              setDraft(null);
              if (draft === value) return;
              // Refused: reopen the editor with what was typed.
              void onChange({ kind: 'set-metadata', key: name, value: draft }).then((ok) => {
                if (!ok) setDraft((current) => current ?? draft);
              });
            }}
          >
            <input
              aria-label={`Value of ${name}`}
              value={draft}
              // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this value
              autoFocus
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setDraft(null);
              }}
            />
            <button type="submit" className="drawer-btn drawer-btn-small">
              Save
            </button>
            <button type="button" className="drawer-btn drawer-btn-small" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </form>
        )}
      </td>
      <td className="drawer-row-actions">
        {readOnly ? null : draft === null ? (
          <SmallButton label={`Edit metadata ${name}`} onClick={() => setDraft(value)}>
            Edit
          </SmallButton>
        ) : null}
        {readOnly ? null : (
          <SmallButton
            label={`Remove metadata ${name}`}
            onClick={() => onChange({ kind: 'delete-metadata', key: name })}
          >
            Remove
          </SmallButton>
        )}
      </td>
    </tr>
  );
}
