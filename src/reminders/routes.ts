import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, authorize, currentUser } from "../auth/plugin.js";
import { AppError } from "../lib/errors.js";
import { todayInJakarta } from "../lib/jakarta-date.js";
import { idParams, noContentSchema } from "../lib/route-schemas.js";
import { findOrgUnit, orgUnitNotFound } from "../org-units/queries.js";
import { markRead, saveDeadlines } from "./commands.js";
import type { Mailer } from "./mailer.js";
import { listNotifications, readRegionDeadlines } from "./queries.js";
import { runReminders } from "./run.js";
import {
  deadlineQuerySchema,
  notificationListSchema,
  regionDeadlinesSchema,
  runRemindersSchema,
  runResultSchema,
  saveDeadlinesSchema,
} from "./schemas.js";

export interface ReminderRouteOptions {
  mailer?: Mailer | null;
  /** REMINDER_TEST_CLOCK: POST /reminders/run may name the day it takes as today (tests, demos). */
  testClock?: boolean;
}

const regionRequired = () =>
  new AppError(
    400,
    "DEADLINE_REGION_REQUIRED",
    "Tenggat ditetapkan oleh kabupaten/kota: pilih unit kabupaten/kota.",
    "Deadlines are set by a kabupaten/kota: choose a kabupaten/kota unit.",
  );

export const reminderRoutes: FastifyPluginAsyncZod<ReminderRouteOptions> = async (app, options) => {
  const db = () => app.database.db;

  app.get(
    "/notifications",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["reminders"],
        summary: "Pemberitahuan saya / my notifications",
        response: { 200: notificationListSchema },
      },
    },
    async (request) => listNotifications(db(), currentUser(request).id),
  );

  app.post(
    "/notifications/:id/read",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["reminders"],
        summary: "Tandai pemberitahuan sudah dibaca / mark a notification read",
        params: idParams,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await markRead(db(), currentUser(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/notifications/read-all",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["reminders"],
        summary: "Tandai semua pemberitahuan sudah dibaca / mark all notifications read",
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await markRead(db(), currentUser(request).id);
      return reply.code(204).send(null);
    },
  );

  const region = async (
    request: Parameters<typeof authorize>[0],
    id: string,
    permission: "plan.read" | "deadline.manage",
  ) => {
    const unit = await findOrgUnit(db(), id);
    if (!unit) throw orgUnitNotFound();
    authorize(request, permission, unit.path);
    if (unit.type !== "kabupaten_kota") throw regionRequired();
    return { id: unit.id, name: unit.name };
  };

  app.get(
    "/deadlines",
    {
      config: { access: "plan.read" },
      schema: {
        tags: ["reminders"],
        summary: "Tenggat tahunan kab/kota / a kab/kota's deadlines of a year",
        querystring: deadlineQuerySchema,
        response: { 200: regionDeadlinesSchema },
      },
    },
    async (request) => {
      const found = await region(request, request.query.orgUnitId, "plan.read");
      return readRegionDeadlines(db(), found, request.query.year);
    },
  );

  app.put(
    "/deadlines",
    {
      config: { access: "deadline.manage" },
      schema: {
        tags: ["reminders"],
        summary: "Tetapkan tenggat tahunan kab/kota / set a kab/kota's deadlines of a year",
        body: saveDeadlinesSchema,
        response: { 200: regionDeadlinesSchema },
      },
    },
    async (request) => {
      const found = await region(request, request.body.orgUnitId, "deadline.manage");
      await saveDeadlines(db(), found.id, request.body, actorOf(request));
      return readRegionDeadlines(db(), found, request.body.year);
    },
  );

  app.post(
    "/reminders/run",
    {
      config: { access: "deadline.manage" },
      schema: {
        tags: ["reminders"],
        summary: "Kirim pengingat yang jatuh tempo sekarang / send the reminders due now",
        body: runRemindersSchema,
        response: { 200: runResultSchema },
      },
    },
    async (request) => {
      if (request.body.today && !options.testClock) {
        throw new AppError(
          400,
          "REMINDER_TODAY_NOT_ALLOWED",
          "Tanggal hari ini hanya dapat diganti di lingkungan uji.",
          "Today's date can only be changed in a test environment.",
        );
      }
      const today = request.body.today ?? todayInJakarta();
      return runReminders(db(), { today, mailer: options.mailer ?? null });
    },
  );
};
