import type { RequestDetail } from '../../../../contract/api.ts';
import {
  EMPTY_MARK,
  formatCost,
  formatDateTime,
  formatLatency,
  formatRelativeTime,
  formatStatus,
  formatTokens,
  formatUtcTime,
} from '../../../lib/format.ts';
import { DrawerSection } from './drawer-section.tsx';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="drawer-kv-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const dash = (v: string | null) => (v === null || v === '' ? EMPTY_MARK : v);
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Status and time, and the error in full when there is one. */
export function StatusLine({ detail }: { detail: RequestDetail }) {
  const failed = detail.status !== 'SUCCESS';
  return (
    <div className="drawer-status-line">
      <span className={`drawer-status drawer-status-${detail.status.toLowerCase()}`}>
        {formatStatus(detail.status)}
      </span>
      <time dateTime={detail.startTime} title={formatUtcTime(detail.startTime)}>
        {formatDateTime(detail.startTime)}
      </time>
      <span className="bp-muted">({formatRelativeTime(detail.startTime)})</span>
      {failed ? (
        <section
          className={`drawer-error-callout drawer-error-${detail.status.toLowerCase()}`}
          aria-label={detail.status === 'ERROR' ? 'Error' : 'Warning'}
        >
          <strong className="bp-mono">{detail.errorType ?? detail.status}</strong>
          {detail.errorMessage ? <div className="bp-text">{detail.errorMessage}</div> : null}
        </section>
      ) : null}
    </div>
  );
}

export function SummarySection({ detail }: { detail: RequestDetail }) {
  const variables = Object.entries(detail.promptInputVariables ?? {});
  return (
    <DrawerSection titleId="drawer-summary-title" title="Summary">
      <dl className="drawer-kv drawer-summary">
        <Field label="Provider">{detail.provider}</Field>
        <Field label="Model">
          <span className="bp-mono">{detail.model}</span>
        </Field>
        <Field label="Function">
          <span className="bp-mono">{dash(detail.functionName)}</span>
        </Field>
        <Field label="API type">{dash(detail.apiType)}</Field>
        <Field label="Latency">{formatLatency(detail.latencyMs)}</Field>
        <Field label="Tokens">
          {detail.totalTokens === 0 ? (
            // The client reported no usage: unknown, not zero.
            EMPTY_MARK
          ) : (
            <>
              {formatTokens(detail.inputTokens)} in · {formatTokens(detail.outputTokens)} out ·{' '}
              {formatTokens(detail.totalTokens)} total
            </>
          )}
        </Field>
        <Field label="Cost">{formatCost(detail.cost)}</Field>
        <Field label="Prompt">
          {detail.promptName === null ? (
            EMPTY_MARK
          ) : (
            <>
              <span className="bp-mono">{detail.promptName}</span>
              {detail.promptVersion !== null ? (
                <span className="bp-muted"> v{detail.promptVersion}</span>
              ) : null}
            </>
          )}
        </Field>
        {variables.length > 0 ? (
          <Field label="Input variables">
            <ul className="drawer-vars">
              {variables.map(([name, value]) => (
                <li key={name}>
                  <span className="bp-mono">{name}</span> = <span className="bp-mono">{show(value)}</span>
                </li>
              ))}
            </ul>
          </Field>
        ) : null}
        {detail.groupId !== null ? <Field label="Group">{detail.groupId}</Field> : null}
      </dl>
    </DrawerSection>
  );
}
