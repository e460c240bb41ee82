/**
 * Request payloads (input, output, parameters: JSON text) stored compressed, decided per body
 * by size. A stored value is either TEXT (small bodies, and every row written before this
 * codec existed) or a BLOB whose first byte names its codec:
 *   1  raw DEFLATE with PRESET_DICTIONARY, level 6: bodies up to LARGE_BYTES (most of them;
 *      the dictionary of the prompt-blueprint JSON skeleton is what makes short bodies shrink)
 *   2  raw DEFLATE, level 1, no dictionary: larger bodies, where speed matters more than the
 *      last few percent
 * node:zlib only (zstd needs Node 22.15+). JSON.stringify escapes lone surrogates, so the JSON
 * text is valid UTF-8 and round-trips byte for byte. Never change a codec or the dictionary:
 * add a new tag.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Below this many bytes a body stays TEXT: compression would not pay for its header. */
export const MIN_COMPRESS_BYTES = 200;
/** Above this, the fast codec. */
export const LARGE_BYTES = 1 << 20;

const DICTIONARY_CODEC = 1;
const FAST_CODEC = 2;

const PRESET_DICTIONARY = Buffer.from(
  [
    '{"type":"chat","messages":[{"role":"system","content":[{"type":"text","text":"You are a helpful assistant."}]},',
    '{"role":"user","content":[{"type":"text","text":"',
    '"}]},{"role":"assistant","content":[{"type":"text","text":"',
    '"tool_calls":[{"id":"call_","type":"function","function":{"name":"","arguments":"{\\"',
    '"input_variables":[],"template_format":"f-string","function_call":null,"name":null,',
    '{"type":"thinking","thinking":"","signature":""},{"type":"image_url","image_url":{"url":"https://"}},',
    '"tool_call_id":"","role":"tool","functions":[],"tools":[],"type":"completion","content":"',
    '{"temperature":0.7,"max_tokens":1024,"top_p":1,"stream":false}',
  ].join(''),
  'utf8',
);

/** The value to store for a body's JSON text. */
export function encodeBody(json: string): string | Buffer {
  if (json.length < MIN_COMPRESS_BYTES / 3) return json;
  const bytes = Buffer.from(json, 'utf8');
  if (bytes.length < MIN_COMPRESS_BYTES) return json;
  const large = bytes.length > LARGE_BYTES;
  const packed = large
    ? deflateRawSync(bytes, { level: 1 })
    : deflateRawSync(bytes, { level: 6, dictionary: PRESET_DICTIONARY });
  if (packed.length + 1 >= bytes.length) return json;
  const out = Buffer.allocUnsafe(packed.length + 1);
  out[0] = large ? FAST_CODEC : DICTIONARY_CODEC;
  packed.copy(out, 1);
  return out;
}

/** The JSON text of a stored body (TEXT as is, a BLOB decompressed by its codec). */
export function decodeBody(value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return value;
  const packed = value.subarray(1);
  switch (value[0]) {
    case DICTIONARY_CODEC:
      return inflateRawSync(packed, { dictionary: PRESET_DICTIONARY }).toString('utf8');
    case FAST_CODEC:
      return inflateRawSync(packed).toString('utf8');
    default:
      throw new Error(`stored body has an unknown codec ${value[0]}`);
  }
}
