import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

import type { DeadlineKind, RegionDeadlineKind, ReminderKind } from "../../domain/index.js";
import { users } from "./auth.js";
import { createdAt } from "./columns.js";
import { orgUnits } from "./core.js";

/** A kab/kota's own date for one of its yearly deadlines; a deadline without a row keeps the default. */
export const regionDeadlines = pgTable(
  "region_deadlines",
  {
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    kind: text().$type<RegionDeadlineKind>().notNull(),
    /** 2024Q1 for the quarterly deadlines, 2024 for the annual report. */
    period: text().notNull(),
    dueDate: date("due_date").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("region_deadlines_key").on(t.orgUnitId, t.kind, t.period)],
);

/** How many days before a deadline a kab/kota's people are reminded; no row: the default (3). */
export const reminderSettings = pgTable("reminder_settings", {
  orgUnitId: uuid("org_unit_id")
    .primaryKey()
    .references(() => orgUnits.id),
  daysBefore: integer("days_before").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A notice shown in the app's bell; its texts are kept in both languages, written when it was sent. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    texts: jsonb()
      .$type<{ id: { title: string; body: string }; en: { title: string; body: string } }>()
      .notNull(),
    /** Where in the app the notice leads, e.g. "/data-entry". */
    link: text(),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Every reminder sent, once: the unique key (user, deadline kind, subject, period, reminder kind) is
 * what keeps a rerun or a restart from sending it twice.
 */
export const reminderSends = pgTable(
  "reminder_sends",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    deadlineKind: text("deadline_kind").$type<DeadlineKind>().notNull(),
    /** The data set and unit ("<dataSetId>/<orgUnitId>") or the kab/kota the deadline belongs to. */
    subject: text().notNull(),
    period: text().notNull(),
    reminderKind: text("reminder_kind").$type<ReminderKind>().notNull(),
    dueDate: date("due_date").notNull(),
    /** The run's "today" (WIB). */
    sentOn: date("sent_on").notNull(),
    /** "sent", "no_address" (the user has no e-mail), "off" (no SMTP set), "failed". */
    email: text().notNull(),
    emailError: text("email_error"),
    createdAt: createdAt(),
  },
  (t) => [unique("reminder_sends_key").on(t.userId, t.deadlineKind, t.subject, t.period, t.reminderKind)],
);
