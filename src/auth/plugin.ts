import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Actor } from "../audit/record.js";
import { AppError } from "../lib/errors.js";
import { allows, hasPermission, type Permission, scopeRoots } from "./permissions.js";
import { resolveSession, SESSION_COOKIE, type SessionPolicy, type SessionUser } from "./sessions.js";

/**
 * Who may call a route: anyone, any logged-in user, or holders of a permission (in some org unit; the
 * handler then checks the org unit of the data with `request.authorize`). Every /api route must say.
 */
export type Access = "public" | "authenticated" | Permission;

export interface AuthOptions {
  /** Key for the HMAC that binds CSRF tokens to the session. */
  secret: string;
  sessions: SessionPolicy;
  /** Send cookies only over HTTPS: always, never, or "auto" when the request came over HTTPS. */
  secureCookies: boolean | "auto";
  /** Login attempts allowed per client address and minute. */
  loginAttemptsPerMinute: number;
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const unauthenticated = () =>
  new AppError(401, "UNAUTHENTICATED", "Silakan masuk terlebih dahulu.", "Please log in first.");

export const forbidden = () =>
  new AppError(
    403,
    "FORBIDDEN",
    "Anda tidak berwenang melakukan ini untuk unit organisasi tersebut.",
    "You are not allowed to do this for that org unit.",
  );

async function authPlugin(app: FastifyInstance, options: AuthOptions) {
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieOpts: { path: "/", sameSite: "strict", httpOnly: true, secure: options.secureCookies },
    getUserInfo: (request) => request.sessionTokenHash ?? "anonymous",
    csrfOpts: { hmacKey: options.secret },
  });

  app.decorateRequest("user", null);
  app.decorateRequest("sessionTokenHash", null);

  app.addHook("onRoute", (route) => {
    const isApi = route.url.startsWith("/api") && !route.url.startsWith("/api/docs");
    if (isApi && !route.config?.access)
      throw new Error(`route ${route.method} ${route.url} has no access rule`);
  });

  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await resolveSession(app.database.db, token, options.sessions);
    if (!resolved) return;
    request.user = resolved.user;
    request.sessionTokenHash = resolved.tokenHash;
  });

  // Access is checked before validation so that nobody learns anything from a route they may not call.
  app.addHook("onRequest", async (request) => {
    const config = request.routeOptions.config;
    const access = config.access;
    if (!access || access === "public") return;
    const user = request.user;
    if (!user) throw unauthenticated();
    if (user.mustChangePassword && !config.allowWhilePasswordChangeRequired) {
      throw new AppError(
        403,
        "PASSWORD_CHANGE_REQUIRED",
        "Ganti kata sandi sementara Anda terlebih dahulu.",
        "Change your temporary password first.",
      );
    }
    if (access !== "authenticated" && !hasPermission(user.roles, access)) throw forbidden();
  });

  app.addHook("onRequest", (request, reply, done) => {
    if (!unsafeMethods.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
}

export const auth = fp(authPlugin, { name: "capaian-auth" });

/** Helpers the handlers use; kept off the request object so they are plain, testable functions. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}

export function authorize(request: FastifyRequest, permission: Permission, orgUnitPath: string): void {
  if (!allows(currentUser(request).roles, permission, orgUnitPath)) throw forbidden();
}

/** The subtree roots where the current user holds the permission, to filter lists with. */
export function scopeOf(request: FastifyRequest, permission: Permission): string[] {
  return scopeRoots(currentUser(request).roles, permission);
}

export function actorOf(request: FastifyRequest): Actor {
  return {
    userId: request.user?.id ?? null,
    username: request.user?.username ?? null,
    requestId: request.id,
    clientAddress: request.ip,
  };
}

export function setSessionCookie(reply: FastifyReply, token: string, options: AuthOptions): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: options.secureCookies,
    maxAge: options.sessions.maxHours * 3600,
  });
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    allowWhilePasswordChangeRequired?: boolean;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionTokenHash: string | null;
  }
}
