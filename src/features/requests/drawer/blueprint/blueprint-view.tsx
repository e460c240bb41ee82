import { useMemo } from 'react';
import { DrawerSection } from '../drawer-section.tsx';
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
      <DrawerSection titleId="bp-input-title" title="Input">
        <TemplateView template={inputT} side="input" toolCalls={toolCalls} />
      </DrawerSection>
      <DrawerSection titleId="bp-output-title" title="Output">
        <TemplateView template={outputT} side="output" toolCalls={toolCalls} />
      </DrawerSection>
      {tools.length > 0 ? (
        <DrawerSection titleId="bp-tools-title" title={`Tools (${tools.length})`}>
          <ToolsView tools={tools} toolChoice={inputT.kind === 'chat' ? inputT.toolChoice : null} />
        </DrawerSection>
      ) : null}
      <DrawerSection titleId="bp-params-title" title="Model parameters">
        <ParametersView parameters={shownParameters} />
      </DrawerSection>
    </div>
  );
}
