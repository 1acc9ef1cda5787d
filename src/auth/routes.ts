import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { recordAudit } from "../audit/record.js";
import { DEMO_PASSWORD } from "../demo/users.js";
import { noContentSchema } from "../lib/route-schemas.js";
import { changePassword } from "./change-password.js";
import { checkCredentials } from "./login.js";
import { hasPermission, PERMISSIONS } from "./permissions.js";
import { type AuthOptions, actorOf, currentUser, setSessionCookie } from "./plugin.js";
import {
  csrfTokenSchema,
  demoAccountsSchema,
  loginBodySchema,
  passwordChangeSchema,
  sessionResponseSchema,
} from "./schemas.js";
import {
  createSession,
  deleteSession,
  listDemoAccounts,
  loadRoles,
  SESSION_COOKIE,
  type SessionUser,
} from "./sessions.js";

const csrfToken = (reply: FastifyReply, tokenHash: string | null) =>
  reply.generateCsrf({ userInfo: tokenHash ?? "anonymous" });

const withPermissions = (user: SessionUser) => ({
  ...user,
  permissions: PERMISSIONS.filter((p) => hasPermission(user.roles, p)),
});

export const authRoutes: FastifyPluginAsyncZod<AuthOptions> = async (app, options) => {
  app.get(
    "/auth/csrf",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Token CSRF untuk permintaan yang mengubah data / CSRF token for state-changing requests",
        response: { 200: csrfTokenSchema },
      },
    },
    async (request, reply) => ({ csrfToken: csrfToken(reply, request.sessionTokenHash) }),
  );

  app.get(
    "/auth/demo-accounts",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Akun demo (hanya pada instalasi demo) / demo accounts, on a demo installation only",
        response: {
          200: demoAccountsSchema,
        },
      },
    },
    async () => {
      const accounts = await listDemoAccounts(app.database.db);
      return { password: accounts.length ? DEMO_PASSWORD : null, accounts };
    },
  );

  app.post(
    "/auth/login",
    {
      config: {
        access: "public",
        rateLimit: { max: options.loginAttemptsPerMinute, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["auth"],
        summary: "Masuk / log in",
        body: loginBodySchema,
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      const db = app.database.db;
      const user = await checkCredentials(db, request.body.username, request.body.password, actorOf(request));
      const session = await createSession(db, user.id, options.sessions, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      setSessionCookie(reply, session.token, options);
      const sessionUser: SessionUser = {
        id: user.id,
        username: user.username,
        fullName: user.fullName,
        email: user.email,
        mustChangePassword: user.mustChangePassword,
        isDemo: user.isDemo,
        roles: await loadRoles(db, user.id),
      };
      return { user: withPermissions(sessionUser), csrfToken: csrfToken(reply, session.tokenHash) };
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { access: "authenticated", allowWhilePasswordChangeRequired: true },
      schema: { tags: ["auth"], summary: "Keluar / log out", response: { 204: noContentSchema } },
    },
    async (request, reply) => {
      if (request.sessionTokenHash) await deleteSession(app.database.db, request.sessionTokenHash);
      await recordAudit(app.database.db, actorOf(request), {
        action: "auth.logout",
        entityType: "user",
        entityId: currentUser(request).id,
      });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/auth/me",
    {
      config: { access: "authenticated", allowWhilePasswordChangeRequired: true },
      schema: {
        tags: ["auth"],
        summary: "Pengguna yang sedang masuk / the logged-in user",
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => ({
      user: withPermissions(currentUser(request)),
      csrfToken: csrfToken(reply, request.sessionTokenHash),
    }),
  );

  app.post(
    "/auth/password",
    {
      config: {
        access: "authenticated",
        allowWhilePasswordChangeRequired: true,
        rateLimit: { max: 10, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["auth"],
        summary: "Ganti kata sandi sendiri / change one's own password",
        body: passwordChangeSchema,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      const me = currentUser(request);
      await changePassword(
        app.database.db,
        me,
        request.body,
        request.sessionTokenHash ?? undefined,
        actorOf(request),
      );
      return reply.code(204).send(null);
    },
  );
};
