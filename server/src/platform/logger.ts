import type { FastifyServerOptions } from "fastify";
import type { Config } from "./config.ts";

/**
 * pino options. Requests are logged by method, route and status only: URLs can carry an IIN or a phone number
 * (the public status page), so query strings are cut and personal fields redacted.
 */
export function loggerOptions(config: Config): FastifyServerOptions["logger"] {
  return {
    level: config.logLevel,
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.iin", "*.phone", "*.email"],
      censor: "[redacted]",
    },
    serializers: {
      req(request: { method: string; url: string; id: string }) {
        return { method: request.method, url: request.url.split("?")[0], id: request.id };
      },
      // PostgreSQL puts the offending values in `detail` ("Key (tenant_id, iin)=(…)"): keep only what names the
      // failure, never the data.
      err(error: Error & { code?: string; constraint?: string }) {
        return { type: error.name, message: error.message, code: error.code, constraint: error.constraint, stack: error.stack ?? "" };
      },
    },
  };
}
