import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { scopeOf } from "../auth/plugin.js";
import { AppError } from "../lib/errors.js";
import { auditWorkbook } from "./export.js";
import { searchAudit } from "./queries.js";
import { auditFilterSchema, auditPageQuerySchema, auditPageSchema } from "./schemas.js";

const EXPORT_LIMIT = 50_000;

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit",
    {
      config: { access: "audit.read" },
      schema: {
        tags: ["audit"],
        summary: "Jejak audit, terbaru lebih dulu / the audit trail, newest first",
        querystring: auditPageQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      const scope = scopeOf(request, "audit.read");
      const { total, rows } = await searchAudit(app.database.db, { ...filter, scope }, limit, offset);
      return { total, rows: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );

  app.get(
    "/audit/export.xlsx",
    {
      config: { access: "audit.read" },
      schema: {
        tags: ["audit"],
        summary: "Unduh jejak audit sebagai xlsx / download the audit trail as xlsx",
        querystring: auditFilterSchema,
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      },
    },
    async (request, reply) => {
      const filter = { ...request.query, scope: scopeOf(request, "audit.read") };
      const { total, rows } = await searchAudit(app.database.db, filter, EXPORT_LIMIT, 0);
      if (total > EXPORT_LIMIT) {
        throw new AppError(
          400,
          "EXPORT_TOO_LARGE",
          `Terlalu banyak catatan (${total}); persempit rentang tanggal atau filter (maksimal ${EXPORT_LIMIT}).`,
          `Too many records (${total}); narrow the dates or filters (at most ${EXPORT_LIMIT}).`,
        );
      }
      const period = [request.query.from, request.query.to].filter(Boolean).join(" s.d. ") || "semua waktu";
      const file = await auditWorkbook(rows, `Jejak Audit capaian — ${period} — ${total} catatan`);
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="jejak-audit-${new Date().toISOString().slice(0, 10)}.xlsx"`,
        )
        .send(file);
    },
  );
};
