import { PaperDownloads } from "../PaperDownloads";

/** The annual SPM report as the Dinas files it: xlsx to keep working on, pdf (A4 or F4 folio) to sign. */
export function ReportDownloads({ orgUnitId, year }: { orgUnitId: string; year: number }) {
  return (
    <PaperDownloads
      labels="spm.download"
      url={(format, paper) =>
        `/spm/report.${format}?${new URLSearchParams({ orgUnitId, year: String(year), paper })}`
      }
      fileName={(format) => `laporan-spm-${year}.${format}`}
    />
  );
}
