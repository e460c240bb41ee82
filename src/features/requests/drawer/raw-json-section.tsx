import { useState } from 'react';
import type { RequestDetail } from '../../../../contract/api.ts';
import { JsonText } from './blueprint/json-text.tsx';
import { CopyButton } from './copy-button.tsx';

/** The whole detail as JSON: built only when opened or copied, and shown collapsed when long. */
export function RawJsonSection({ detail }: { detail: RequestDetail }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="drawer-section" aria-labelledby="drawer-raw-title">
      <div className="drawer-section-head">
        <h3 id="drawer-raw-title" className="drawer-section-title">
          Raw JSON
        </h3>
        <button
          type="button"
          className="drawer-btn drawer-btn-small"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide raw JSON' : 'Show raw JSON'}
        </button>
        <CopyButton label="Copy raw JSON" value={() => JSON.stringify(detail, null, 2)} />
      </div>
      {open ? <JsonText value={detail} /> : null}
    </section>
  );
}
