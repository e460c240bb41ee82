/** Payloads come back byte for byte, whatever the adapter does to store them (SQLite compresses). */
import { describe, expect, it } from 'vitest';
import { emptyFilter } from '../../../contract/api.ts';
import { makeNewRequest } from '../../testing/factories.ts';
import type { ContractContext } from './context.ts';

const chat = (text: string) => ({
  type: 'chat',
  messages: [
    { role: 'system', content: [{ type: 'text', text: 'You are a helpful assistant.' }] },
    { role: 'user', content: [{ type: 'text', text }] },
  ],
});

export function definePayloadTests(ctx: ContractContext): void {
  describe('payloads', () => {
    it('round-trip byte for byte: small, typical, lone surrogates, astral and control characters', async () => {
      const store = ctx.store();
      const texts = [
        'hi',
        `What is the weather in Paris? ${'Please answer in detail. '.repeat(20)}`,
        `\uD800 lone high, lone low \uDFFF, 🎉 天气 \uFFFD \u0001\t"\\ ${'x'.repeat(300)}`,
      ];
      for (const text of texts) {
        const request = makeNewRequest({
          input: chat(text),
          output: { type: 'chat', messages: [{ role: 'assistant', content: text }] },
          parameters: { temperature: 0.2, stop: [text.slice(0, 5)] },
        });
        const id = await store.insertRequest(request);
        const detail = await store.getRequest(id);
        expect(JSON.stringify(detail?.input)).toBe(JSON.stringify(request.input));
        expect(JSON.stringify(detail?.output)).toBe(JSON.stringify(request.output));
        expect(JSON.stringify(detail?.parameters)).toBe(JSON.stringify(request.parameters));
      }
    });

    it('round-trips a 20 MB body, also through the bulk path and the export', async () => {
      const store = ctx.store();
      const big = `${'The quick brown fox jumps over the lazy dog. '.repeat(300_000)}${'0123456789abcdef'.repeat(400_000)}`;
      expect(big.length).toBeGreaterThan(19_000_000);
      const request = makeNewRequest({ input: chat(big), inputText: big.slice(0, 1000) });
      const [id] = await store.insertRequests([request, makeNewRequest()]);
      const detail = await store.getRequest(id as number);
      expect(JSON.stringify(detail?.input) === JSON.stringify(request.input)).toBe(true);
      for await (const exported of store.exportRequests(emptyFilter(), { sort: 'time', order: 'asc' })) {
        if (exported.id === id)
          expect(JSON.stringify(exported.input) === JSON.stringify(request.input)).toBe(true);
      }
    });
  });
}
