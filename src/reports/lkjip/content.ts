import {
  againstNational,
  CATEGORY_LABEL,
  type Capaian,
  changeFromLastYear,
  computeCapaian,
  EFFICIENCY_LABEL,
  efisiensi,
  formatTarget,
  notComputable,
  PROGRAM_ROLE_LABEL,
  parseTarget,
  programRole,
  readRenstraTarget,
  renstraVersionLabel,
  sasaranCapaian,
  serapan,
  shareOfEndTarget,
  targetAmount,
} from "../../domain/index.js";
import type { LkjipInput, PkProgramBudget } from "../../lkjip/queries.js";
import type { Lkjip, LkjipSasaran } from "../../lkjip/schemas.js";

/**
 * The LKjIP of a year (PermenPAN-RB 53/2014), computed once for the screen, the docx and the pdf: per
 * sasaran strategis the seven analyses of Bab III A, Bab III B realisasi anggaran, and the texts the Dinas
 * wrote. Pure: every rule comes from src/domain.
 */

type Row = LkjipInput["cascade"]["rows"][number];
type Cell = LkjipSasaran["indicators"][number]["capaian"];

const cell = (c: Capaian): Cell =>
  c.computable
    ? { value: c.value, category: CATEGORY_LABEL[c.category].id, reason: null, reasonEn: null }
    : { value: null, category: null, reason: c.message.id, reasonEn: c.message.en };

/** This year's target of a Renstra row: the PK's linked target, else the RAK's, else the Renstra's. */
function yearTarget(row: Row, year: number) {
  const at = row.years.find((y) => y.year === year);
  const yearly = at?.yearly.find((l) => l.kind === "pk") ?? at?.yearly.find((l) => l.kind === "rak");
  if (yearly) {
    return {
      text: formatTarget(yearly.target),
      value: targetAmount(parseTarget(yearly.target, { decimalSeparator: "." })),
      from: yearly.kind,
    };
  }
  const written = at?.renstra ?? "-";
  return { text: written, value: readRenstraTarget(written).value, from: "renstra" as const };
}

function realisasiOf(row: Row, year: number, startYear: number): string | null {
  if (year === startYear - 1) return row.baseline.value;
  return row.years.find((y) => y.year === year)?.realisasi.value ?? null;
}

function indicatorAnalyses(row: Row, input: LkjipInput) {
  const { year } = input;
  const target = yearTarget(row, year);
  const start = input.cascade.startYear;
  const realisasi = realisasiOf(row, year, start);
  const capaian = computeCapaian({ target: target.value, realisasi, polarity: row.polarity });
  const previous = realisasiOf(row, year - 1, start);
  const change = changeFromLastYear(realisasi, previous, row.polarity);
  const end = row.end === null ? null : readRenstraTarget(row.end).value;
  const national = input.texts.find((t) => t.section === "nasional" && t.subject === row.planIndicatorId);
  const versus = againstNational(realisasi, national?.body ?? null, row.polarity);
  const firstYear = input.cascade.startYear - 1;
  return {
    capaian,
    iku: {
      planIndicatorId: row.planIndicatorId,
      name: row.name,
      unit: row.unit,
      polarity: row.polarity,
      target: target.text,
      targetFrom: target.from,
      realisasi,
      capaian: cell(capaian),
      series: Array.from({ length: year - firstYear + 1 }, (_, i) => ({
        year: firstYear + i,
        realisasi: realisasiOf(row, firstYear + i, start),
      })),
      previous,
      change: change?.change ?? null,
      changeStanding: change?.standing ?? null,
      end: row.end,
      shareOfEnd: cell(shareOfEndTarget(realisasi, end, row.polarity)),
      national: national?.body ?? null,
      nationalSource: national?.source ?? null,
      nationalDifference: versus?.difference ?? null,
      nationalStanding: versus?.standing ?? null,
    },
  };
}

const sameProgram = (code: string | null, name: string) => (p: PkProgramBudget) =>
  code !== null && p.code !== null ? p.code === code : p.name.trim() === name.trim();

/** (6) The sasaran's capaian against the serapan of its programs in the PK, summed pagu and realisasi. */
function efficiencyOf(capaian: string | null, budgets: PkProgramBudget[], year: number) {
  const none = { capaian, pagu: null, realisasi: null, serapan: null, efisiensi: null, level: null };
  if (budgets.length === 0) {
    return {
      ...none,
      reason: {
        id: `Tidak dapat dihitung: program sasaran ini tidak ada dalam PK ${year}`,
        en: `Not computable: this sasaran's programs are not in the ${year} PK`,
      },
    };
  }
  const pagu = budgets.reduce((s, b) => s + (b.pagu ?? 0), 0);
  const spent = budgets.some((b) => b.realisasi === null)
    ? null
    : budgets.reduce((s, b) => s + (b.realisasi ?? 0), 0);
  if (spent === null) return { ...none, pagu, reason: notComputable("no_realisasi").message };
  const absorbed = serapan(String(spent), String(pagu));
  if (!absorbed.computable) return { ...none, pagu, realisasi: spent, reason: absorbed.message };
  const base = { ...none, pagu, realisasi: spent, serapan: absorbed.value };
  if (capaian === null) return { ...base, reason: notComputable("no_realisasi").message };
  const e = efisiensi(capaian, absorbed.value);
  return e.computable
    ? { ...base, efisiensi: e.value, level: EFFICIENCY_LABEL[e.level], reason: null }
    : { ...base, reason: e.message };
}

export function buildLkjip(input: LkjipInput): Lkjip {
  const { cascade, year } = input;
  const text = (section: string, subject = "") =>
    input.texts.find((t) => t.section === section && t.subject === subject)?.body || null;
  const pkPrograms = input.pk?.programs ?? [];
  const rowsOf = (nodeId: string) => cascade.rows.filter((r) => r.nodeId === nodeId);
  const sasaran = input.nodes
    .filter((n) => n.level === "sasaran")
    .map((node, i): LkjipSasaran => {
      const analysed = rowsOf(node.id).map((row) => indicatorAnalyses(row, input));
      const programs = input.nodes
        .filter((n) => n.parentId === node.id && n.level === "program")
        .map((p) => {
          const budget = pkPrograms.find(sameProgram(p.code, p.name));
          const own = rowsOf(p.id).map((row) => indicatorAnalyses(row, input));
          const role = programRole(own.map((o) => o.capaian));
          return {
            nodeId: p.id,
            code: p.code,
            name: p.name,
            pagu: budget?.pagu ?? null,
            realisasi: budget?.realisasi ?? null,
            serapan: budget?.serapan ?? null,
            budget,
            indicators: own.map((o) => ({
              name: o.iku.name,
              target: o.iku.target,
              realisasi: o.iku.realisasi,
              capaian: o.iku.capaian,
            })),
            role,
            roleLabel: PROGRAM_ROLE_LABEL[role],
          };
        });
      const capaian = sasaranCapaian(analysed.map((a) => a.capaian));
      const budgets = programs.flatMap((p) => (p.budget ? [p.budget] : []));
      return {
        nodeId: node.id,
        number: i + 1,
        name: node.name,
        indicators: analysed.map((a) => a.iku),
        penyebab: text("penyebab", node.id),
        solusi: text("solusi", node.id),
        efficiency: efficiencyOf(capaian, budgets, year),
        programs: programs.map(({ budget: _, ...p }) => p),
      };
    });
  const paguTotal = pkPrograms.reduce((s, p) => s + (p.pagu ?? 0), 0);
  const spentTotal = pkPrograms.some((p) => p.realisasi === null)
    ? null
    : pkPrograms.reduce((s, p) => s + (p.realisasi ?? 0), 0);
  const absorbed = spentTotal === null ? null : serapan(String(spentTotal), String(paguTotal));
  return {
    renstra: {
      id: cascade.id,
      title: cascade.title,
      startYear: cascade.startYear,
      endYear: cascade.endYear,
      version: cascade.version,
      versionLabel: renstraVersionLabel(cascade.version).id,
    },
    orgUnitId: cascade.orgUnitId,
    orgUnitName: cascade.orgUnitName,
    year,
    signatory: input.signatory,
    pk: input.pk ? { id: input.pk.id, title: input.pk.title, version: input.pk.version } : null,
    chapters: {
      ikhtisar: text("ikhtisar"),
      pendahuluan: text("pendahuluan"),
      perencanaan: text("perencanaan"),
      penutup: text("penutup"),
    },
    targets: cascade.rows
      .filter((r) => r.level !== "program")
      .map((r) => ({
        level: r.level,
        parent: (r.level === "tujuan" ? r.tujuan : r.sasaran) ?? "",
        name: r.name,
        unit: r.unit,
        target: yearTarget(r, year).text,
      })),
    sasaran,
    budget: {
      rows: pkPrograms.map((p, i) => ({
        number: i + 1,
        code: p.code,
        name: p.name,
        pagu: p.pagu,
        realisasi: p.realisasi,
        serapan: p.serapan,
      })),
      pagu: paguTotal,
      realisasi: spentTotal,
      serapan: absorbed?.computable ? absorbed.value : null,
    },
    texts: input.texts.map((t) => ({
      section: t.section,
      subject: t.subject === "" ? null : t.subject,
      body: t.body,
      source: t.source,
      revision: t.revision,
      updatedAt: t.updatedAt.toISOString(),
    })),
  };
}
