import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Reader } from "../db/client.js";
import { notifications, regionDeadlines, reminderSettings } from "../db/schema/index.js";
import {
  DEFAULT_REMINDER_DAYS_BEFORE,
  type RegionDeadline,
  regionDeadlinePeriods,
  regionDeadlines as withDefaults,
} from "../domain/index.js";
import type { NotificationList, RegionDeadlinesView } from "./schemas.js";

/** The notices the bell lists: the newest first, this many at most. */
const LIST_LIMIT = 30;

export async function listNotifications(db: Reader, userId: string): Promise<NotificationList> {
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(LIST_LIMIT);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return {
    unread: unread?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      texts: r.texts,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    })),
  };
}

/** Days before a deadline a region's people are reminded, by region id (the default where none is set). */
export async function reminderDaysByRegion(db: Reader): Promise<(regionId: string | null) => number> {
  const rows = await db.select().from(reminderSettings);
  const days = new Map(rows.map((r) => [r.orgUnitId, r.daysBefore]));
  return (regionId) => (regionId ? days.get(regionId) : undefined) ?? DEFAULT_REMINDER_DAYS_BEFORE;
}

/** The dates a region stored for these years (the rest keep their defaults). */
export async function storedDeadlines(
  db: Reader,
  regionId: string,
  years: number[],
): Promise<RegionDeadline[]> {
  const periods = years.flatMap((y) => [...regionDeadlinePeriods("spm_quarter", y), String(y)]);
  return db
    .select({ kind: regionDeadlines.kind, period: regionDeadlines.period, dueDate: regionDeadlines.dueDate })
    .from(regionDeadlines)
    .where(and(eq(regionDeadlines.orgUnitId, regionId), inArray(regionDeadlines.period, periods)));
}

export async function readRegionDeadlines(
  db: Reader,
  region: { id: string; name: string },
  year: number,
): Promise<RegionDeadlinesView> {
  const daysOf = await reminderDaysByRegion(db);
  return {
    region,
    year,
    daysBefore: daysOf(region.id),
    deadlines: withDefaults(year, await storedDeadlines(db, region.id, [year])),
  };
}
