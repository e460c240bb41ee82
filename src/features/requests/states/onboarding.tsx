import copy from 'clipboard-copy';
import { announce } from '../../../components/ui/announcer.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CopyIcon } from '../../../components/ui/icons.tsx';
import { formatCount } from '../../../lib/format.ts';
import { useCan } from '../../auth/session-context.tsx';
import { SAMPLE_COUNT, useLoadSampleData } from '../api/load-sample-data.ts';
import { ingestSnippets } from './snippets.ts';

/** The empty database: how to send the first request, or load sample data. */
export function Onboarding() {
  const load = useLoadSampleData();
  const canLoad = useCan('admin');
  const snippets = ingestSnippets(window.location.origin);
  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">No requests yet</h2>
      <p className="muted">
        Point the PromptLayer SDK or any HTTP client at this server and your model calls show up here. Set{' '}
        <code>PROMPTLAYER_BASE_URL</code> to <code>{window.location.origin}</code> and use your Promptlog API
        key (left out of the snippets below).
      </p>
      {canLoad ? (
        <div className="onboarding-actions">
          <Button variant="primary" onClick={() => load.mutate()} disabled={load.isPending}>
            {load.isPending ? 'Loading sample data…' : 'Load sample data'}
          </Button>
          <span className="muted small">
            {formatCount(SAMPLE_COUNT)} realistic requests tagged “sample”; you can remove exactly these
            later.
          </span>
        </div>
      ) : null}
      <div className="snippets">
        {snippets.map((snippet) => (
          <figure key={snippet.id} className="snippet">
            <figcaption>
              <span>{snippet.title}</span>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Copy ${snippet.title} snippet`}
                onClick={async () => {
                  await copy(snippet.code);
                  announce('Copied');
                }}
              >
                <CopyIcon /> Copy
              </Button>
            </figcaption>
            <pre>
              <code>{snippet.code}</code>
            </pre>
          </figure>
        ))}
      </div>
    </section>
  );
}
