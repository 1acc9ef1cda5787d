import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../auth/plugin.js";
import { authorizedUnit } from "../org-units/queries.js";
import { setSpmBudgetLinks } from "./budget-link-commands.js";
import { spmBudgetLinkChoices } from "./budget-link-queries.js";
import {
  spmBudgetLinkSavedSchema,
  spmBudgetLinkSaveSchema,
  spmBudgetLinksQuerySchema,
  spmBudgetLinksSchema,
} from "./budget-link-schemas.js";

/** Which kegiatan of the year's plans serve each SPM service: the budget column of the e-SPM report. */
export const spmBudgetLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["spm"];

  app.get(
    "/spm/budget-links",
    {
      config: { access: "spm.read" },
      schema: {
        tags,
        summary:
          "Kegiatan rencana tahun itu dan jenis pelayanan SPM yang dilayaninya / the year's kegiatan and the SPM services they serve",
        querystring: spmBudgetLinksQuerySchema,
        response: { 200: spmBudgetLinksSchema },
      },
    },
    async (request) => {
      const unit = await authorizedUnit(db(), request, "spm.read", request.query.orgUnitId);
      return spmBudgetLinkChoices(db(), unit.id, request.query.year);
    },
  );

  app.put(
    "/spm/budget-links",
    {
      config: { access: "plan.write" },
      schema: {
        tags,
        summary:
          "Tetapkan kegiatan yang anggarannya melayani satu jenis pelayanan SPM / set the kegiatan whose budget serves an SPM service",
        body: spmBudgetLinkSaveSchema,
        response: { 200: spmBudgetLinkSavedSchema },
      },
    },
    async (request) => {
      const unit = await authorizedUnit(db(), request, "plan.write", request.body.orgUnitId);
      return setSpmBudgetLinks(db(), unit, request.body, actorOf(request));
    },
  );
};
