import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { scopeOf } from "../auth/plugin.js";
import { AppError } from "../lib/errors.js";
import { auditWorkbook } from "./export.js";
import { searchAudit } from "./queries.js";

const isoDate = z.iso.date().describe("YYYY-MM-DD");

const filterSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  username: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
});

const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.string().describe("ISO 8601 timestamp"),
  username: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  clientAddress: z.string().nullable(),
});

const EXPORT_LIMIT = 50_000;

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit",
    {
      config: { access: "audit.read" },
      schema: {
        tags: ["audit"],
        summary: "Jejak audit, terbaru lebih dulu / the audit trail, newest first",
        querystring: filterSchema.extend({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number().int(), rows: z.array(auditRowSchema) }) },
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
        querystring: filterSchema,
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
