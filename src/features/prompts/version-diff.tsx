import { useMemo } from 'react';
import type { TemplateVersion } from '../../../contract/prompt-registry.ts';
import { lineDiff, versionText } from './line-diff.ts';

/** Line diff of two versions' messages and model; unchanged lines are dimmed. */
export function VersionDiff({ before, after }: { before: TemplateVersion; after: TemplateVersion }) {
  const lines = useMemo(
    () =>
      lineDiff(
        versionText(before.prompt_template, before.metadata),
        versionText(after.prompt_template, after.metadata),
      ),
    [before, after],
  );
  const changed = lines.some((line) => line.kind !== 'same');
  return (
    <section
      className="prompt-diff"
      aria-label={`Changes from version ${before.version} to version ${after.version}`}
    >
      <h2>
        v{before.version} → v{after.version}
      </h2>
      {changed ? null : <p className="muted">These versions are identical.</p>}
      <pre className="prompt-diff-lines">
        {lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed diff, never reordered
          <div key={index} className={`diff-${line.kind}`}>
            <span className="diff-mark" aria-hidden="true">
              {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
            </span>
            <span className="visually-hidden">{line.kind === 'same' ? '' : `${line.kind}: `}</span>
            {line.text || ' '}
          </div>
        ))}
      </pre>
    </section>
  );
}
