import { and, eq } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { type LkjipSection, lkjipTexts, planIndicators, planNodes } from "../db/schema/index.js";
import { DomainError, parseDecimal } from "../domain/index.js";
import { AppError } from "../lib/errors.js";
import type { LkjipTextsSave } from "./schemas.js";

const invalid = (code: string, id: string, en: string, details?: unknown) =>
  new AppError(400, code, id, en, details);

const CHAPTERS: ReadonlySet<LkjipSection> = new Set(["ikhtisar", "pendahuluan", "perencanaan", "penutup"]);
const PER_SASARAN: ReadonlySet<LkjipSection> = new Set(["penyebab", "solusi"]);

export interface LkjipRenstra {
  id: string;
  orgUnitId: string;
  startYear: number;
  endYear: number;
}

/** "19,8" or "19.8" → "19.8"; a national figure that is no number is a 400. */
function readNational(text: string): string {
  try {
    return parseDecimal(text.replace(",", "."), { decimalSeparator: "." });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw invalid(
      "LKJIP_NATIONAL_INVALID",
      `Angka nasional "${text}" bukan angka.`,
      `National figure "${text}" is not a number.`,
    );
  }
}

/** Checks each text against the Renstra: the year it covers, a subject of the right kind, a figure with its source. */
async function checked(db: Database, renstra: LkjipRenstra, input: LkjipTextsSave) {
  if (input.year < renstra.startYear || input.year > renstra.endYear) {
    throw invalid(
      "YEAR_OUTSIDE_RENSTRA",
      `Tahun ${input.year} di luar Renstra ${renstra.startYear}–${renstra.endYear}.`,
      `Year ${input.year} is outside Renstra ${renstra.startYear}–${renstra.endYear}.`,
    );
  }
  const keys = input.texts.map((t) => `${t.section}/${t.subject ?? ""}`);
  if (new Set(keys).size !== keys.length) {
    throw invalid("LKJIP_TEXT_TWICE", "Satu bagian diisi dua kali.", "A section was given twice.");
  }
  const [sasaran, iku] = await Promise.all([
    db
      .select({ id: planNodes.id })
      .from(planNodes)
      .where(and(eq(planNodes.planId, renstra.id), eq(planNodes.level, "sasaran"))),
    db
      .select({ id: planIndicators.id })
      .from(planIndicators)
      .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
      .where(eq(planNodes.planId, renstra.id)),
  ]);
  const sasaranIds = new Set(sasaran.map((s) => s.id));
  const ikuIds = new Set(iku.map((i) => i.id));
  return input.texts.map((t) => {
    const fits = CHAPTERS.has(t.section)
      ? t.subject === null
      : PER_SASARAN.has(t.section)
        ? t.subject !== null && sasaranIds.has(t.subject)
        : t.subject !== null && ikuIds.has(t.subject);
    if (!fits) {
      throw invalid(
        "LKJIP_SUBJECT_INVALID",
        `Bagian "${t.section}" harus untuk ${CHAPTERS.has(t.section) ? "seluruh laporan" : PER_SASARAN.has(t.section) ? "satu sasaran strategis Renstra ini" : "satu indikator Renstra ini"}.`,
        `Section "${t.section}" must be for ${CHAPTERS.has(t.section) ? "the whole report" : PER_SASARAN.has(t.section) ? "one sasaran strategis of this Renstra" : "one indicator of this Renstra"}.`,
        { section: t.section, subject: t.subject },
      );
    }
    if (t.section !== "nasional" || t.body === "") return { ...t, source: t.source || null };
    if (!t.source) {
      throw invalid(
        "LKJIP_NATIONAL_SOURCE_MISSING",
        "Angka nasional perlu sumbernya (mis. nama survei dan tahunnya).",
        "A national figure needs its source (e.g. the survey and its year).",
        { subject: t.subject },
      );
    }
    return { ...t, body: readNational(t.body) };
  });
}

/**
 * Saves what the Dinas wrote into its LKjIP of a year (chapters, causes and solutions, national figures)
 * in one transaction, one audit record per text changed with the reason given; an empty text is removed.
 * A stale revision refuses the whole save.
 */
export async function saveLkjipTexts(
  db: Database,
  renstra: LkjipRenstra,
  input: LkjipTextsSave,
  actor: Actor,
) {
  const texts = await checked(db, renstra, input);
  return db.transaction(async (tx) => {
    const before = await tx
      .select()
      .from(lkjipTexts)
      .where(and(eq(lkjipTexts.planId, renstra.id), eq(lkjipTexts.year, input.year)))
      .for("update");
    const old = new Map(before.map((b) => [`${b.section}/${b.subject}`, b]));
    const stale = texts.find(
      (t) => (old.get(`${t.section}/${t.subject ?? ""}`)?.revision ?? null) !== t.revision,
    );
    if (stale) {
      throw new AppError(
        409,
        "EDIT_CONFLICT",
        "Isian ini sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi.",
        "Someone else changed this since you opened it. Reload and try again.",
        { section: stale.section, subject: stale.subject },
      );
    }
    const revisions = [];
    const audits = [];
    for (const t of texts) {
      const subject = t.subject ?? "";
      const prior = old.get(`${t.section}/${subject}`);
      const key = and(
        eq(lkjipTexts.planId, renstra.id),
        eq(lkjipTexts.year, input.year),
        eq(lkjipTexts.section, t.section),
        eq(lkjipTexts.subject, subject),
      );
      const unchanged = prior ? prior.body === t.body && prior.source === t.source : t.body === "";
      if (unchanged) {
        revisions.push({ section: t.section, subject: t.subject, revision: prior?.revision ?? null });
        continue;
      }
      let revision: number | null = null;
      if (t.body === "") {
        await tx.delete(lkjipTexts).where(key);
      } else if (prior) {
        revision = prior.revision + 1;
        await tx
          .update(lkjipTexts)
          .set({ body: t.body, source: t.source, revision, updatedBy: actor.userId, updatedAt: new Date() })
          .where(key);
      } else {
        revision = 1;
        await tx.insert(lkjipTexts).values({
          planId: renstra.id,
          year: input.year,
          section: t.section,
          subject,
          body: t.body,
          source: t.source,
          updatedBy: actor.userId,
        });
      }
      revisions.push({ section: t.section, subject: t.subject, revision });
      audits.push({
        action: "lkjip.text_set",
        entityType: "lkjip_text",
        entityId: `${renstra.id}/${input.year}/${t.section}${subject ? `/${subject}` : ""}`,
        orgUnitId: renstra.orgUnitId,
        oldValue: prior ? { body: prior.body, source: prior.source } : null,
        newValue: t.body === "" ? null : { body: t.body, source: t.source },
        reason: input.reason ?? null,
      });
    }
    await recordAudit(tx, actor, ...audits);
    return { saved: audits.length, revisions };
  });
}
