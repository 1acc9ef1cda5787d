import { z } from "zod";
import { REGION_DEADLINE_KINDS } from "../domain/index.js";

const isoDate = z.iso.date();
const text = z.object({ title: z.string(), body: z.string() });

export const notificationSchema = z.object({
  id: z.uuid(),
  texts: z.object({ id: text, en: text }),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const notificationListSchema = z.object({
  unread: z.number().int(),
  items: z.array(notificationSchema),
});
export type NotificationList = z.infer<typeof notificationListSchema>;
export type NotificationItem = z.infer<typeof notificationSchema>;

export const deadlineQuerySchema = z.object({
  orgUnitId: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100),
});

export const deadlineSchema = z.object({
  kind: z.enum(REGION_DEADLINE_KINDS),
  period: z.string(),
  dueDate: isoDate,
});
export const regionDeadlinesSchema = z.object({
  region: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number().int(),
  daysBefore: z.number().int(),
  deadlines: z.array(deadlineSchema.extend({ isDefault: z.boolean() })),
});
export type RegionDeadlinesView = z.infer<typeof regionDeadlinesSchema>;

export const saveDeadlinesSchema = z.object({
  orgUnitId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  daysBefore: z.number().int().min(0).max(30),
  deadlines: z.array(deadlineSchema).max(20),
});
export type SaveDeadlines = z.infer<typeof saveDeadlinesSchema>;

export const runRemindersSchema = z.object({
  /** Only when REMINDER_TEST_CLOCK is on: the day the run takes as today. */
  today: isoDate.optional(),
});
export const runResultSchema = z.object({
  today: isoDate,
  notices: z.number().int(),
  emails: z.number().int(),
});
export type RunResult = z.infer<typeof runResultSchema>;
