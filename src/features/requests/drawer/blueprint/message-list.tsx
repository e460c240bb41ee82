import { useEffect, useRef, useState } from 'react';
import { MessageView } from './message-view.tsx';
import type { Message, ToolCallRef } from './normalize.ts';

/** Messages rendered at first, and added each time the end of the list comes into view. */
export const MESSAGE_BATCH = 30;

interface MessageListProps {
  messages: Message[];
  /** "input" or "output": prefixes accessible names. */
  side: string;
  toolCalls: Map<string, ToolCallRef>;
}

/** A tool message joined to its call is shown in the call's card, not again on its own. */
function isShownUnderItsCall(message: Message, toolCalls: Map<string, ToolCallRef>): boolean {
  return message.toolCallId !== null && toolCalls.get(message.toolCallId)?.result === message;
}

/**
 * Renders a conversation incrementally: a 2,000-message request shows its first batch at once
 * and grows as the reader scrolls (or presses the button), so opening it never blocks the tab.
 */
export function MessageList({ messages, side, toolCalls }: MessageListProps) {
  const [count, setCount] = useState(MESSAGE_BATCH);
  const sentinel = useRef<HTMLDivElement>(null);
  const remaining = messages.length - count;

  useEffect(() => {
    const node = sentinel.current;
    if (!node || remaining <= 0 || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setCount((c) => c + MESSAGE_BATCH);
      },
      { rootMargin: '600px' },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [remaining]);

  return (
    <div className="bp-messages">
      {messages.slice(0, count).map((message, i) =>
        isShownUnderItsCall(message, toolCalls) ? null : (
          <MessageView
            // biome-ignore lint/suspicious/noArrayIndexKey: messages are positional and never reordered
            key={i}
            message={message}
            label={`${side} message ${i + 1}`}
            toolCalls={toolCalls}
          />
        ),
      )}
      {remaining > 0 ? (
        <div ref={sentinel} className="bp-more">
          <button type="button" className="drawer-btn" onClick={() => setCount((c) => c + MESSAGE_BATCH * 4)}>
            Show more messages ({remaining.toLocaleString('en-US')} not shown)
          </button>
        </div>
      ) : null}
    </div>
  );
}
