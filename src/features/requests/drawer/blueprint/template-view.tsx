import { CopyButton } from '../copy-button.tsx';
import { ContentBlock } from './content-block.tsx';
import { JsonText } from './json-text.tsx';
import { MessageList } from './message-list.tsx';
import { type Message, messagePlainText, type Template, type ToolCallRef } from './normalize.ts';

const EMPTY_MESSAGE: Message = {
  role: 'completion',
  name: null,
  blocks: [],
  toolCalls: [],
  toolCallId: null,
  raw: null,
};

interface TemplateViewProps {
  template: Template;
  side: 'input' | 'output';
  toolCalls: Map<string, ToolCallRef>;
}

export function TemplateView({ template, side, toolCalls }: TemplateViewProps) {
  switch (template.kind) {
    case 'empty':
      return <p className="bp-muted">No {side}.</p>;
    case 'unknown':
      return (
        <div className="bp-unknown">
          <div className="bp-label">Unrecognised {side} template</div>
          <JsonText value={template.raw} />
        </div>
      );
    case 'completion':
      return (
        <article className="bp-message bp-role-completion" aria-label={`${side} completion prompt`}>
          <header className="bp-message-head">
            <span className="bp-role">completion</span>
            <span className="bp-spacer" />
            <CopyButton
              label={`Copy ${side} completion prompt`}
              value={() => messagePlainText({ ...EMPTY_MESSAGE, blocks: template.blocks })}
            />
          </header>
          <div className="bp-message-body">
            {template.blocks.length === 0 ? <div className="bp-muted">(empty)</div> : null}
            {template.blocks.map((block, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional
              <ContentBlock key={i} block={block} />
            ))}
          </div>
        </article>
      );
    case 'chat':
      return template.messages.length === 0 ? (
        <p className="bp-muted">No messages.</p>
      ) : (
        <MessageList messages={template.messages} side={side} toolCalls={toolCalls} />
      );
  }
}
