import { type FormEvent, useId, useMemo, useState } from 'react';
import type { TemplateVersion } from '../../../contract/prompt-registry.ts';
import { detectVariables, type TemplateFormat } from '../../../contract/prompt-variables.ts';
import { Button } from '../../components/ui/button.tsx';
import { NestedTextField } from '../../components/ui/form-field.tsx';
import { usePublishVersion } from './api/publish-version.ts';
import { type DraftMessage, MessagesEditor } from './messages-editor.tsx';

interface Draft {
  kind: 'chat' | 'completion';
  format: TemplateFormat;
  messages: DraftMessage[];
  completion: string;
  provider: string;
  model: string;
  parameters: string;
  commitMessage: string;
  labels: string;
}

function textOf(content: unknown): string {
  const blocks = Array.isArray(content) ? content : [];
  return blocks
    .map((b) =>
      (b as { type?: string; text?: string }).type === 'text' ? ((b as { text?: string }).text ?? '') : '',
    )
    .join('\n');
}

/** The form starts from the latest version (or a blank chat for a new template). */
function draftFrom(base: TemplateVersion | undefined): Draft {
  const template = base?.prompt_template ?? {};
  const model = (base?.metadata.model ?? {}) as { provider?: string; name?: string; parameters?: unknown };
  const messages = Array.isArray(template.messages) ? (template.messages as Record<string, unknown>[]) : [];
  const first = messages[0] as { template_format?: string } | undefined;
  return {
    kind: template.type === 'completion' ? 'completion' : 'chat',
    format: (first?.template_format ?? template.template_format) === 'jinja2' ? 'jinja2' : 'f-string',
    messages:
      messages.length > 0
        ? messages.map((m) => ({ role: String(m.role ?? 'user'), text: textOf(m.content) }))
        : [
            { role: 'system', text: '' },
            { role: 'user', text: '' },
          ],
    completion: template.type === 'completion' ? textOf(template.content) : '',
    provider: model.provider ?? 'openai',
    model: model.name ?? 'gpt-4o',
    parameters: JSON.stringify(model.parameters ?? {}, null, 2),
    commitMessage: '',
    labels: '',
  };
}

function parseParameters(text: string): Record<string, unknown> | string {
  try {
    const value: unknown = JSON.parse(text || '{}');
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  return 'Parameters must be a JSON object, e.g. {"temperature": 0.7}.';
}

export function VersionForm({
  name,
  base,
  onDone,
}: {
  name: string | null;
  base: TemplateVersion | undefined;
  onDone: (name: string) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(base));
  const [newName, setNewName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const publish = usePublishVersion();
  const id = useId();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const texts = draft.kind === 'chat' ? draft.messages.map((m) => m.text) : [draft.completion];
  const variables = useMemo(
    () => [...new Set(texts.flatMap((t) => detectVariables(t, draft.format)))],
    [texts, draft.format],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parameters = parseParameters(draft.parameters);
    const templateName = name ?? newName.trim();
    if (!templateName) return setProblem('Give the template a name.');
    if (typeof parameters === 'string') return setProblem(parameters);
    const blocks = (text: string) => [{ type: 'text', text }];
    const template =
      draft.kind === 'chat'
        ? {
            type: 'chat',
            messages: draft.messages.map((m) => ({
              role: m.role,
              template_format: draft.format,
              content: blocks(m.text),
            })),
          }
        : { type: 'completion', template_format: draft.format, content: blocks(draft.completion) };
    setProblem(null);
    publish.mutate(
      {
        name: templateName,
        template,
        model: { provider: draft.provider.trim(), name: draft.model.trim(), parameters },
        commitMessage: draft.commitMessage.trim(),
        labels: draft.labels
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean),
      },
      { onSuccess: () => onDone(templateName), onError: (error) => setProblem(error.message) },
    );
  };

  return (
    <form className="prompt-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{name ? `New version of ${name}` : 'New prompt template'}</h2>
      {name ? null : (
        <NestedTextField label="Name" value={newName} onChange={setNewName} required maxLength={512} />
      )}
      <div className="prompt-form-row">
        <fieldset>
          <legend>Type</legend>
          {(['chat', 'completion'] as const).map((kind) => (
            <label key={kind} className="inline">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={draft.kind === kind}
                onChange={() => set({ kind })}
              />
              {kind === 'chat' ? 'Chat messages' : 'Completion text'}
            </label>
          ))}
        </fieldset>
        <label>
          Template format
          <select
            className="input"
            value={draft.format}
            onChange={(e) => set({ format: e.target.value as TemplateFormat })}
          >
            <option value="f-string">f-string ({'{name}'})</option>
            <option value="jinja2">jinja2 ({'{{ name }}'})</option>
          </select>
        </label>
      </div>
      {draft.kind === 'chat' ? (
        <MessagesEditor messages={draft.messages} onChange={(messages) => set({ messages })} />
      ) : (
        <label>
          Completion prompt
          <textarea
            className="input"
            rows={6}
            value={draft.completion}
            onChange={(e) => set({ completion: e.target.value })}
          />
        </label>
      )}
      <p className="prompt-variables" aria-live="polite">
        Input variables:{' '}
        {variables.length > 0 ? (
          variables.map((v) => <code key={v}>{v}</code>)
        ) : (
          <span className="muted">none</span>
        )}
      </p>
      <div className="prompt-form-row">
        <NestedTextField
          label="Provider"
          value={draft.provider}
          onChange={(v) => set({ provider: v })}
          required
        />
        <NestedTextField label="Model" value={draft.model} onChange={(v) => set({ model: v })} required />
      </div>
      <label>
        Parameters (JSON)
        <textarea
          className="input mono"
          rows={3}
          value={draft.parameters}
          onChange={(e) => set({ parameters: e.target.value })}
        />
      </label>
      <div className="prompt-form-row">
        <NestedTextField
          label="Commit message"
          value={draft.commitMessage}
          onChange={(v) => set({ commitMessage: v })}
        />
        <NestedTextField
          label="Release labels (comma-separated)"
          value={draft.labels}
          onChange={(v) => set({ labels: v })}
          placeholder="prod, staging"
        />
      </div>
      {problem ? (
        <p role="alert" className="prompts-error">
          {problem}
        </p>
      ) : null}
      <div className="prompt-form-actions">
        <Button type="submit" variant="primary" disabled={publish.isPending}>
          {publish.isPending ? 'Saving…' : 'Save version'}
        </Button>
        <Button onClick={() => onDone(name ?? '')}>Cancel</Button>
      </div>
    </form>
  );
}
