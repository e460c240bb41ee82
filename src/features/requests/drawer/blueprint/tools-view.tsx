import { JsonText } from './json-text.tsx';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function ToolDefinition({ tool }: { tool: unknown }) {
  const fn = isObj(tool) && isObj(tool.function) ? tool.function : null;
  if (fn === null || typeof fn.name !== 'string') {
    const type = isObj(tool) && typeof tool.type === 'string' ? tool.type : 'tool';
    return (
      <li className="bp-tool-def">
        <div className="bp-label">{type} (built-in)</div>
        <JsonText value={tool} />
      </li>
    );
  }
  return (
    <li className="bp-tool-def">
      <div>
        <strong className="bp-mono">{fn.name}</strong>
        {typeof fn.description === 'string' ? <span className="bp-muted"> — {fn.description}</span> : null}
      </div>
      {fn.parameters !== undefined ? (
        <details>
          <summary>Parameters schema</summary>
          <JsonText value={fn.parameters} />
        </details>
      ) : null}
    </li>
  );
}

export function ToolsView({ tools, toolChoice }: { tools: unknown[]; toolChoice: unknown }) {
  return (
    <div>
      <ul className="bp-tool-defs">
        {tools.map((tool, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: tool definitions are positional
          <ToolDefinition key={i} tool={tool} />
        ))}
      </ul>
      {toolChoice !== null && toolChoice !== undefined ? (
        <div className="bp-muted">
          Tool choice: <code>{typeof toolChoice === 'string' ? toolChoice : JSON.stringify(toolChoice)}</code>
        </div>
      ) : null}
    </div>
  );
}
