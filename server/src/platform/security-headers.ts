import type { FastifyInstance } from "fastify";

/**
 * What the web app's pages may load: its own scripts only (no inline script, no eval), inline styles (Mantine
 * writes them), images and files from itself, data and blob URLs (previews, downloads), sockets to itself.
 */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** The citizen's chat is made to be framed by a body's website (widget.js); every other page refuses framing. */
function isEmbeddable(url: string): boolean {
  return url === "/chat/embed" || url.startsWith("/chat/embed?");
}

/**
 * Security headers on every response: no content sniffing, no full referrer to other sites, HSTS behind HTTPS;
 * on pages the content policy above and framing refused (clickjacking) except for the chat embed.
 */
export function installSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "strict-origin-when-cross-origin");
    if (options.https) {
      reply.header("strict-transport-security", "max-age=31536000");
    }
    if (String(reply.getHeader("content-type") ?? "").startsWith("text/html")) {
      const embeddable = isEmbeddable(request.url);
      reply.header("content-security-policy", `${PAGE_POLICY}; frame-ancestors ${embeddable ? "*" : "'none'"}`);
      if (!embeddable) {
        reply.header("x-frame-options", "DENY");
      }
    }
    return payload;
  });
}
