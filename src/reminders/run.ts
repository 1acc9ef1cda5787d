import { and, eq, inArray, isNull, like, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Reader } from "../db/client.js";
import {
  dataSetOrgUnits,
  dataSetReports,
  dataSets,
  notifications,
  orgUnits,
  type Role,
  reminderSends,
  roleAssignments,
  users,
} from "../db/schema/index.js";
import {
  type DeadlineKind,
  dataSetPeriodsDue,
  type Language,
  parsePeriod,
  type ReminderKind,
  regionDeadlines,
  reminderDue,
  reminderText,
  startDate,
} from "../domain/index.js";
import type { Mailer } from "./mailer.js";
import { reminderDaysByRegion, storedDeadlines } from "./queries.js";
import type { RunResult } from "./schemas.js";

interface Recipient {
  userId: string;
  email: string | null;
  language: Language;
}
/** One reminder to one person; its key columns are the send log's unique key. */
interface Due {
  user: Recipient;
  deadlineKind: DeadlineKind;
  subject: string;
  subjectName: string;
  period: string;
  reminderKind: ReminderKind;
  dueDate: string;
  link: string;
}

const unit = alias(orgUnits, "unit");
const roleUnit = alias(orgUnits, "role_unit");

/** Active people holding one of the roles at a unit `where` accepts (on `role_unit.path`). */
async function holders(db: Reader, roles: Role[], where: SQL) {
  return db
    .selectDistinct({
      userId: users.id,
      email: users.email,
      language: users.language,
      path: roleUnit.path,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .innerJoin(roleUnit, eq(roleUnit.id, roleAssignments.orgUnitId))
    .where(and(inArray(roleAssignments.role, roles), eq(users.isActive, true), where));
}
const recipient = (r: { userId: string; email: string | null; language: "id" | "en" | null }): Recipient => ({
  userId: r.userId,
  email: r.email,
  language: r.language ?? "id",
});

/** Evaluation and SPM deadlines of each kab/kota: its admins and pengelola program. */
async function regionReminders(db: Reader, today: string, daysOf: (id: string) => number): Promise<Due[]> {
  const year = Number(today.slice(0, 4));
  const regions = await db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.type, "kabupaten_kota"), isNull(orgUnits.closedOn)));
  const due: Due[] = [];
  for (const region of regions) {
    const stored = await storedDeadlines(db, region.id, [year - 1, year]);
    const deadlines = [year - 1, year].flatMap((y) => regionDeadlines(y, stored));
    const hits = deadlines.flatMap((d) => {
      const reminderKind = reminderDue(d.dueDate, today, daysOf(region.id));
      return reminderKind ? [{ ...d, reminderKind }] : [];
    });
    if (hits.length === 0) continue;
    const people = await holders(
      db,
      ["admin_dinas", "pengelola_program"],
      like(roleUnit.path, `${region.path}%`),
    );
    for (const d of hits) {
      for (const p of people) {
        due.push({
          user: recipient(p),
          deadlineKind: d.kind,
          subject: region.id,
          subjectName: region.name,
          period: d.period,
          reminderKind: d.reminderKind,
          dueDate: d.dueDate,
          link: d.kind === "evaluation_quarter" ? "/evaluasi" : "/spm",
        });
      }
    }
  }
  return due;
}

const SUBMITTED = ["submitted", "verified", "approved"] as const;

/** Forms not yet submitted near or past their deadline: the operators of the unit (or above it). */
async function dataSetReminders(
  db: Reader,
  today: string,
  daysOf: (id: string | null) => number,
): Promise<Due[]> {
  const expected = await db
    .select({
      dataSetId: dataSets.id,
      dataSetName: dataSets.name,
      periodType: dataSets.periodType,
      deadlineDays: dataSets.deadlineDays,
      openFrom: dataSets.openFrom,
      unitId: unit.id,
      unitName: unit.name,
      unitPath: unit.path,
      districtId: unit.districtId,
    })
    .from(dataSetOrgUnits)
    .innerJoin(dataSets, eq(dataSets.id, dataSetOrgUnits.dataSetId))
    .innerJoin(unit, eq(unit.id, dataSetOrgUnits.orgUnitId))
    .where(isNull(unit.closedOn));
  const due: Due[] = [];
  for (const e of expected) {
    const periods = dataSetPeriodsDue(e, today, daysOf(e.districtId)).filter(
      (p) => e.openFrom === null || startDate(parsePeriod(p.period)) >= startDate(parsePeriod(e.openFrom)),
    );
    if (periods.length === 0) continue;
    const done = await db
      .select({ period: dataSetReports.period })
      .from(dataSetReports)
      .where(
        and(
          eq(dataSetReports.dataSetId, e.dataSetId),
          eq(dataSetReports.orgUnitId, e.unitId),
          inArray(
            dataSetReports.period,
            periods.map((p) => p.period),
          ),
          inArray(dataSetReports.status, [...SUBMITTED]),
        ),
      );
    const open = periods.filter((p) => !done.some((d) => d.period === p.period));
    if (open.length === 0) continue;
    // The operator's unit lies at or above the form's unit.
    const people = await holders(db, ["operator_fasyankes"], sql`${e.unitPath} like ${roleUnit.path} || '%'`);
    for (const p of open) {
      for (const person of people) {
        due.push({
          user: recipient(person),
          deadlineKind: "data_set",
          subject: `${e.dataSetId}/${e.unitId}`,
          subjectName: `${e.dataSetName}, ${e.unitName}`,
          period: p.period,
          reminderKind: p.reminder,
          dueDate: p.dueDate,
          link: "/isian",
        });
      }
    }
  }
  return due;
}

const textsOf = (d: Due) => {
  const input = {
    kind: d.deadlineKind,
    reminder: d.reminderKind,
    period: d.period,
    dueDate: d.dueDate,
    subject: d.subjectName,
  };
  return { id: reminderText(input, "id"), en: reminderText(input, "en") };
};

/**
 * Sends the reminders due on `today` (WIB, passed in) that were not sent before: each is first claimed
 * in the send log, whose unique key lets only one run ever claim it, together with its in-app notice in
 * the same transaction; the e-mails go out after the commit. A crash between the two loses an e-mail
 * rather than sending one twice.
 */
export async function runReminders(
  db: Database,
  options: { today: string; mailer: Mailer | null },
): Promise<RunResult> {
  const daysOf = await reminderDaysByRegion(db);
  const due = [
    ...(await regionReminders(db, options.today, daysOf)),
    ...(await dataSetReminders(db, options.today, daysOf)),
  ];
  const emailState = (d: Due) => (!options.mailer ? "off" : d.user.email ? "pending" : "no_address");
  const claimed = await db.transaction(async (tx) => {
    const claimed: Array<{ id: string; due: Due }> = [];
    for (const d of due) {
      const [row] = await tx
        .insert(reminderSends)
        .values({
          userId: d.user.userId,
          deadlineKind: d.deadlineKind,
          subject: d.subject,
          period: d.period,
          reminderKind: d.reminderKind,
          dueDate: d.dueDate,
          sentOn: options.today,
          email: emailState(d),
        })
        .onConflictDoNothing()
        .returning({ id: reminderSends.id });
      if (!row) continue;
      await tx.insert(notifications).values({ userId: d.user.userId, texts: textsOf(d), link: d.link });
      claimed.push({ id: row.id, due: d });
    }
    return claimed;
  });
  let emails = 0;
  for (const { id, due: d } of claimed) {
    if (!options.mailer || !d.user.email) continue;
    const text = textsOf(d)[d.user.language];
    try {
      await options.mailer.send({ to: d.user.email, subject: text.title, text: `${text.body}\n\n— capaian` });
      emails++;
      await db.update(reminderSends).set({ email: "sent" }).where(eq(reminderSends.id, id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(reminderSends)
        .set({ email: "failed", emailError: message.slice(0, 500) })
        .where(eq(reminderSends.id, id));
    }
  }
  return { today: options.today, notices: claimed.length, emails };
}
