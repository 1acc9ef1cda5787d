import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { mayReadJob } from "../auth/permissions.js";
import { currentUser } from "../auth/plugin.js";
import { notFound } from "../lib/errors.js";
import { idParams } from "../lib/route-schemas.js";
import { findJob, listOwnJobs } from "./queries.js";
import { jobListSchema, jobSchema } from "./schemas.js";

export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["jobs"];

  app.get(
    "/jobs",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Pekerjaan saya yang terakhir (20) / my recent jobs (20)",
        response: { 200: jobListSchema },
      },
    },
    async (request) => listOwnJobs(db(), currentUser(request).id),
  );

  app.get(
    "/jobs/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary:
          "Kemajuan dan hasil satu pekerjaan (mis. impor besar); hanya pemiliknya dan admin wilayahnya / a job's progress and result",
        params: idParams,
        response: { 200: jobSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const job = await findJob(db(), request.params.id);
      // Someone else's job is answered as missing: its id says nothing about whether it exists.
      if (!job || !mayReadJob(user.id, user.roles, job)) throw notFound("Pekerjaan", "Job");
      return job.view;
    },
  );
};
