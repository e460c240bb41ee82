import { CopyButton } from '../copy-button.tsx';
import { ContentBlock } from './content-block.tsx';
import { type Message, messagePlainText, type ToolCallRef } from './normalize.ts';
import { ToolCallCard } from './tool-call-card.tsx';

const KNOWN_ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);

interface MessageViewProps {
  message: Message;
  /** e.g. "input message 3": used in accessible names. */
  label: string;
  toolCalls: Map<string, ToolCallRef>;
}

export function MessageView({ message, label, toolCalls }: MessageViewProps) {
  const roleClass = KNOWN_ROLES.has(message.role) ? message.role : 'other';
  const answered = message.toolCallId !== null ? toolCalls.get(message.toolCallId) : undefined;
  const empty = message.blocks.length === 0 && message.toolCalls.length === 0;
  return (
    <article className={`bp-message bp-role-${roleClass}`} aria-label={`${label}: ${message.role}`}>
      <header className="bp-message-head">
        <span className="bp-role">{message.role}</span>
        {message.name !== null ? <span className="bp-muted"> {message.name}</span> : null}
        {message.toolCallId !== null ? (
          <span className="bp-muted">
            {' '}
            result of <span className="bp-mono">{answered ? answered.call.name : 'unknown call'}</span>{' '}
            <span className="bp-mono">({message.toolCallId})</span>
          </span>
        ) : null}
        <span className="bp-spacer" />
        <CopyButton label={`Copy ${label}`} value={() => messagePlainText(message)} />
      </header>
      <div className="bp-message-body">
        {empty ? <div className="bp-muted">(empty)</div> : null}
        {message.blocks.map((block, i) => (
          // Blocks have no identity of their own; their position is stable for a given request.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <ContentBlock key={i} block={block} />
        ))}
        {message.toolCalls.map((call, i) => (
          <ToolCallCard
            // biome-ignore lint/suspicious/noArrayIndexKey: ids are optional (legacy function_call)
            key={i}
            call={call}
            result={call.id !== null ? (toolCalls.get(call.id)?.result ?? null) : null}
          />
        ))}
      </div>
    </article>
  );
}
