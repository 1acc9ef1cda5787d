import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, authorize } from "../auth/plugin.js";
import { AppError, notFound } from "../lib/errors.js";
import { idParams } from "../lib/route-schemas.js";
import { planContext } from "../plans/queries.js";
import { renstraPeriod } from "../plans/renstra-queries.js";
import { buildLkjip, lkjipDocx, lkjipPdf } from "../reports/lkjip/index.js";
import { saveLkjipTexts } from "./commands.js";
import { lkjipInput } from "./queries.js";
import {
  lkjipDownloadQuerySchema,
  lkjipQuerySchema,
  lkjipSchema,
  lkjipTextsSavedSchema,
  lkjipTextsSaveSchema,
} from "./schemas.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The LKjIP of a year against a Renstra version: computed, written by the Dinas, downloaded as docx or pdf. */
export const lkjipRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["lkjip"];

  /** The Renstra and its period, checked for the caller and for the year asked. */
  async function renstraFor(
    request: Parameters<typeof authorize>[0],
    id: string,
    year: number,
    write = false,
  ) {
    const context = await planContext(db(), id);
    authorize(request, write ? "plan.write" : "plan.read", context.orgUnitPath);
    const period = await renstraPeriod(db(), id);
    if (!period) throw notFound("Renstra", "Renstra");
    if (year < period.startYear || year > period.endYear) {
      throw new AppError(
        400,
        "YEAR_OUTSIDE_RENSTRA",
        `Tahun ${year} di luar Renstra ${period.startYear}–${period.endYear}.`,
        `Year ${year} is outside Renstra ${period.startYear}–${period.endYear}.`,
      );
    }
    return { id, orgUnitId: context.orgUnitId, startYear: period.startYear, endYear: period.endYear };
  }

  async function build(id: string, year: number) {
    const input = await lkjipInput(db(), id, year);
    if (!input) throw notFound("Renstra", "Renstra");
    return { lkjip: buildLkjip(input), pk: input.pk?.doc ?? null };
  }

  app.get(
    "/renstra/:id/lkjip",
    {
      config: { access: "plan.read" },
      schema: {
        tags,
        summary:
          "LKjIP satu tahun: analisis capaian per sasaran strategis, realisasi anggaran dan naskahnya / the LKjIP of a year",
        params: idParams,
        querystring: lkjipQuerySchema,
        response: { 200: lkjipSchema },
      },
    },
    async (request) => {
      await renstraFor(request, request.params.id, request.query.year);
      return (await build(request.params.id, request.query.year)).lkjip;
    },
  );

  for (const format of ["docx", "pdf"] as const) {
    app.get(
      `/renstra/:id/lkjip.${format}`,
      {
        config: { access: "plan.read" },
        schema: {
          tags,
          summary: `Unduh LKjIP sebagai ${format} / download the LKjIP as ${format}`,
          params: idParams,
          querystring: lkjipDownloadQuerySchema,
          produces: [format === "docx" ? DOCX : "application/pdf"],
        },
      },
      async (request, reply) => {
        const { year, paper } = request.query;
        await renstraFor(request, request.params.id, year);
        const { lkjip, pk } = await build(request.params.id, year);
        const file =
          format === "docx" ? await lkjipDocx(lkjip, pk, { paper }) : await lkjipPdf(lkjip, pk, { paper });
        const slug = lkjip.orgUnitName.toLowerCase().replace(/[^a-z0-9]+/g, "-");
        return reply
          .header("content-type", format === "docx" ? DOCX : "application/pdf")
          .header("content-disposition", `attachment; filename="lkjip-${slug}-${year}.${format}"`)
          .send(file);
      },
    );
  }

  app.put(
    "/renstra/:id/lkjip/texts",
    {
      config: { access: "plan.write" },
      schema: {
        tags,
        summary:
          "Tulis naskah LKjIP (ikhtisar, bab I, II, IV, penyebab dan solusi per sasaran, angka nasional) / write the LKjIP texts",
        params: idParams,
        body: lkjipTextsSaveSchema,
        response: { 200: lkjipTextsSavedSchema },
      },
    },
    async (request) => {
      const renstra = await renstraFor(request, request.params.id, request.body.year, true);
      return saveLkjipTexts(db(), renstra, request.body, actorOf(request));
    },
  );
};
