import { Button } from '../../components/ui/button.tsx';

export interface DraftMessage {
  role: string;
  text: string;
}

const ROLES = ['system', 'developer', 'user', 'assistant'];

/** The chat messages of a version being written: role and text each, added and removed in place. */
export function MessagesEditor({
  messages,
  onChange,
}: {
  messages: DraftMessage[];
  onChange: (next: DraftMessage[]) => void;
}) {
  const update = (index: number, patch: Partial<DraftMessage>) =>
    onChange(messages.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  return (
    <fieldset className="prompt-messages">
      <legend>Messages</legend>
      {messages.map((message, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: messages are edited in place by position
        <div key={index} className="prompt-message-edit">
          <select
            className="input"
            aria-label={`Role of message ${index + 1}`}
            value={message.role}
            onChange={(e) => update(index, { role: e.target.value })}
          >
            {ROLES.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
          <textarea
            className="input"
            rows={3}
            aria-label={`Text of message ${index + 1}`}
            value={message.text}
            onChange={(e) => update(index, { text: e.target.value })}
          />
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Remove message ${index + 1}`}
            onClick={() => onChange(messages.filter((_, i) => i !== index))}
            disabled={messages.length === 1}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button size="sm" onClick={() => onChange([...messages, { role: 'user', text: '' }])}>
        Add message
      </Button>
    </fieldset>
  );
}
