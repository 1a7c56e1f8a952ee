import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { installSecurityHeaders } from "./security-headers.ts";

/** The web app's pages are served from web/dist by buildApp; here the same hook on pages of the same paths. */
async function appWithPages(https: boolean) {
  const app = Fastify();
  installSecurityHeaders(app, { https });
  app.get("/chat/embed", async (_request, reply) => reply.type("text/html").send("<!doctype html>"));
  app.get("/chat/embedded", async (_request, reply) => reply.type("text/html").send("<!doctype html>"));
  app.get("/workspace", async (_request, reply) => reply.type("text/html").send("<!doctype html>"));
  app.get("/api/v1/thing", async () => ({ ok: true }));
  return app;
}

describe("security headers", () => {
  it("refuse framing of staff pages, allow it for the chat embed, and keep a script policy on every page", async () => {
    const app = await appWithPages(false);
    const staff = await app.inject({ method: "GET", url: "/workspace" });
    expect(staff.headers["x-frame-options"]).toBe("DENY");
    expect(staff.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(staff.headers["content-security-policy"]).toContain("script-src 'self'");
    const embed = await app.inject({ method: "GET", url: "/chat/embed?tenant=demo&lang=kk" });
    expect(embed.headers["x-frame-options"]).toBeUndefined();
    expect(embed.headers["content-security-policy"]).toContain("frame-ancestors *");
    // A look-alike path is a staff page like any other.
    const lookAlike = await app.inject({ method: "GET", url: "/chat/embedded" });
    expect(lookAlike.headers["x-frame-options"]).toBe("DENY");
    const api = await app.inject({ method: "GET", url: "/api/v1/thing" });
    expect(api.headers["x-content-type-options"]).toBe("nosniff");
    expect(api.headers["content-security-policy"]).toBeUndefined();
    expect(api.headers["strict-transport-security"]).toBeUndefined();
    await app.close();
  });

  it("adds HSTS when served over HTTPS", async () => {
    const app = await appWithPages(true);
    const page = await app.inject({ method: "GET", url: "/workspace" });
    expect(page.headers["strict-transport-security"]).toBe("max-age=31536000");
    await app.close();
  });
});
