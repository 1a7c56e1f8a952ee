import { ERRORS, isErrorCode, type ErrorBody, type ErrorCode, type FieldError } from "@bailanys/common/errors";
import type { Locale } from "@bailanys/common/locales";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, type FieldProblem } from "./app-error.ts";

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

const KEYWORD_CODES: Record<string, ErrorCode> = {
  required: "FIELD_REQUIRED",
  maxLength: "FIELD_TOO_LONG",
  maxItems: "FIELD_TOO_LONG",
  minLength: "FIELD_TOO_SHORT",
  minItems: "FIELD_TOO_SHORT",
  minimum: "FIELD_OUT_OF_RANGE",
  maximum: "FIELD_OUT_OF_RANGE",
  exclusiveMinimum: "FIELD_OUT_OF_RANGE",
  exclusiveMaximum: "FIELD_OUT_OF_RANGE",
  additionalProperties: "FIELD_UNKNOWN",
};

/** Turns one schema-validation issue into a field path and a catalogue code. */
function fieldFromAjv(issue: AjvIssue, context: string | undefined): FieldProblem {
  const parts = issue.instancePath.split("/").filter((p) => p !== "");
  if (issue.keyword === "required" && typeof issue.params.missingProperty === "string") {
    parts.push(issue.params.missingProperty);
  }
  if (issue.keyword === "additionalProperties" && typeof issue.params.additionalProperty === "string") {
    parts.push(issue.params.additionalProperty);
  }
  const prefix = context && context !== "body" ? [context === "querystring" ? "query" : context] : [];
  return { field: [...prefix, ...parts].join("."), code: KEYWORD_CODES[issue.keyword] ?? "FIELD_INVALID" };
}

export function errorBody(code: ErrorCode, locale: Locale, fields: FieldProblem[], requestId: string): ErrorBody {
  const localized: FieldError[] = fields.map((f) => ({ field: f.field, code: f.code, message: ERRORS[f.code].message[locale] }));
  return {
    error: {
      code,
      message: ERRORS[code].message[locale],
      ...(localized.length > 0 ? { fields: localized } : {}),
      requestId,
    },
  };
}

export function sendError(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, fields: FieldProblem[] = []): FastifyReply {
  return reply.status(ERRORS[code].status).send(errorBody(code, request.locale, fields, request.id));
}

/** The only place where failures become HTTP responses. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (ERRORS[error.code].status >= 500) {
        request.log.error({ err: error }, "request failed");
      }
      return sendError(reply, request, error.code, error.fields);
    }
    const fastifyError = error as FastifyError & { validationContext?: string };
    if (fastifyError.validation) {
      const fields = fastifyError.validation.map((issue) =>
        fieldFromAjv(issue as unknown as AjvIssue, fastifyError.validationContext),
      );
      return sendError(reply, request, "VALIDATION_FAILED", dedupe(fields));
    }
    if (fastifyError.statusCode === 429) {
      return sendError(reply, request, "RATE_LIMITED");
    }
    if (fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE" || fastifyError.statusCode === 413) {
      return sendError(reply, request, "PAYLOAD_TOO_LARGE");
    }
    if (fastifyError.statusCode !== undefined && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      // Malformed JSON, wrong content type and the like: the request itself is bad.
      return sendError(reply, request, "VALIDATION_FAILED", [{ field: "body", code: "FIELD_INVALID" }]);
    }
    if (isErrorCode(fastifyError.code)) {
      return sendError(reply, request, fastifyError.code);
    }
    request.log.error({ err: error }, "unhandled error");
    return sendError(reply, request, "INTERNAL");
  });

  app.setNotFoundHandler((request, reply) => sendError(reply, request, "ROUTE_NOT_FOUND"));
}

function dedupe(fields: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return fields.filter((f) => {
    const key = `${f.field}|${f.code}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
