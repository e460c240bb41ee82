import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBody, encodeBody, LARGE_BYTES, MIN_COMPRESS_BYTES } from './body-codec.ts';

const roundTrip = (json: string) => decodeBody(encodeBody(json));

describe('body codec', () => {
  it('keeps small bodies as text', () => {
    const json = JSON.stringify({ a: 1 });
    expect(encodeBody(json)).toBe(json);
    expect(roundTrip(json)).toBe(json);
  });

  it('compresses a typical chat body with the dictionary codec, byte for byte', () => {
    const json = JSON.stringify({
      type: 'chat',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'You are a helpful assistant.' }] },
        { role: 'user', content: [{ type: 'text', text: 'What is the weather in Paris tomorrow?' }] },
      ],
    });
    expect(json.length).toBeGreaterThan(MIN_COMPRESS_BYTES);
    const stored = encodeBody(json);
    expect(stored).toBeInstanceOf(Buffer);
    expect((stored as Buffer)[0]).toBe(1);
    expect((stored as Buffer).length).toBeLessThan(json.length / 2);
    expect(roundTrip(json)).toBe(json);
  });

  it('round-trips lone surrogates, U+FFFD, astral characters and every escape', () => {
    const text = `\uD800 lone \uDFFF pair 🎉 \uFFFD 天气 \u0001\n\t"\\ ${'x'.repeat(300)}`;
    const json = JSON.stringify({ text, more: [text, text] });
    expect(roundTrip(json)).toBe(json);
    expect(JSON.parse(roundTrip(json) as string)).toEqual({ text, more: [text, text] });
  });

  it('uses the fast codec above LARGE_BYTES and round-trips a 20 MB body', () => {
    const noise = randomBytes(6 * 1024 * 1024).toString('base64');
    const json = JSON.stringify({ text: `${noise} ${'lorem ipsum '.repeat(1_000_000)}\uD83D` });
    expect(json.length).toBeGreaterThan(LARGE_BYTES * 19);
    const stored = encodeBody(json);
    expect((stored as Buffer)[0]).toBe(2);
    expect(roundTrip(json)).toBe(json);
  });

  it('refuses a body with an unknown codec', () => {
    expect(() => decodeBody(Buffer.from([9, 1, 2]))).toThrow(/unknown codec 9/);
  });
});
