import { useMemo } from 'react';
import { indexToolCalls, normalizeTemplate } from '../requests/drawer/blueprint/normalize.ts';
import { ParametersView } from '../requests/drawer/blueprint/parameters-view.tsx';
import { TemplateView } from '../requests/drawer/blueprint/template-view.tsx';
import { ToolsView } from '../requests/drawer/blueprint/tools-view.tsx';

interface ModelMetadata {
  provider?: unknown;
  name?: unknown;
  parameters?: unknown;
  api_type?: unknown;
}

/** One template version rendered like the drawer's blueprint: messages, tools, model and parameters. */
export function VersionBlueprint({
  template,
  metadata,
}: {
  template: Record<string, unknown>;
  metadata: Record<string, unknown>;
}) {
  const { normalized, toolCalls } = useMemo(() => {
    const normalized = normalizeTemplate(template);
    return { normalized, toolCalls: indexToolCalls([normalized]) };
  }, [template]);
  const model = (metadata.model ?? {}) as ModelMetadata;
  const parameters =
    typeof model.parameters === 'object' && model.parameters !== null
      ? (model.parameters as Record<string, unknown>)
      : {};
  const tools = normalized.kind === 'chat' ? normalized.tools : [];
  const variables = Array.isArray(template.input_variables) ? (template.input_variables as string[]) : [];
  return (
    <div className="bp prompt-blueprint">
      <dl className="prompt-facts">
        <dt>Model</dt>
        <dd>{model.name ? `${String(model.provider)} · ${String(model.name)}` : 'none'}</dd>
        {model.api_type ? (
          <>
            <dt>API type</dt>
            <dd>{String(model.api_type)}</dd>
          </>
        ) : null}
        <dt>Input variables</dt>
        <dd>{variables.length > 0 ? variables.join(', ') : 'none'}</dd>
      </dl>
      <TemplateView template={normalized} side="input" toolCalls={toolCalls} />
      {tools.length > 0 ? (
        <ToolsView tools={tools} toolChoice={normalized.kind === 'chat' ? normalized.toolChoice : null} />
      ) : null}
      <ParametersView parameters={parameters} />
    </div>
  );
}
