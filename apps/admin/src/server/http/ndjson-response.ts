// Newline-delimited JSON streaming for long operations (tenant provisioning): one JSON object
// per line, flushed as it is written. `no-transform` keeps compression from buffering lines.
// Writes after the client has gone away are dropped: the work itself carries on to its end.

export const NDJSON_CONTENT_TYPE = "application/x-ndjson";

/** True when the client asked for a streamed NDJSON answer (`Accept: application/x-ndjson`). */
export function wantsNdjson(request: Request): boolean {
  return (request.headers.get("accept") ?? "").toLowerCase().includes(NDJSON_CONTENT_TYPE);
}

export function ndjsonResponse(run: (writeLine: (value: unknown) => void) => Promise<void>, status = 200): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const writeLine = (value: unknown) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
        } catch {
          // The client disconnected (stream cancelled).
        }
      };
      try {
        await run(writeLine);
      } finally {
        try {
          controller.close();
        } catch {
          // Already closed or cancelled.
        }
      }
    },
  });
  return new Response(stream, {
    status,
    headers: {
      "content-type": `${NDJSON_CONTENT_TYPE}; charset=utf-8`,
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
