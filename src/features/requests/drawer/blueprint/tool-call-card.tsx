import { useMemo } from 'react';
import { prettyJsonText } from './json-text.tsx';
import { JSON_LIMITS, LongText } from './long-text.tsx';
import { type Message, messagePlainText, type ToolCall } from './normalize.ts';

const RESULT_PREVIEW_CHARS = 300;

export function ToolCallCard({ call, result }: { call: ToolCall; result: Message | null }) {
  const pretty = useMemo(() => prettyJsonText(call.arguments), [call.arguments]);
  const resultText = result ? messagePlainText(result) : null;
  return (
    <section className="bp-tool-call" aria-label={`Tool call ${call.name}`}>
      <header className="bp-tool-call-head">
        <span className="bp-badge">tool call</span> <strong className="bp-mono">{call.name}</strong>
        {call.id !== null ? <span className="bp-muted bp-mono"> {call.id}</span> : null}
      </header>
      {call.arguments === '' ? (
        <div className="bp-muted">(no arguments)</div>
      ) : pretty !== null ? (
        <LongText text={pretty} className="bp-json" limits={JSON_LIMITS} />
      ) : (
        <>
          <div className="bp-warning">Arguments are not valid JSON; shown as sent:</div>
          <LongText text={call.arguments} className="bp-json" limits={JSON_LIMITS} />
        </>
      )}
      {resultText !== null ? (
        <div className="bp-tool-result-preview">
          <span className="bp-label">Result:</span>{' '}
          {resultText.length > RESULT_PREVIEW_CHARS
            ? `${resultText.slice(0, RESULT_PREVIEW_CHARS)}…`
            : resultText}
        </div>
      ) : null}
    </section>
  );
}
