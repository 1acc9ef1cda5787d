import { and, eq, inArray, isNull } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { notifications, regionDeadlines, reminderSettings } from "../db/schema/index.js";
import { defaultRegionDeadlines, regionDeadlinePeriods } from "../domain/index.js";
import { AppError } from "../lib/errors.js";
import { reminderDaysByRegion, storedDeadlines } from "./queries.js";
import type { SaveDeadlines } from "./schemas.js";

/** A deadline may fall in its year or up to the end of the next (Q4 and the annual report fall there). */
function checkDeadlines(input: SaveDeadlines) {
  const seen = new Set<string>();
  for (const d of input.deadlines) {
    const key = `${d.kind}/${d.period}`;
    const ofYear = regionDeadlinePeriods(d.kind, input.year).includes(d.period);
    const inRange = d.dueDate >= `${input.year}-01-01` && d.dueDate <= `${input.year + 1}-12-31`;
    if (!ofYear || seen.has(key)) {
      throw new AppError(
        400,
        "DEADLINE_PERIOD_INVALID",
        `Periode ${d.period} bukan periode tenggat tahun ${input.year} atau disebut dua kali.`,
        `Period ${d.period} is not a deadline period of ${input.year} or is given twice.`,
      );
    }
    if (!inRange) {
      throw new AppError(
        400,
        "DEADLINE_DATE_OUT_OF_RANGE",
        `Tanggal tenggat ${d.dueDate} harus jatuh pada tahun ${input.year} atau ${input.year + 1}.`,
        `The due date ${d.dueDate} must fall in ${input.year} or ${input.year + 1}.`,
      );
    }
    seen.add(key);
  }
}

/**
 * Stores a region's deadlines for a year and its reminder lead time. A date equal to the default is not
 * stored, so a later change of the default reaches it; one audit record holds the year before and after.
 */
export async function saveDeadlines(db: Database, regionId: string, input: SaveDeadlines, actor: Actor) {
  checkDeadlines(input);
  const defaults = defaultRegionDeadlines(input.year);
  const own = input.deadlines.filter(
    (d) => !defaults.some((x) => x.kind === d.kind && x.period === d.period && x.dueDate === d.dueDate),
  );
  const periods = [...regionDeadlinePeriods("spm_quarter", input.year), String(input.year)];
  await db.transaction(async (tx) => {
    const before = await storedDeadlines(tx, regionId, [input.year]);
    const daysBefore = (await reminderDaysByRegion(tx))(regionId);
    await tx
      .delete(regionDeadlines)
      .where(and(eq(regionDeadlines.orgUnitId, regionId), inArray(regionDeadlines.period, periods)));
    if (own.length > 0) {
      await tx.insert(regionDeadlines).values(own.map((d) => ({ orgUnitId: regionId, ...d })));
    }
    await tx
      .insert(reminderSettings)
      .values({ orgUnitId: regionId, daysBefore: input.daysBefore })
      .onConflictDoUpdate({
        target: reminderSettings.orgUnitId,
        set: { daysBefore: input.daysBefore, updatedAt: new Date() },
      });
    await recordAudit(tx, actor, {
      action: "deadlines.save",
      entityType: "region_deadlines",
      entityId: `${regionId}/${input.year}`,
      orgUnitId: regionId,
      oldValue: { daysBefore, deadlines: before },
      newValue: { daysBefore: input.daysBefore, deadlines: own },
    });
  });
}

/**
 * Marks the user's own notices read (one, or all when no id is given). Not audited: reading a notice
 * changes nothing anyone answers for.
 */
export async function markRead(db: Database, userId: string, id?: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
