/**
 * OTLP/HTTP protobuf with the OpenTelemetry project's own definitions, as generated (protobufjs
 * static code) in @opentelemetry/otlp-transformer. Decoded messages have the JSON mapping's
 * camelCase field names, so parseExportRequest reads them as it reads OTLP/JSON.
 */
import { createRequire } from 'node:module';

interface MessageType {
  decode(bytes: Uint8Array): unknown;
  encode(message: unknown): { finish(): Uint8Array };
  fromObject(object: unknown): unknown;
}

interface GeneratedRoot {
  opentelemetry: {
    proto: {
      collector: {
        trace: { v1: { ExportTraceServiceRequest: MessageType; ExportTraceServiceResponse: MessageType } };
      };
    };
  };
}

const require = createRequire(import.meta.url);
const root = require('@opentelemetry/otlp-transformer/build/src/generated/root.js') as GeneratedRoot;
const { ExportTraceServiceRequest, ExportTraceServiceResponse } = root.opentelemetry.proto.collector.trace.v1;

export class ProtobufDecodeError extends Error {}

export function decodeExportRequest(bytes: Uint8Array): unknown {
  try {
    return ExportTraceServiceRequest.decode(bytes);
  } catch (error) {
    // Truncated or garbage input, wrong wire types, or nesting deep enough to exhaust the stack.
    throw new ProtobufDecodeError(
      `body: not an OTLP ExportTraceServiceRequest (${(error as Error).message})`,
    );
  }
}

export function encodeExportResponse(
  partialSuccess: { rejectedSpans: number; errorMessage: string } | null,
): Buffer {
  const message = ExportTraceServiceResponse.fromObject(partialSuccess ? { partialSuccess } : {});
  return Buffer.from(ExportTraceServiceResponse.encode(message).finish());
}

/** For tests and benchmarks: an OTLP/JSON-shaped export request as protobuf bytes. */
export function encodeExportRequest(request: unknown): Buffer {
  return Buffer.from(
    ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(request)).finish(),
  );
}

export function decodeExportResponse(bytes: Uint8Array): unknown {
  return ExportTraceServiceResponse.decode(bytes);
}
