import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../db/schema/index.js";
import { buildApp } from "../server/app.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { type Mailer, smtpMailer } from "./mailer.js";
import type { NotificationList, RegionDeadlinesView, RunResult } from "./schemas.js";

/** A real SMTP server on a free port; every message it accepts is parsed and kept. */
async function startSmtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.server.address() as AddressInfo;
  return { received, port, close: () => new Promise<void>((done) => server.close(() => done())) };
}

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text;

describe.each(testDatabases())("deadline reminders on $name", (target) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startSmtp();
    mailer = smtpMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: "capaian <noreply@capaian.test>" });
    t = await openTestApp(target, undefined, { reminders: { mailer, testClock: true } });
    const db = t.database.db;
    await db
      .update(users)
      .set({ email: "yosomulyo@capaian.test" })
      .where(eq(users.username, "operator.yosomulyo"));
    await db
      .update(users)
      .set({ email: "admin.metro@capaian.test", language: "en" })
      .where(eq(users.username, "admin.metro"));
  });
  afterAll(async () => {
    mailer.close();
    await t.close();
    await smtp.close();
  });

  // 13 April 2025: March's form (due 10 April) is overdue, Q1's evaluation (due 15 April) is near.
  const today = "2025-04-13";
  const operatorMails = () => smtp.received.filter((m) => to(m) === "yosomulyo@capaian.test");

  it("sends the operator one notice and one e-mail for the unsubmitted form, once, even after a restart", async () => {
    const admin = await TestClient.loggedIn(t.app, "admin.metro");
    const first = (await admin.post("/api/reminders/run", { today })).json() as RunResult;
    expect(first.notices).toBeGreaterThan(0);

    const operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    const list = (await operator.get("/api/notifications")).json() as NotificationList;
    const notices = list.items.filter((n) => n.texts.id.body.includes("Laporan Bulanan Puskesmas"));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.texts.id.title).toBe("Tenggat Laporan terlewat");
    expect(notices[0]?.texts.id.body).toContain("Maret 2025");
    expect(list.unread).toBe(list.items.length);

    expect(operatorMails()).toHaveLength(1);
    expect(operatorMails()[0]?.subject).toBe("Tenggat Laporan terlewat");
    expect(operatorMails()[0]?.text).toContain("Puskesmas Yosomulyo");

    // The admin chose English: the evaluation reminder comes in English.
    const adminMail = smtp.received.find((m) => to(m) === "admin.metro@capaian.test");
    expect(adminMail?.subject).toBe("Evaluation due: 15 April 2025");

    const again = (await admin.post("/api/reminders/run", { today })).json() as RunResult;
    expect(again).toEqual({ today, notices: 0, emails: 0 });

    // A new app on the same database: still nothing to send.
    await t.app.close();
    t.app = await buildApp({
      database: t.database,
      webRoot: "/nonexistent",
      auth: {
        secret: "test-secret",
        sessions: { idleMinutes: 60, maxHours: 8 },
        secureCookies: false,
        loginAttemptsPerMinute: 10_000,
      },
      reminders: { mailer, testClock: true },
    });
    const restarted = await TestClient.loggedIn(t.app, "admin.metro");
    expect(((await restarted.post("/api/reminders/run", { today })).json() as RunResult).notices).toBe(0);
    expect(operatorMails()).toHaveLength(1);

    // The next day's reminders are new ones only where something new is due.
    const operatorAgain = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    const after = (await operatorAgain.get("/api/notifications")).json() as NotificationList;
    expect(after.items).toHaveLength(list.items.length);
    await operatorAgain.post(`/api/notifications/${notices[0]?.id}/read`);
    const read = (await operatorAgain.get("/api/notifications")).json() as NotificationList;
    expect(read.unread).toBe(list.unread - 1);
  });

  it("lets the admin move a deadline, and refuses a made-up today without the test clock", async () => {
    const admin = await TestClient.loggedIn(t.app, "admin.metro");
    const metro = (await admin.get("/api/org-units?type=kabupaten_kota")).json() as Array<{
      id: string;
      name: string;
    }>;
    const metroId = metro.find((u) => u.name === "Kota Metro")?.id as string;
    const saved = await admin.request("PUT", "/api/deadlines", {
      orgUnitId: metroId,
      year: 2025,
      daysBefore: 5,
      deadlines: [{ kind: "spm_quarter", period: "2025Q1", dueDate: "2025-04-17" }],
    });
    expect(saved.statusCode).toBe(200);
    const view = saved.json() as RegionDeadlinesView;
    expect(view.daysBefore).toBe(5);
    expect(view.deadlines.find((d) => d.kind === "spm_quarter" && d.period === "2025Q1")).toMatchObject({
      dueDate: "2025-04-17",
      isDefault: false,
    });
    const wrong = await admin.request("PUT", "/api/deadlines", {
      orgUnitId: metroId,
      year: 2025,
      daysBefore: 3,
      deadlines: [{ kind: "spm_quarter", period: "2024Q1", dueDate: "2025-04-17" }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("DEADLINE_PERIOD_INVALID");

    const plain = await buildApp({
      database: t.database,
      webRoot: "/nonexistent",
      auth: {
        secret: "test-secret",
        sessions: { idleMinutes: 60, maxHours: 8 },
        secureCookies: false,
        loginAttemptsPerMinute: 10_000,
      },
    });
    const client = await TestClient.loggedIn(plain, "admin.metro");
    const refused = await client.post("/api/reminders/run", { today });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("REMINDER_TODAY_NOT_ALLOWED");
    await plain.close();
  });
});
