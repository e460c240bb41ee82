import { useMemo } from 'react';
import { ContentBlock } from './content-block.tsx';
import { prettyJsonText } from './json-text.tsx';
import { JSON_LIMITS, LongText } from './long-text.tsx';
import type { Message, ToolCall } from './normalize.ts';

export function ToolCallCard({ call, result }: { call: ToolCall; result: Message | null }) {
  const pretty = useMemo(() => prettyJsonText(call.arguments), [call.arguments]);
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
      {result !== null ? (
        // The answering tool message is shown here, once: the conversation skips it.
        <section className="bp-tool-result" aria-label={`Result of ${call.name}`}>
          <div className="bp-label">Result</div>
          {result.blocks.length === 0 ? <div className="bp-muted">(empty)</div> : null}
          {result.blocks.map((block, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional
            <ContentBlock key={i} block={block} />
          ))}
        </section>
      ) : null}
    </section>
  );
}
