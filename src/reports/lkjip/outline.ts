import {
  formatNumberId,
  formatRupiah,
  NATIONAL_STANDING_LABEL,
  STANDING_LABEL,
  type Standing,
} from "../../domain/index.js";
import type { Lkjip, LkjipSasaran } from "../../lkjip/schemas.js";
import type { RakDocument } from "../../plans/rak-document.js";
import { pkBudgetTable, pkTargetTable, TARGET_HEADER } from "../pk/content.js";

/**
 * The LKjIP as a sequence of blocks — headings, paragraphs, tables of text already in the Indonesian
 * number formats — read alike by the docx and the pdf renderer, so both print the same document.
 */
export type Align = "left" | "right" | "center";
export type Block =
  | { kind: "title"; lines: string[] }
  | { kind: "heading"; level: 1 | 2 | 3; text: string; pageBreak?: boolean }
  | { kind: "paragraph"; text: string; italic?: boolean }
  | { kind: "table"; caption: string; header: string[]; rows: string[][]; widths: number[]; align: Align[] }
  | { kind: "signature"; lines: string[]; name: string; nip: string };

const NOT_WRITTEN = "[Belum diisi. Tulis bagian ini di layar LKjIP aplikasi capaian.]";
const DASH = "-";

const percent = (v: string | null) => (v === null ? DASH : formatNumberId(v, 2));
const number = (v: string | null) => (v === null ? DASH : formatNumberId(v));
const rupiah = (v: number | null) => (v === null ? DASH : formatRupiah(v));
const signed = (v: string | null) =>
  v === null ? DASH : `${v.startsWith("-") ? "" : "+"}${formatNumberId(v)}`;
const standing = (labels: Record<Standing, { id: string }>, s: Standing | null) => (s ? labels[s].id : DASH);
const capaianText = (c: { value: string | null; reason: string | null }) =>
  c.value === null ? (c.reason ?? DASH) : formatNumberId(c.value, 2);

const paragraphs = (text: string | null): Block[] =>
  text === null
    ? [{ kind: "paragraph", text: NOT_WRITTEN, italic: true }]
    : text
        .split(/\n{2,}/)
        .map((t) => t.trim())
        .filter(Boolean)
        .map((t): Block => ({ kind: "paragraph", text: t }));

/** A sentence the Ikhtisar Eksekutif opens with, computed: how many IKU reached their target. */
export function summarySentence(lkjip: Lkjip): string {
  const iku = lkjip.sasaran.flatMap((s) => s.indicators);
  const computed = iku.filter((i) => i.capaian.value !== null);
  const reached = computed.filter((i) => Number(i.capaian.value) >= 100);
  return (
    `Pada tahun ${lkjip.year}, ${lkjip.orgUnitName} mengukur ${iku.length} indikator kinerja utama pada ` +
    `${lkjip.sasaran.length} sasaran strategis; ${computed.length} dapat dihitung capaiannya dan ` +
    `${reached.length} di antaranya mencapai atau melampaui target (capaian ≥ 100%).`
  );
}

function sasaranBlocks(s: LkjipSasaran, lkjip: Lkjip): Block[] {
  const { year } = lkjip;
  const n = `${s.number}`;
  const seriesYears = s.indicators[0]?.series.map((p) => p.year) ?? [year - 1, year];
  return [
    { kind: "heading", level: 3, text: `Sasaran Strategis ${n}: ${s.name}` },
    {
      kind: "table",
      caption: `Tabel 3.${n}.1 Target, realisasi dan capaian tahun ${year}`,
      header: [
        "Indikator Kinerja",
        "Satuan",
        `Target ${year}`,
        `Realisasi ${year}`,
        "Capaian (%)",
        "Kategori",
      ],
      rows: s.indicators.map((i) => [
        i.name,
        i.unit,
        i.target,
        number(i.realisasi),
        capaianText(i.capaian),
        i.capaian.category ?? DASH,
      ]),
      widths: [34, 10, 12, 12, 16, 16],
      align: ["left", "center", "right", "right", "right", "center"],
    },
    {
      kind: "table",
      caption: `Tabel 3.${n}.2 Realisasi dibandingkan tahun-tahun sebelumnya`,
      header: [
        "Indikator Kinerja",
        ...seriesYears.map((y) => `Realisasi ${y}`),
        `Perubahan ${year - 1}–${year}`,
        "Keterangan",
      ],
      rows: s.indicators.map((i) => [
        i.name,
        ...i.series.map((p) => number(p.realisasi)),
        signed(i.change),
        standing(STANDING_LABEL, i.changeStanding),
      ]),
      widths: [34, ...seriesYears.map(() => 12), 14, 14],
      align: ["left", ...seriesYears.map((): Align => "right"), "right", "center"],
    },
    {
      kind: "table",
      caption: `Tabel 3.${n}.3 Realisasi ${year} terhadap target akhir Renstra ${lkjip.renstra.endYear}`,
      header: ["Indikator Kinerja", "Target akhir Renstra", `Realisasi ${year}`, "% terhadap target akhir"],
      rows: s.indicators.map((i) => [i.name, i.end ?? DASH, number(i.realisasi), capaianText(i.shareOfEnd)]),
      widths: [40, 20, 20, 20],
      align: ["left", "right", "right", "right"],
    },
    {
      kind: "table",
      caption: `Tabel 3.${n}.4 Realisasi ${year} dibandingkan angka nasional`,
      header: ["Indikator Kinerja", `Realisasi ${year}`, "Angka nasional", "Selisih", "Keterangan", "Sumber"],
      rows: s.indicators.map((i) => [
        i.name,
        number(i.realisasi),
        number(i.national),
        signed(i.nationalDifference),
        i.national === null
          ? "angka nasional belum diisi"
          : standing(NATIONAL_STANDING_LABEL, i.nationalStanding),
        i.nationalSource ?? DASH,
      ]),
      widths: [30, 12, 12, 11, 15, 20],
      align: ["left", "right", "right", "right", "center", "left"],
    },
    { kind: "paragraph", text: "Analisis penyebab keberhasilan/kegagalan:", italic: false },
    ...paragraphs(s.penyebab),
    { kind: "paragraph", text: "Solusi dan tindak lanjut:" },
    ...paragraphs(s.solusi),
    {
      kind: "table",
      caption: `Tabel 3.${n}.5 Efisiensi: capaian kinerja dibandingkan serapan anggaran`,
      header: [
        "Capaian kinerja sasaran (%)",
        "Pagu (Rp)",
        "Realisasi (Rp)",
        "Serapan (%)",
        "Efisiensi (%)",
        "Keterangan",
      ],
      rows: [
        [
          percent(s.efficiency.capaian),
          rupiah(s.efficiency.pagu),
          rupiah(s.efficiency.realisasi),
          percent(s.efficiency.serapan),
          percent(s.efficiency.efisiensi),
          s.efficiency.level?.id ?? s.efficiency.reason?.id ?? DASH,
        ],
      ],
      widths: [14, 18, 18, 12, 12, 26],
      align: ["right", "right", "right", "right", "right", "left"],
    },
    {
      kind: "paragraph",
      text:
        "Capaian kinerja sasaran adalah rata-rata capaian IKU-nya; efisiensi = capaian kinerja / serapan " +
        "anggaran × 100% (≥ 100% efisien).",
      italic: true,
    },
    {
      kind: "table",
      caption: `Tabel 3.${n}.6 Program pendukung dan penghambat`,
      header: ["Program", "Indikator program", `Capaian ${year} (%)`, "Serapan (%)", "Peran"],
      rows: s.programs.map((p) => [
        p.code ? `${p.code} ${p.name}` : p.name,
        p.indicators.map((i) => i.name).join("; ") || DASH,
        p.indicators.map((i) => capaianText(i.capaian)).join("; ") || DASH,
        percent(p.serapan),
        p.roleLabel.id,
      ]),
      widths: [30, 30, 14, 12, 14],
      align: ["left", "left", "right", "right", "center"],
    },
  ];
}

function lampiran(pk: RakDocument | null, lkjip: Lkjip): Block[] {
  const head: Block = { kind: "heading", level: 1, text: "LAMPIRAN", pageBreak: true };
  if (pk === null) {
    return [
      head,
      { kind: "paragraph", text: `Tidak ada Perjanjian Kinerja tahun ${lkjip.year}.`, italic: true },
    ];
  }
  const targets = pkTargetTable(pk);
  const budget = pkBudgetTable(pk);
  const nameOf = (row: number) => {
    const span = targets.spans.find((s) => s.first === row);
    return span ? [span.number, span.name] : ["", ""];
  };
  return [
    head,
    { kind: "heading", level: 2, text: `Perjanjian Kinerja Tahun ${pk.year}` },
    {
      kind: "table",
      caption: pk.title,
      header: TARGET_HEADER.map((h) => h.charAt(0) + h.slice(1).toLowerCase()),
      rows: targets.rows.map((r, i) => [...nameOf(i), r.indicator, r.unit, r.target]),
      widths: [8, 34, 34, 12, 12],
      align: ["center", "left", "left", "center", "right"],
    },
    {
      kind: "table",
      caption: "Anggaran program",
      header: ["No", "Program", "Anggaran", "Keterangan"],
      rows: [
        ...budget.rows.map((r) => [r.number, r.program, r.text, r.note]),
        ["", "JUMLAH", budget.totalText, ""],
      ],
      widths: [8, 52, 24, 16],
      align: ["center", "left", "right", "left"],
    },
  ];
}

export function lkjipOutline(lkjip: Lkjip, pk: RakDocument | null): Block[] {
  const { year } = lkjip;
  const b = lkjip.budget;
  return [
    {
      kind: "title",
      lines: [
        "LAPORAN KINERJA INSTANSI PEMERINTAH",
        `(LKjIP) TAHUN ${year}`,
        lkjip.orgUnitName.toUpperCase(),
        `${lkjip.renstra.title} — ${lkjip.renstra.versionLabel}`,
      ],
    },
    { kind: "heading", level: 1, text: "IKHTISAR EKSEKUTIF", pageBreak: true },
    { kind: "paragraph", text: summarySentence(lkjip) },
    ...paragraphs(lkjip.chapters.ikhtisar),
    { kind: "heading", level: 1, text: "BAB I PENDAHULUAN", pageBreak: true },
    ...paragraphs(lkjip.chapters.pendahuluan),
    { kind: "heading", level: 1, text: "BAB II PERENCANAAN KINERJA", pageBreak: true },
    ...paragraphs(lkjip.chapters.perencanaan),
    {
      kind: "table",
      caption: `Tabel 2.1 Indikator kinerja utama dan target tahun ${year}`,
      header: ["No", "Tujuan / Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", `Target ${year}`],
      rows: lkjip.targets.map((t, i) => [`${i + 1}`, t.parent, t.name, t.unit, t.target]),
      widths: [6, 36, 34, 10, 14],
      align: ["center", "left", "left", "center", "right"],
    },
    { kind: "heading", level: 1, text: "BAB III AKUNTABILITAS KINERJA", pageBreak: true },
    { kind: "heading", level: 2, text: "A. Capaian Kinerja Organisasi" },
    {
      kind: "paragraph",
      text:
        "Capaian = realisasi / target × 100%; untuk indikator yang makin kecil makin baik, capaian = " +
        "(2 × target − realisasi) / target × 100%. Kategori menurut Permendagri 86/2017: > 90 sangat tinggi, " +
        "75 < x ≤ 90 tinggi, 65 < x ≤ 75 sedang, 50 < x ≤ 65 rendah, ≤ 50 sangat rendah.",
      italic: true,
    },
    ...lkjip.sasaran.flatMap((s) => sasaranBlocks(s, lkjip)),
    { kind: "heading", level: 2, text: "B. Realisasi Anggaran" },
    {
      kind: "table",
      caption: `Tabel 3.B Realisasi anggaran per program tahun ${year}${lkjip.pk ? ` (${lkjip.pk.title})` : ""}`,
      header: ["No", "Program", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"],
      rows: [
        ...b.rows.map((r) => [
          `${r.number}`,
          r.code ? `${r.code} ${r.name}` : r.name,
          rupiah(r.pagu),
          rupiah(r.realisasi),
          percent(r.serapan),
        ]),
        ["", "JUMLAH", rupiah(b.pagu), rupiah(b.realisasi), percent(b.serapan)],
      ],
      widths: [6, 46, 18, 18, 12],
      align: ["center", "left", "right", "right", "right"],
    },
    { kind: "heading", level: 1, text: "BAB IV PENUTUP", pageBreak: true },
    ...paragraphs(lkjip.chapters.penutup),
    {
      kind: "signature",
      lines: [lkjip.signatory.position || "Kepala Dinas"],
      name: lkjip.signatory.name,
      nip: lkjip.signatory.nip ? `NIP. ${lkjip.signatory.nip}` : "",
    },
    ...lampiran(pk, lkjip),
  ];
}
