import { lazy, type Ref, Suspense } from 'react';
import type { RequestDetail } from '../../../../contract/api.ts';
import type { AnnotationEvent } from '../../../../contract/auth.ts';
import type { ScoreComment, ScoreDefinition } from '../../../../contract/score-definitions.ts';
import type { Annotate } from '../api/annotation-change.ts';
import { BlueprintView } from './blueprint/blueprint-view.tsx';
import { HistorySection, latestScoreAuthors } from './history-section.tsx';
import { MetadataSection } from './metadata-section.tsx';
import { RawJsonSection } from './raw-json-section.tsx';
import { ScoresSection } from './scores-section.tsx';
import { StatusLine, SummarySection } from './summary-section.tsx';
import { TagsSection } from './tags-section.tsx';

const TraceSection = lazy(() => import('../../traces/trace-section.tsx'));

export interface DrawerViewProps {
  detail: RequestDetail;
  onChange: Annotate;
  metadataKeyRef: Ref<HTMLInputElement>;
  /** Viewers and read keys see annotations without the controls that change them. */
  readOnly?: boolean;
  /** Who changed which annotation, newest first. */
  history?: readonly AnnotationEvent[];
  /** Active score definitions: the score form offers their labels and ranges. */
  definitions?: readonly ScoreDefinition[];
  comments?: readonly ScoreComment[];
  /** Blind review: scores, comments and history stay hidden until the reviewer has given theirs. */
  scoresWithheld?: boolean;
}

/** Everything about one loaded request. Pure: data in, edits out. */
export function DrawerView({
  detail,
  onChange,
  metadataKeyRef,
  readOnly = false,
  history = [],
  definitions = [],
  comments = [],
  scoresWithheld = false,
}: DrawerViewProps) {
  return (
    <div className="drawer-view" data-request-id={detail.id}>
      <StatusLine detail={detail} />
      <SummarySection detail={detail} />
      {detail.traceId ? (
        <Suspense fallback={<p className="bp-muted">Loading trace…</p>}>
          <TraceSection traceId={detail.traceId} requestId={detail.id} spanId={detail.spanId ?? null} />
        </Suspense>
      ) : null}
      {/* The conversation is what a reviewer judges, so it comes before the annotation forms. */}
      <BlueprintView input={detail.input} output={detail.output} parameters={detail.parameters} />
      {scoresWithheld ? (
        <p className="bp-muted">Others' scores stay hidden until you submit yours (blind review).</p>
      ) : (
        <ScoresSection
          scores={detail.scores}
          onChange={onChange}
          readOnly={readOnly}
          authors={latestScoreAuthors(history)}
          definitions={definitions}
          comments={comments}
        />
      )}
      <TagsSection tags={detail.tags} onChange={onChange} readOnly={readOnly} />
      <MetadataSection
        metadata={detail.metadata}
        onChange={onChange}
        keyInputRef={metadataKeyRef}
        readOnly={readOnly}
      />
      {scoresWithheld ? null : <HistorySection events={history} />}
      {scoresWithheld ? null : <RawJsonSection detail={detail} />}
    </div>
  );
}
