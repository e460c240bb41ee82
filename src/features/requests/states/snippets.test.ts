import { describe, expect, it } from 'vitest';
import { ingestSnippets } from './snippets.ts';

describe('ingestSnippets', () => {
  it('stamps the curl example with the current time, so its request lands at the top of the list', () => {
    const now = Date.parse('2031-06-07T08:09:10.000Z');
    const curl = ingestSnippets('http://127.0.0.1:8787', now).find((s) => s.id === 'curl')?.code ?? '';
    expect(curl).toContain('"request_start_time": "2031-06-07T08:09:09.000Z"');
    expect(curl).toContain('"request_end_time": "2031-06-07T08:09:10.000Z"');
    expect(curl).not.toMatch(/20\d\d-01-01T12:00/);
  });
});
