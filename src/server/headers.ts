import type { FastifyInstance } from "fastify";

/**
 * Headers every answer carries: the request id (to quote when reporting a problem), no caching of API
 * data on shared office computers, and no access to camera, microphone or location.
 */
export function registerResponseHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });
}
