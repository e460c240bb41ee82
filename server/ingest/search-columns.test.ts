import { describe, expect, it } from 'vitest';
import { deriveSearchColumns, inputTextOf, outputTextOf } from './search-columns.ts';

const text = (t: string) => [{ type: 'text', text: t }];

describe('derived search columns', () => {
  it('prefixes each input message with its role and drops a final assistant message', () => {
    const input = {
      type: 'chat',
      messages: [
        { role: 'system', content: text('Be brief.') },
        { role: 'user', content: text('Hi') },
        { role: 'assistant', content: text('prefill') },
      ],
    };
    expect(inputTextOf(input)).toBe('[system]: Be brief.\n[user]: Hi');
  });

  it('keeps an assistant message that is not the last one, and skips non-text blocks', () => {
    const input = {
      type: 'chat',
      messages: [
        { role: 'user', content: text('weather?') },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'hmm' }], tool_calls: [] },
        { role: 'assistant', content: text('Let me check') },
        { role: 'tool', content: text('{"t":18}'), tool_call_id: 'a' },
      ],
    };
    expect(inputTextOf(input)).toBe('[user]: weather?\n[assistant]: Let me check\n[tool]: {"t":18}');
  });

  it('reads completion prompts as their text', () => {
    expect(inputTextOf({ type: 'completion', content: text('Say hello') })).toBe('Say hello');
    expect(outputTextOf({ type: 'completion', content: text('Hello') })).toBe('Hello');
  });

  it('finds tool calls, their names and JSON output', () => {
    const output = {
      type: 'chat',
      messages: [
        {
          role: 'assistant',
          content: [],
          tool_calls: [
            { id: '1', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
            { id: '2', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
            { id: '3', type: 'function', function: { name: 'get_time', arguments: '{}' } },
          ],
        },
      ],
    };
    const columns = deriveSearchColumns({ type: 'chat', messages: [] }, output);
    expect(columns.isToolCall).toBe(true);
    expect(columns.toolNames).toEqual(['get_weather', 'get_time']);
    expect(columns.isJson).toBe(false);

    const json = deriveSearchColumns(
      { type: 'chat', messages: [] },
      { type: 'chat', messages: [{ role: 'assistant', content: text(' {"a": [1, 2]} ') }] },
    );
    expect(json).toMatchObject({
      isToolCall: false,
      toolNames: [],
      isJson: true,
      outputText: ' {"a": [1, 2]} ',
    });
    const notJson = deriveSearchColumns(
      { type: 'chat', messages: [] },
      { type: 'chat', messages: [{ role: 'assistant', content: text('{not json') }] },
    );
    expect(notJson.isJson).toBe(false);
    expect(
      deriveSearchColumns(
        { type: 'chat', messages: [] },
        { type: 'chat', messages: [{ role: 'assistant', content: text('42') }] },
      ).isJson,
    ).toBe(false);
  });

  it('counts a legacy function_call as a tool call', () => {
    const output = {
      type: 'chat',
      messages: [{ role: 'assistant', content: null, function_call: { name: 'lookup' } }],
    };
    expect(deriveSearchColumns({ type: 'chat', messages: [] }, output)).toMatchObject({
      isToolCall: true,
      toolNames: ['lookup'],
    });
  });
});
