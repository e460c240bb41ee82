// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { BlueprintView } from './blueprint-view.tsx';

afterEach(cleanup);

const input = {
  type: 'chat',
  messages: [
    { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
    {
      role: 'assistant',
      content: [],
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }],
    },
    {
      role: 'tool',
      tool_call_id: 'call_1',
      content: [{ type: 'text', text: `RESULT ${'x'.repeat(400)} END` }],
    },
    { role: 'tool', tool_call_id: 'call_missing', content: [{ type: 'text', text: 'orphan result' }] },
  ],
};

it('shows a tool result once, in full, under its call; a result with no call keeps its own message', () => {
  render(<BlueprintView input={input} output={{}} parameters={{}} />);
  const card = screen.getByRole('region', { name: 'Tool call get_weather' });
  const result = within(card).getByRole('region', { name: 'Result of get_weather' });
  expect(result).toHaveTextContent(/RESULT x+ END/);
  expect(screen.getAllByText(/RESULT x+ END/)).toHaveLength(1);
  expect(screen.queryByRole('article', { name: 'input message 3: tool' })).toBeNull();
  expect(screen.getByRole('article', { name: 'input message 4: tool' })).toHaveTextContent('orphan result');
});
