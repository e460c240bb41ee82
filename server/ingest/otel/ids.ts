/**
 * Trace and span ids as lowercase hex. OTLP/JSON sends hex (the spec) or base64 (protobuf's
 * JSON mapping, which some exporters use); PromptLayer's Python SDK sent span ids as unpadded
 * hex. All-zero ids mean "none".
 */

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function hexOfBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/**
 * `bytes` is the id's size (16 for a trace, 8 for a span). Returns the hex id, null for an
 * absent or all-zero id, and undefined for something that is not an id.
 */
export function normalizeId(value: unknown, bytes: 8 | 16): string | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  let hex: string | undefined;
  if (value instanceof Uint8Array) hex = value.byteLength === bytes ? hexOfBytes(value) : undefined;
  else if (typeof value === 'string') {
    if (value.length === bytes * 2 && HEX.test(value)) hex = value.toLowerCase();
    else if (
      BASE64.test(value) &&
      value.length >= Math.ceil((bytes * 4) / 3) &&
      value.length <= 4 * Math.ceil(bytes / 3)
    ) {
      const decoded = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
      hex = decoded.byteLength === bytes ? decoded.toString('hex') : undefined;
    }
    if (hex === undefined && value.length < bytes * 2 && HEX.test(value))
      hex = value.toLowerCase().padStart(bytes * 2, '0');
  }
  if (hex === undefined) return undefined;
  return /^0+$/.test(hex) ? null : hex;
}
