import { PaperDownloads } from "../PaperDownloads";
import type { Quarter } from "./useEvaluation";

/** The evaluation as the document the Dinas files: xlsx to keep editing, pdf to sign; A4 or F4 (folio). */
export function DownloadButtons({ planId, quarter }: { planId: string; quarter: Quarter }) {
  return (
    <PaperDownloads
      labels="evaluation.download"
      url={(format, paper) =>
        `/plans/${planId}/evaluation.${format}?${new URLSearchParams({ quarter: String(quarter), paper })}`
      }
      fileName={(format) => `evaluasi-rak-tw${quarter}.${format}`}
    />
  );
}
