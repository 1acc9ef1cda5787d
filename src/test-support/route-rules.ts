import { dataSetWorkbook } from "../data-sets/workbook.js";
import type { Role } from "../db/schema/index.js";

/**
 * Every route of the OpenAPI document, called by every role inside and outside its org-unit scope and
 * anonymously. A route missing from this table fails the test, so a new route must state who may call it.
 * The expectations are written here by hand, not derived from the permission table they check.
 */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export interface Ids {
  yosomulyo: string;
  rak: string;
  spmVersion: string;
  target: string;
  counter: () => number;
  /** A program node and one of its indicators in the Metro RAK. */
  program: string;
  indicator: string;
  /** A fresh kegiatan under the program, for the destructive routes. */
  throwaway: () => Promise<string>;
  metro: string;
  rakFile: Buffer;
  dataSet: string;
  /** An indicator of the program the demo pengelola program is limited to. */
  programIndicator: string;
  /** A data element of the demo form. */
  element: () => Promise<string>;
  /** An SPM service, a satisfaction survey of Puskesmas Yosomulyo, and a fresh one for the delete route. */
  spmService: string;
  skmSurvey: string;
  skmThrowaway: () => Promise<string>;
  /** A fresh kecamatan under Kota Metro (closed when asked), for the org-unit writes. */
  orgUnitThrowaway: (closed?: boolean) => Promise<string>;
  /** A catalogue indicator owned by Kota Metro (one its RAK uses). */
  catalogueIndicator: string;
  /** The demo Renstra 2025–2029, its workbook, and the PK 2025 indicator that serves its neonatal IKU. */
  renstra: string;
  renstraFile: Buffer;
  renstraIndicator: string;
  /** The catalogue indicator of that IKU: one the demo pengelola program may analyse. */
  renstraCatalogue: string;
  pk: string;
  pkIndicator: string;
  /** A finished import job of the target user (an operator of Puskesmas Yosomulyo). */
  job: string;
}

const valuesUpload = (i: Ids, path: string): Request => ({
  url: `/api/data-entry/${path}?dataSetId=${i.dataSet}&fileName=isian.csv`,
  body: Buffer.from("Kode Unit;Nama Unit;Periode;BUMIL_K4\n18.72.01.P2;Puskesmas Yosomulyo;202405;3\n"),
  headers: { "content-type": "text/csv" },
});

const yosomulyoForm = (i: Ids) => ({ dataSetId: i.dataSet, orgUnitId: i.yosomulyo, period: "202401" });

/** A data set assigned to Puskesmas Yosomulyo: only an admin over Kota Metro may create it. */
const dataSetBody = (i: Ids, elementId: string) => ({
  code: `MATRIX-${i.counter()}`,
  name: "Formulir uji",
  periodType: "month",
  deadlineDays: 10,
  jumpPercent: 50,
  openFrom: null,
  openFuturePeriods: 0,
  rules: [],
  elements: [{ dataElementId: elementId, section: null }],
  orgUnitIds: [i.yosomulyo],
});

/** The demo's Metro form as a workbook: importing it is Metro's admin's business only. */
const metroWorkbook = (i: Ids) =>
  dataSetWorkbook(
    {
      ...dataSetBody(i, i.yosomulyo),
      code: "LB-PUSKESMAS",
      periodType: "month",
      id: i.dataSet,
      revision: 1,
      editable: true,
      reported: true,
      elements: [
        {
          dataElementId: i.yosomulyo,
          code: "BUMIL_K4",
          name: "Jumlah ibu hamil K4",
          valueType: "integer",
          section: null,
          validFrom: null,
          validTo: null,
        },
      ],
      former: [],
    },
    new Map(),
  );

const xlsxUpload = (i: Ids, path: string): Request => ({
  url: `/api/plans/${path}?orgUnitId=${i.metro}&year=2024&fileName=rak.xlsx`,
  body: i.rakFile,
  headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
});
const renstraUpload = (i: Ids, path: string): Request => ({
  url: `/api/renstra/${path}?orgUnitId=${i.metro}&fileName=renstra.xlsx`,
  body: i.renstraFile,
  headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
});

export interface Request {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}
export interface RouteRule {
  /** Who may call it: anyone, any logged-in user, or the roles listed. */
  who: "public" | "authenticated" | Role[];
  /** The entity belongs to Kota Metro: out-of-scope callers must be refused or see none of it. */
  scoped?: "entity" | "list";
  request: (ids: Ids) => Request | Promise<Request>;
  /** For lists: does the response show the Kota Metro item? */
  showsMetro?: (body: unknown) => boolean;
  /** The call ends the session (logout): use a fresh login. */
  consumesSession?: boolean;
}

export const all: Role[] = ["admin_dinas", "pengelola_program", "operator_fasyankes", "pimpinan", "auditor"];
const readers: Role[] = ["admin_dinas", "pengelola_program", "pimpinan", "auditor"];
const skmWriters: Role[] = ["admin_dinas", "pengelola_program", "operator_fasyankes"];
const json = (body: unknown) => JSON.stringify(body);
const definition = (i: Ids) => ({
  code: `MATRIKS_${i.counter()}`,
  name: "Cakupan K4 (matriks)",
  unit: "%",
  kind: "ratio",
  factor: 100,
  polarity: "higher",
  lowerFormula: "two_target_minus",
  timeAggregation: "sum",
  numerator: "#{BUMIL_K4}",
  denominator: "#{BUMIL_SASARAN}",
});

export const matrix: Record<string, RouteRule> = {
  "GET /api/health": { who: "public", request: () => ({ url: "/api/health" }) },
  "GET /api/ready": { who: "public", request: () => ({ url: "/api/ready" }) },
  "GET /api/auth/csrf": { who: "public", request: () => ({ url: "/api/auth/csrf" }) },
  "GET /api/auth/demo-accounts": { who: "public", request: () => ({ url: "/api/auth/demo-accounts" }) },
  "POST /api/auth/login": {
    who: "public",
    request: () => ({ url: "/api/auth/login", body: { username: "tidak.ada", password: "salah-salah-1" } }),
  },
  "POST /api/auth/logout": {
    who: "authenticated",
    consumesSession: true,
    request: () => ({ url: "/api/auth/logout" }),
  },
  "GET /api/auth/me": { who: "authenticated", request: () => ({ url: "/api/auth/me" }) },
  "POST /api/auth/password": {
    who: "authenticated",
    request: () => ({
      url: "/api/auth/password",
      body: { currentPassword: "bukan-ini-99", newPassword: "x" },
    }),
  },
  "GET /api/org-units": {
    who: all,
    scoped: "list",
    request: () => ({ url: "/api/org-units" }),
    showsMetro: (b) => json(b).includes("Puskesmas Yosomulyo"),
  },
  "GET /api/org-units/{id}": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/org-units/${i.yosomulyo}` }),
  },
  "GET /api/plans": {
    who: readers,
    scoped: "list",
    request: () => ({ url: "/api/plans" }),
    showsMetro: (b) => json(b).includes("Kota Metro"),
  },
  // Which years hold data is read within each role's scope; years-routes.test.ts checks what each one sees.
  "GET /api/years-with-data": { who: all, scoped: "list", request: () => ({ url: "/api/years-with-data" }) },
  "GET /api/plans/{id}": { who: readers, scoped: "entity", request: (i) => ({ url: `/api/plans/${i.rak}` }) },
  "PATCH /api/plans/{id}/indicators/{indicatorId}": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: `/api/plans/${i.rak}/indicators/${i.indicator}`,
      body: { revision: 1, targetQ1: "25" },
    }),
  },
  "DELETE /api/plans/{id}/indicators/{indicatorId}": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({ url: `/api/plans/${i.rak}/indicators/${i.indicator}?revision=999` }),
  },
  "POST /api/plans/{id}/nodes": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: `/api/plans/${i.rak}/nodes`,
      body: { parentId: i.program, level: "kegiatan", name: `Kegiatan baru ${i.counter()}` },
    }),
  },
  "PATCH /api/plans/{id}/nodes/{nodeId}": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: async (i) => ({
      url: `/api/plans/${i.rak}/nodes/${await i.throwaway()}`,
      body: { revision: 1, budget: 1000 },
    }),
  },
  "POST /api/plans/{id}/nodes/{nodeId}/move": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: async (i) => ({
      url: `/api/plans/${i.rak}/nodes/${await i.throwaway()}/move`,
      body: { revision: 1, parentId: i.program, index: 0 },
    }),
  },
  "DELETE /api/plans/{id}/nodes/{nodeId}": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: async (i) => ({ url: `/api/plans/${i.rak}/nodes/${await i.throwaway()}?revision=1` }),
  },
  "POST /api/plans/{id}/nodes/{nodeId}/indicators": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: async (i) => ({
      url: `/api/plans/${i.rak}/nodes/${await i.throwaway()}/indicators`,
      body: { name: "Indikator baru", unit: "%", targetYear: "100", quarters: ["25", "25", "25", "25"] },
    }),
  },
  "POST /api/plans/{id}/sign": {
    who: ["pimpinan"],
    scoped: "entity",
    request: (i) => ({ url: `/api/plans/${i.rak}/sign`, body: { place: "Metro", date: "2024-01-15" } }),
  },
  "POST /api/plans/{id}/revise": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({ url: `/api/plans/${i.rak}/revise`, body: { reason: "Perubahan anggaran" } }),
  },
  "POST /api/plans": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({ url: "/api/plans", body: { orgUnitId: i.metro, year: 2026 } }),
  },
  "GET /api/plans/template.xlsx": {
    who: "authenticated",
    request: () => ({ url: "/api/plans/template.xlsx" }),
  },
  "POST /api/plans/import/preview": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => xlsxUpload(i, "import/preview"),
  },
  "POST /api/plans/import": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => xlsxUpload(i, "import"),
  },
  "GET /api/plans/{id}/export.xlsx": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/plans/${i.rak}/export.xlsx` }),
  },
  "GET /api/plans/{id}/export.pdf": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/plans/${i.rak}/export.pdf?paper=F4` }),
  },
  "GET /api/renstra/{id}": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/renstra/${i.renstra}` }),
  },
  "POST /api/renstra/import/preview": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => renstraUpload(i, "import/preview"),
  },
  "POST /api/renstra/import": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => renstraUpload(i, "import"),
  },
  "GET /api/renstra/{id}/export.xlsx": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/renstra/${i.renstra}/export.xlsx` }),
  },
  "GET /api/renstra/{id}/export.pdf": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/renstra/${i.renstra}/export.pdf?paper=F4` }),
  },
  "GET /api/renstra/template.xlsx": {
    who: "authenticated",
    request: () => ({ url: "/api/renstra/template.xlsx?startYear=2025" }),
  },
  "GET /api/plans/{id}/renstra-options": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/plans/${i.pk}/renstra-options` }),
  },
  "PUT /api/plans/{id}/indicators/{indicatorId}/renstra-link": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: `/api/plans/${i.pk}/indicators/${i.pkIndicator}/renstra-link`,
      body: { renstraIndicatorId: i.renstraIndicator },
    }),
  },
  "PUT /api/renstra/{id}/realisasi": {
    who: ["admin_dinas", "pengelola_program"],
    scoped: "entity",
    request: (i) => ({
      url: `/api/renstra/${i.renstra}/realisasi`,
      body: { indicatorId: i.renstraCatalogue, year: 2026, value: "7", note: null, revision: null },
    }),
  },
  "GET /api/renstra/{id}/lkjip": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/renstra/${i.renstra}/lkjip?year=2025` }),
  },
  "GET /api/renstra/{id}/lkjip.docx": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/renstra/${i.renstra}/lkjip.docx?year=2025` }),
  },
  "GET /api/renstra/{id}/lkjip.pdf": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/renstra/${i.renstra}/lkjip.pdf?year=2025&paper=F4` }),
  },
  "PUT /api/renstra/{id}/lkjip/texts": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: `/api/renstra/${i.renstra}/lkjip/texts`,
      body: {
        year: 2026,
        texts: [
          { section: "penutup", subject: null, body: `Penutup ${i.counter()}`, source: null, revision: null },
        ],
      },
    }),
  },
  "GET /api/data-sets": {
    who: all,
    scoped: "list",
    request: () => ({ url: "/api/data-sets" }),
    showsMetro: (b) => json(b).includes("Puskesmas Yosomulyo"),
  },
  "GET /api/data-entry/form": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/data-entry/form?${new URLSearchParams(yosomulyoForm(i))}` }),
  },
  "PUT /api/data-entry/values": {
    who: ["operator_fasyankes"],
    scoped: "entity",
    request: async (i) => ({
      url: "/api/data-entry/values",
      body: {
        ...yosomulyoForm(i),
        values: [{ dataElementId: await i.element(), value: "5", revision: null }],
      },
    }),
  },
  "POST /api/data-entry/transition": {
    who: ["operator_fasyankes"],
    scoped: "entity",
    request: (i) => ({ url: "/api/data-entry/transition", body: { ...yosomulyoForm(i), action: "submit" } }),
  },
  "GET /api/data-entry/import/template.xlsx": {
    who: ["operator_fasyankes"],
    request: (i) => ({ url: `/api/data-entry/import/template.xlsx?dataSetId=${i.dataSet}&period=202401` }),
  },
  "POST /api/data-entry/import/preview": {
    who: ["operator_fasyankes"],
    scoped: "list",
    request: (i) => valuesUpload(i, "import/preview"),
    showsMetro: (b) => json(b).includes("Puskesmas Yosomulyo"),
  },
  "POST /api/data-entry/import": { who: ["operator_fasyankes"], request: (i) => valuesUpload(i, "import") },
  "POST /api/dataValueSets": {
    who: ["operator_fasyankes"],
    request: () => ({
      url: "/api/dataValueSets?idScheme=CODE&dataSet=LB-PUSKESMAS",
      body: Buffer.from(
        JSON.stringify({
          dataValues: [{ dataElement: "BUMIL_K4", period: "202405", orgUnit: "18.72.01.P2", value: "3" }],
        }),
      ),
      headers: { "content-type": "application/json" },
    }),
  },
  "GET /api/dataValueSets": {
    who: all,
    scoped: "entity",
    request: () => ({
      url: "/api/dataValueSets?idScheme=CODE&dataSet=LB-PUSKESMAS&orgUnit=18.72.01.P2&period=202401",
    }),
  },
  // Only the owner and the admins of the job's unit see a job; the owner is none of the matrix's users.
  "GET /api/jobs/{id}": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({ url: `/api/jobs/${i.job}` }),
  },
  "GET /api/jobs": { who: "authenticated", request: () => ({ url: "/api/jobs" }) },
  "GET /api/data-entry/completeness": {
    who: all,
    scoped: "list",
    request: (i) => ({ url: `/api/data-entry/completeness?dataSetId=${i.dataSet}&period=202401` }),
    showsMetro: (b) => json(b).includes("Puskesmas Yosomulyo"),
  },
  "GET /api/scorecard/options": { who: all, request: () => ({ url: "/api/scorecard/options" }) },
  "GET /api/scorecard": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/scorecard?parentId=${i.yosomulyo}&columns=c:${i.dataSet}&periods=2024Q1` }),
  },
  "GET /api/scorecard/cell": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/scorecard/cell?orgUnitId=${i.yosomulyo}&column=t:${i.dataSet}&year=2024` }),
  },
  "GET /api/scorecard.xlsx": {
    who: all,
    scoped: "entity",
    request: (i) => ({
      url: `/api/scorecard.xlsx?parentId=${i.yosomulyo}&columns=c:${i.dataSet}&periods=202401`,
    }),
  },
  "GET /api/scorecard.pdf": {
    who: all,
    scoped: "entity",
    request: (i) => ({
      url: `/api/scorecard.pdf?parentId=${i.yosomulyo}&columns=c:${i.dataSet}&periods=2024`,
    }),
  },
  "GET /api/plans/{id}/evaluation": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/plans/${i.rak}/evaluation?quarter=1` }),
  },
  "GET /api/plans/{id}/evaluation.xlsx": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/plans/${i.rak}/evaluation.xlsx?quarter=2` }),
  },
  "GET /api/plans/{id}/evaluation.pdf": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/plans/${i.rak}/evaluation.pdf?quarter=1` }),
  },
  "PUT /api/plans/{id}/indicators/{indicatorId}/quarters/{quarter}": {
    who: ["admin_dinas", "pengelola_program"],
    scoped: "entity",
    request: (i) => ({
      url: `/api/plans/${i.rak}/indicators/${i.programIndicator}/quarters/1`,
      body: { revision: null, faktorPendorong: "Kader aktif" },
    }),
  },
  "PUT /api/plans/{id}/nodes/{nodeId}/budget-realisasi/{quarter}": {
    who: ["admin_dinas", "pengelola_program"],
    scoped: "entity",
    request: (i) => ({
      url: `/api/plans/${i.rak}/nodes/${i.program}/budget-realisasi/1`,
      body: { revision: null, amount: 1000 },
    }),
  },
  "GET /api/spm/populations": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/spm/populations?orgUnitId=${i.yosomulyo}&year=2024` }),
  },
  "PUT /api/spm/populations": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: "/api/spm/populations",
      body: { orgUnitId: i.yosomulyo, year: 2024, values: [{ category: "TB", value: "3" }] },
    }),
  },
  "GET /api/spm/populations/grid": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/spm/populations/grid?orgUnitId=${i.yosomulyo}&year=2024` }),
  },
  "PUT /api/spm/populations/grid": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: "/api/spm/populations/grid",
      body: {
        orgUnitId: i.metro,
        year: 2024,
        cells: [{ orgUnitId: i.yosomulyo, category: "TB", value: "4" }],
      },
    }),
  },
  "GET /api/spm/populations/template.xlsx": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/spm/populations/template.xlsx?orgUnitId=${i.yosomulyo}&year=2024` }),
  },
  "POST /api/spm/populations/import": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: `/api/spm/populations/import?orgUnitId=${i.metro}&year=2024&dryRun=false`,
      body: Buffer.from("Kode Unit;Nama Unit;TB\n18.72.01.P2;Puskesmas Yosomulyo;5\n"),
      headers: { "content-type": "text/csv" },
    }),
  },
  "PUT /api/spm/prevalences": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: "/api/spm/prevalences",
      body: {
        code: "DM",
        orgUnitId: i.yosomulyo,
        year: 2024,
        percent: "2",
        source: "Survei",
        sourceYear: 2023,
      },
    }),
  },
  "GET /api/spm/achievement": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/spm/achievement?orgUnitId=${i.yosomulyo}&year=2024` }),
  },
  "GET /api/spm/report": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/spm/report?orgUnitId=${i.yosomulyo}&year=2024` }),
  },
  "GET /api/spm/report.xlsx": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/spm/report.xlsx?orgUnitId=${i.yosomulyo}&year=2024` }),
  },
  "GET /api/spm/report.pdf": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/spm/report.pdf?orgUnitId=${i.yosomulyo}&year=2024` }),
  },
  "GET /api/spm/quarter-report": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/spm/quarter-report?orgUnitId=${i.yosomulyo}&year=2024&quarter=1` }),
  },
  "GET /api/spm/quarter-report.xlsx": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/spm/quarter-report.xlsx?orgUnitId=${i.yosomulyo}&year=2024&quarter=1` }),
  },
  "GET /api/spm/quarter-report.pdf": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/spm/quarter-report.pdf?orgUnitId=${i.yosomulyo}&year=2024&quarter=1` }),
  },
  "GET /api/spm/budget-links": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/spm/budget-links?orgUnitId=${i.yosomulyo}&year=2024` }),
  },
  "PUT /api/spm/budget-links": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: "/api/spm/budget-links",
      body: { orgUnitId: i.metro, year: 2024, serviceId: i.spmService, planNodeIds: [] },
    }),
  },
  "PUT /api/spm/quarter-report": {
    who: ["admin_dinas", "pengelola_program"],
    scoped: "entity",
    request: (i) => ({
      url: "/api/spm/quarter-report",
      body: {
        orgUnitId: i.yosomulyo,
        year: 2024,
        quarter: 1,
        entries: [
          {
            serviceId: i.spmService,
            steps: Array.from({ length: 4 }, () => ({ status: "belum", note: null })),
            masalah: "Catatan",
            solusi: null,
            rencanaAksi: null,
            mutuPercent: "80",
            revision: null,
          },
        ],
      },
    }),
  },
  "PUT /api/spm/report/notes": {
    who: ["admin_dinas", "pengelola_program"],
    scoped: "entity",
    request: (i) => ({
      url: "/api/spm/report/notes",
      body: {
        orgUnitId: i.yosomulyo,
        year: 2024,
        serviceId: i.spmService,
        masalah: "Catatan",
        pemecahanMasalah: null,
        revision: null,
      },
    }),
  },
  "PUT /api/spm/report/signatory": {
    who: ["admin_dinas", "pengelola_program"],
    scoped: "entity",
    request: (i) => ({
      url: "/api/spm/report/signatory",
      body: {
        orgUnitId: i.yosomulyo,
        year: 2024,
        position: "Kepala Dinas",
        name: "Nama",
        nip: "1",
        place: null,
        date: null,
        revision: null,
      },
    }),
  },
  "GET /api/spm/versions": { who: all, request: () => ({ url: "/api/spm/versions" }) },
  "GET /api/spm/versions/{id}/services": {
    who: all,
    request: (i) => ({ url: `/api/spm/versions/${i.spmVersion}/services` }),
  },
  "GET /api/spm/adoptions": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/spm/adoptions?orgUnitId=${i.yosomulyo}` }),
  },
  "PUT /api/spm/adoptions": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: "/api/spm/adoptions",
      body: { orgUnitId: i.metro, versionId: i.spmVersion, fromYear: 2027, toYear: 2027 },
    }),
  },
  "GET /api/skm/surveys": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/skm/surveys?orgUnitId=${i.yosomulyo}&year=2024` }),
  },
  "POST /api/skm/surveys": {
    who: skmWriters,
    scoped: "entity",
    request: (i) => ({
      url: "/api/skm/surveys",
      body: { orgUnitId: i.yosomulyo, serviceId: i.spmService, period: "2024S2" },
    }),
  },
  "GET /api/skm/surveys/{id}": {
    who: all,
    scoped: "entity",
    request: (i) => ({ url: `/api/skm/surveys/${i.skmSurvey}` }),
  },
  "PUT /api/skm/surveys/{id}/responses": {
    who: skmWriters,
    scoped: "entity",
    request: (i) => ({
      url: `/api/skm/surveys/${i.skmSurvey}/responses`,
      body: { revision: 1, responses: [{ respondentNo: 1, scores: [4, 4, 4, 4, 4, 4, 4, 4, 4] }] },
    }),
  },
  "DELETE /api/skm/surveys/{id}": {
    who: skmWriters,
    scoped: "entity",
    request: async (i) => ({ url: `/api/skm/surveys/${await i.skmThrowaway()}` }),
  },
  "GET /api/skm/template.xlsx": { who: all, request: () => ({ url: "/api/skm/template.xlsx" }) },
  "POST /api/skm/surveys/{id}/import": {
    who: skmWriters,
    scoped: "entity",
    request: (i) => ({
      url: `/api/skm/surveys/${i.skmSurvey}/import?dryRun=false&fileName=skm.csv`,
      body: Buffer.from("No. responden;U1;U2;U3;U4;U5;U6;U7;U8;U9\n1;3;3;3;3;3;3;3;3;3\n"),
      headers: { "content-type": "text/csv" },
    }),
  },
  "GET /api/home": {
    who: "authenticated",
    scoped: "list",
    request: () => ({ url: "/api/home?year=2024" }),
    // Every caller sees the units its roles are held in, and nothing of another kota.
    showsMetro: (b) => json(b).includes("Yosomulyo") || json(b).includes("Kota Metro"),
  },
  "GET /api/setup/status": {
    who: ["admin_dinas"],
    scoped: "list",
    request: () => ({ url: "/api/setup/status" }),
    showsMetro: (b) => json(b).includes("Kota Metro"),
  },
  "GET /api/search": {
    who: "authenticated",
    scoped: "list",
    // Every role inside Metro reaches Puskesmas Yosomulyo (the operator only that); none outside does.
    request: () => ({ url: "/api/search?q=yosomulyo" }),
    showsMetro: (b) => json(b).includes("Puskesmas Yosomulyo"),
  },
  "GET /api/notifications": { who: "authenticated", request: () => ({ url: "/api/notifications" }) },
  "POST /api/notifications/{id}/read": {
    who: "authenticated",
    request: () => ({ url: `/api/notifications/${crypto.randomUUID()}/read` }),
  },
  "POST /api/notifications/read-all": {
    who: "authenticated",
    request: () => ({ url: "/api/notifications/read-all" }),
  },
  "GET /api/deadlines": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/deadlines?orgUnitId=${i.metro}&year=2024` }),
  },
  "PUT /api/deadlines": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: "/api/deadlines",
      body: {
        orgUnitId: i.metro,
        year: 2024,
        daysBefore: 3,
        deadlines: [{ kind: "spm_quarter", period: "2024Q1", dueDate: "2024-04-22" }],
      },
    }),
  },
  "POST /api/reminders/run": {
    who: ["admin_dinas"],
    request: () => ({ url: "/api/reminders/run", body: {} }),
  },
  "GET /api/users": {
    who: ["admin_dinas"],
    scoped: "list",
    request: () => ({ url: "/api/users" }),
    showsMetro: (b) => json(b).includes("target.metro"),
  },
  "POST /api/users": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: "/api/users",
      body: {
        username: `baru.${i.counter()}`,
        fullName: "Baru",
        roles: [{ role: "operator_fasyankes", orgUnitId: i.yosomulyo }],
      },
    }),
  },
  "PATCH /api/users/{id}": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({ url: `/api/users/${i.target}`, body: { fullName: "Target Metro" } }),
  },
  "PUT /api/users/{id}/roles": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: `/api/users/${i.target}/roles`,
      body: { roles: [{ role: "operator_fasyankes", orgUnitId: i.yosomulyo }] },
    }),
  },
  "POST /api/users/{id}/reset-password": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({ url: `/api/users/${i.target}/reset-password` }),
  },
  "GET /api/audit": {
    who: ["admin_dinas", "auditor"],
    scoped: "list",
    request: () => ({ url: "/api/audit?action=auth.login&limit=500" }),
    showsMetro: (b) => json(b).includes("operator.yosomulyo"),
  },
  "GET /api/audit/export.xlsx": {
    who: ["admin_dinas", "auditor"],
    request: () => ({ url: "/api/audit/export.xlsx" }),
  },
  "GET /api/metadata/data-elements": {
    who: readers,
    request: () => ({ url: "/api/metadata/data-elements" }),
  },
  "POST /api/metadata/data-elements": {
    who: ["admin_dinas"],
    request: (i) => ({
      url: "/api/metadata/data-elements",
      body: { code: `MATRIX_${i.counter()}`, name: "Data uji", valueType: "integer" },
    }),
  },
  "PUT /api/metadata/data-elements/{id}": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: async (i) => ({
      url: `/api/metadata/data-elements/${await i.element()}`,
      body: { code: "BUMIL_K4", name: "Jumlah ibu hamil K4", valueType: "integer", revision: 999 },
    }),
  },
  "DELETE /api/metadata/data-elements/{id}": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: async (i) => ({ url: `/api/metadata/data-elements/${await i.element()}` }),
  },
  "GET /api/metadata/data-sets": {
    who: readers,
    scoped: "list",
    request: () => ({ url: "/api/metadata/data-sets" }),
    showsMetro: (b) => json(b).includes("LB-PUSKESMAS"),
  },
  "POST /api/metadata/data-sets": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: async (i) => ({ url: "/api/metadata/data-sets", body: dataSetBody(i, await i.element()) }),
  },
  "GET /api/metadata/data-sets/{id}": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/metadata/data-sets/${i.dataSet}` }),
  },
  "PUT /api/metadata/data-sets/{id}": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: async (i) => ({
      url: `/api/metadata/data-sets/${i.dataSet}`,
      body: { ...dataSetBody(i, await i.element()), revision: 999 },
    }),
  },
  "GET /api/metadata/data-sets/{id}/workbook.xlsx": {
    who: readers,
    scoped: "entity",
    request: (i) => ({ url: `/api/metadata/data-sets/${i.dataSet}/workbook.xlsx` }),
  },
  "POST /api/metadata/data-sets/import": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: async (i) => ({
      url: "/api/metadata/data-sets/import?fileName=formulir.xlsx&dryRun=true",
      body: await metroWorkbook(i),
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    }),
  },
  "POST /api/org-units": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: "/api/org-units",
      body: {
        parentId: i.metro,
        code: `18.72.M${i.counter()}`,
        name: "Kecamatan Matriks",
        type: "kecamatan",
      },
    }),
  },
  "PATCH /api/org-units/{id}": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: async (i) => ({
      url: `/api/org-units/${await i.orgUnitThrowaway()}`,
      body: { name: "Kecamatan Ubah" },
    }),
  },
  "POST /api/org-units/{id}/move": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: async (i) => ({
      url: `/api/org-units/${await i.orgUnitThrowaway()}/move`,
      body: { parentId: i.metro, reason: "uji matriks" },
    }),
  },
  "POST /api/org-units/{id}/close": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: async (i) => ({
      url: `/api/org-units/${await i.orgUnitThrowaway()}/close`,
      body: { closedOn: "2026-01-01", reason: "uji matriks" },
    }),
  },
  "POST /api/org-units/{id}/reopen": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: async (i) => ({
      url: `/api/org-units/${await i.orgUnitThrowaway(true)}/reopen`,
      body: { reason: "uji matriks" },
    }),
  },
  "GET /api/org-units/template.xlsx": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({ url: `/api/org-units/template.xlsx?orgUnitId=${i.metro}` }),
  },
  "POST /api/org-units/import": {
    who: ["admin_dinas"],
    scoped: "entity",
    request: (i) => ({
      url: `/api/org-units/import?orgUnitId=${i.metro}&fileName=unit.csv&dryRun=false`,
      body: Buffer.from(`Kode;Nama;Jenis;Induk\n18.72.I${i.counter()};Kecamatan Impor;Kecamatan;18.72\n`),
      headers: { "content-type": "text/csv" },
    }),
  },
  "GET /api/indicator-definitions": {
    who: readers,
    scoped: "list",
    request: () => ({ url: "/api/indicator-definitions" }),
    showsMetro: (b) => json(b).includes("Jumlah kasus kematian balita"),
  },
  "POST /api/indicator-definitions/check": {
    who: readers,
    scoped: "entity",
    request: (i) => ({
      url: "/api/indicator-definitions/check",
      body: { ...definition(i), orgUnitId: i.metro },
    }),
  },
  "POST /api/indicator-definitions": {
    who: ["admin_dinas", "pengelola_program"],
    scoped: "entity",
    request: (i) => ({ url: "/api/indicator-definitions", body: { ...definition(i), orgUnitId: i.metro } }),
  },
  "PUT /api/indicator-definitions/{id}": {
    who: ["admin_dinas", "pengelola_program"],
    scoped: "entity",
    request: (i) => ({
      url: `/api/indicator-definitions/${i.catalogueIndicator}`,
      body: { ...definition(i), revision: 999, reason: "uji" },
    }),
  },
};

export const insideMetro: Record<Role, string> = {
  admin_dinas: "admin.metro",
  pengelola_program: "program.metro",
  operator_fasyankes: "operator.yosomulyo",
  pimpinan: "kadis.metro",
  auditor: "auditor.metro",
};
export const outsideMetro: Record<Role, string> = {
  admin_dinas: "admin.depok",
  pengelola_program: "program.depok",
  operator_fasyankes: "operator.beji",
  pimpinan: "kadis.depok",
  auditor: "auditor.depok",
};
