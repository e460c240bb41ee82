import { useMemo } from 'react';
import { blueprintModel, indexToolCalls, normalizeTemplate, type Template } from './normalize.ts';
import { ParametersView } from './parameters-view.tsx';
import { TemplateView } from './template-view.tsx';
import { ToolsView } from './tools-view.tsx';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface BlueprintViewProps {
  input: unknown;
  output: unknown;
  parameters: Record<string, unknown>;
}

/** The conversation of one request: input messages, output, tool definitions, model parameters. */
export function BlueprintView({ input, output, parameters }: BlueprintViewProps) {
  const { inputT, outputT, toolCalls } = useMemo(() => {
    const inputT: Template = normalizeTemplate(input);
    const outputT: Template = normalizeTemplate(output);
    return { inputT, outputT, toolCalls: indexToolCalls([inputT, outputT]) };
  }, [input, output]);
  const tools = inputT.kind === 'chat' ? inputT.tools : [];
  const modelParameters = blueprintModel(input)?.parameters;
  const shownParameters =
    Object.keys(parameters).length === 0 && isRecord(modelParameters) ? modelParameters : parameters;
  return (
    <div className="bp">
      <section className="drawer-section" aria-labelledby="bp-input-title">
        <h3 id="bp-input-title" className="drawer-section-title">
          Input
        </h3>
        <TemplateView template={inputT} side="input" toolCalls={toolCalls} />
      </section>
      <section className="drawer-section" aria-labelledby="bp-output-title">
        <h3 id="bp-output-title" className="drawer-section-title">
          Output
        </h3>
        <TemplateView template={outputT} side="output" toolCalls={toolCalls} />
      </section>
      {tools.length > 0 ? (
        <section className="drawer-section" aria-labelledby="bp-tools-title">
          <h3 id="bp-tools-title" className="drawer-section-title">
            Tools ({tools.length})
          </h3>
          <ToolsView tools={tools} toolChoice={inputT.kind === 'chat' ? inputT.toolChoice : null} />
        </section>
      ) : null}
      <section className="drawer-section" aria-labelledby="bp-params-title">
        <h3 id="bp-params-title" className="drawer-section-title">
          Model parameters
        </h3>
        <ParametersView parameters={shownParameters} />
      </section>
    </div>
  );
}
