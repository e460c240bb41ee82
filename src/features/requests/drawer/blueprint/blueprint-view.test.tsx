// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  failedCompletionRequest,
  toolCallRequest,
  toolResultTurnRequest,
  wireSamples,
} from '../../../../../server/testing/wire-samples.ts';
import { BlueprintView } from './blueprint-view.tsx';
import { COLLAPSED_CHARS } from './long-text.tsx';
import { MESSAGE_BATCH } from './message-list.tsx';

afterEach(cleanup);

const sampleNames = Object.keys(wireSamples) as (keyof typeof wireSamples)[];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every string a reader must be able to see: texts, thinking, tool names and tool-result texts. */
function visibleStrings(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const x of node) visibleStrings(x, out);
  else if (isObj(node)) {
    for (const key of ['text', 'thinking', 'code']) if (typeof node[key] === 'string') out.push(node[key]);
    if (isObj(node.function) && typeof node.function.name === 'string') out.push(node.function.name);
    for (const value of Object.values(node)) visibleStrings(value, out);
  }
  return out;
}

/** A log-request body has input/output; a GET response carries the input as prompt_blueprint. */
function blueprintOf(fixture: Obj): { input: unknown; output: unknown; parameters: Obj } {
  if ('prompt_blueprint' in fixture) return { input: fixture.prompt_blueprint, output: null, parameters: {} };
  if ('input' in fixture)
    return {
      input: fixture.input,
      output: fixture.output,
      parameters: isObj(fixture.parameters) ? fixture.parameters : {},
    };
  return { input: fixture, output: undefined, parameters: {} };
}

describe('BlueprintView against every PromptLayer wire sample', () => {
  it('finds samples', () => {
    expect(sampleNames.length).toBeGreaterThanOrEqual(5);
  });

  it.each(sampleNames)('%s renders every text, tool and parameter', (name) => {
    const fixture = wireSamples[name]() as Obj;
    const { input, output, parameters } = blueprintOf(fixture);
    const { container } = render(<BlueprintView input={input} output={output} parameters={parameters} />);
    const text = container.textContent ?? '';
    for (const s of visibleStrings([input, output])) expect(text).toContain(s);
    const params = isObj(fixture.prompt_blueprint)
      ? ((fixture.prompt_blueprint.metadata as Obj).model as Obj).parameters
      : parameters;
    for (const key of Object.keys(params as Obj)) expect(text).toContain(key);
    expect(container.querySelector('script')).toBeNull();
  });

  it('toolCallRequest: tool call card with pretty arguments, tool definition section', () => {
    const fixture = toolCallRequest();
    render(<BlueprintView input={fixture.input} output={fixture.output} parameters={{}} />);
    const card = screen.getByRole('region', { name: 'Tool call lookup_order' });
    expect(card).toHaveTextContent('call_order_7');
    expect(card.textContent).toContain('"order_id": "A-1042"');
    expect(screen.getByRole('heading', { name: 'Tools (1)' })).toBeInTheDocument();
    expect(screen.getByText('Find an order by its number', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('auto')).toBeInTheDocument();
  });

  it('toolResultTurnRequest: thinking collapsed, tool result joined to its call by id', () => {
    const fixture = toolResultTurnRequest();
    render(<BlueprintView input={fixture.input} output={fixture.output} parameters={{}} />);
    const thinking = screen.getByText(/^Thinking/).closest('details');
    expect(thinking).not.toBeNull();
    expect(thinking?.open).toBe(false);
    // The tool message answering the call is shown once, under the call.
    expect(screen.queryByRole('article', { name: 'input message 4: tool' })).toBeNull();
    const card = screen.getByRole('region', { name: 'Tool call lookup_order' });
    expect(within(card).getByRole('region', { name: 'Result of lookup_order' })).toHaveTextContent(
      '"carrier": "DHL"',
    );
    expect(screen.getAllByText(/"carrier": "DHL"/)).toHaveLength(1);
    expect(screen.getByRole('article', { name: 'output message 1: assistant' })).toHaveTextContent(
      'Order A-1042 has shipped with DHL and arrives tomorrow.',
    );
  });

  it('failedCompletionRequest: completion prompts on both sides, empty output', () => {
    const fixture = failedCompletionRequest();
    render(<BlueprintView input={fixture.input} output={fixture.output} parameters={{}} />);
    expect(screen.getByRole('article', { name: 'input completion prompt' })).toHaveTextContent(
      'Write a haiku about tea',
    );
    expect(screen.getByRole('article', { name: 'output completion prompt' })).toHaveTextContent('(empty)');
    expect(screen.getByRole('button', { name: 'Copy input completion prompt' })).toBeInTheDocument();
  });
});

const chat = (...messages: unknown[]) => ({ type: 'chat', messages });

describe('BlueprintView edge cases', () => {
  it('shows unknown block types and unknown templates as JSON', () => {
    render(
      <BlueprintView
        input={chat({
          role: 'assistant',
          content: [
            { type: 'server_tool_use', id: 'srv_1', name: 'web_search', input: { query: 'paris' } },
            { type: 'text' },
            42,
          ],
        })}
        output={{ weird: true }}
        parameters={{}}
      />,
    );
    expect(screen.getByText('server_tool_use block')).toBeInTheDocument();
    expect(screen.getByText(/"query": "paris"/)).toBeInTheDocument();
    expect(screen.getByText('number block')).toBeInTheDocument();
    expect(screen.getByText('Unrecognised output template')).toBeInTheDocument();
    expect(screen.getByText(/"weird": true/)).toBeInTheDocument();
  });

  it('handles empty content, null content, string content, missing output, non-object messages', () => {
    render(
      <BlueprintView
        input={chat(
          { role: 'user', content: [] },
          { role: 'assistant', content: null },
          { role: 'developer', content: 'plain   string\n  kept' },
          null,
          { role: 'placeholder', name: 'history' },
          { role: 'function', name: 'lookup', content: [{ type: 'text', text: 'legacy' }] },
        )}
        output={undefined}
        parameters={{}}
      />,
    );
    expect(screen.getByRole('article', { name: 'input message 1: user' })).toHaveTextContent('(empty)');
    expect(screen.getByRole('article', { name: 'input message 2: assistant' })).toHaveTextContent('(empty)');
    const dev = screen.getByRole('article', { name: 'input message 3: developer' });
    expect(dev.querySelector('.bp-text')?.textContent).toBe('plain   string\n  kept');
    expect(screen.getByRole('article', { name: 'input message 4: unknown' })).toHaveTextContent(
      'object block',
    );
    expect(screen.getByRole('article', { name: 'input message 5: placeholder' })).toHaveTextContent(
      'history',
    );
    expect(screen.getByRole('article', { name: 'input message 6: function' })).toHaveTextContent('legacy');
    expect(screen.getByText('No output.')).toBeInTheDocument();
  });

  it('shows invalid JSON tool arguments raw, and legacy function_call', () => {
    render(
      <BlueprintView
        input={chat(
          {
            role: 'assistant',
            tool_calls: [{ id: 'c1', type: 'function', function: { name: 'broken', arguments: '{"a": 1,' } }],
          },
          { role: 'assistant', function_call: { name: 'legacy_fn', arguments: '{"x":2}' } },
        )}
        output={null}
        parameters={{}}
      />,
    );
    const broken = screen.getByRole('region', { name: 'Tool call broken' });
    expect(broken).toHaveTextContent('Arguments are not valid JSON');
    expect(broken).toHaveTextContent('{"a": 1,');
    expect(screen.getByRole('region', { name: 'Tool call legacy_fn' })).toHaveTextContent('"x": 2');
  });

  it('loads only http(s) and data:image URLs, lazily; other schemes stay text', () => {
    const { container } = render(
      <BlueprintView
        input={chat({
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'javascript:alert(1)' } },
            {
              type: 'media',
              media: { url: 'data:text/html,<script>alert(1)</script>', type: 'text/html', title: 'x' },
            },
            {
              type: 'media',
              media: { url: 'https://example.com/a.pdf', type: 'application/pdf', title: 'Report' },
            },
            { type: 'output_media', url: 'https://example.com/out.png', mime_type: 'image/png' },
            { type: 'code', code: 'print(1)', language: 'python' },
          ],
        })}
        output={null}
        parameters={{}}
      />,
    );
    const images = [...container.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('src'))).toEqual([
      'https://example.com/cat.png',
      'data:image/png;base64,iVBORw0KGgo=',
      'https://example.com/out.png',
    ]);
    for (const img of images) expect(img.getAttribute('loading')).toBe('lazy');
    expect(screen.getByText('javascript:alert(1)')).toBeInTheDocument();
    const links = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://example.com/a.pdf']);
    expect(container.innerHTML).not.toContain('href="javascript');
    expect(screen.getByText('print(1)')).toBeInTheDocument();
  });

  it('renders markup as inert text', () => {
    const payload = '<script>window.__xss = 1</script><img src=x onerror="window.__xss=2">';
    const { container } = render(
      <BlueprintView
        input={chat({ role: 'user', content: payload })}
        output={null}
        parameters={{ p: payload }}
      />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(payload);
  });

  it('collapses huge text and reveals more on demand', () => {
    const huge = 'x'.repeat(5_000_000);
    const { container } = render(
      <BlueprintView input={chat({ role: 'user', content: huge })} output={null} parameters={{}} />,
    );
    expect((container.textContent ?? '').length).toBeLessThan(COLLAPSED_CHARS + 2_000);
    fireEvent.click(screen.getByRole('button', { name: /Show more \(4,996,000 more characters\)/ }));
    expect((container.textContent ?? '').length).toBeGreaterThan(100_000);
    fireEvent.click(screen.getByRole('button', { name: 'Show less' }));
    expect((container.textContent ?? '').length).toBeLessThan(COLLAPSED_CHARS + 2_000);
  });

  it('renders a 2,000-message conversation incrementally', () => {
    const messages = Array.from({ length: 2000 }, (_, i) => ({
      role: i % 2 ? 'assistant' : 'user',
      content: [{ type: 'text', text: `message number ${i + 1}` }],
    }));
    render(<BlueprintView input={chat(...messages)} output={null} parameters={{}} />);
    const input = screen.getByRole('region', { name: 'Input' });
    expect(within(input).getAllByRole('article')).toHaveLength(MESSAGE_BATCH);
    fireEvent.click(screen.getByRole('button', { name: /Show more messages \(1,970 not shown\)/ }));
    expect(within(input).getAllByRole('article')).toHaveLength(MESSAGE_BATCH * 5);
  });

  it('shows nested parameters as JSON and scalars as values', () => {
    render(
      <BlueprintView
        input={null}
        output={null}
        parameters={{ temperature: 0.2, thinking: { type: 'enabled', budget_tokens: 512 } }}
      />,
    );
    expect(screen.getByText('0.2')).toBeInTheDocument();
    expect(screen.getByText(/"budget_tokens": 512/)).toBeInTheDocument();
    expect(screen.getByText('No input.')).toBeInTheDocument();
  });
});
