import type { RakDocument, RakSignatory } from "../../plans/rak-document.js";

/** The title block above the table: centred, bold, in capitals, as in the seed. */
export function titleLines(doc: RakDocument): [string, string, string] {
  return ["RENCANA AKSI KINERJA", doc.orgUnitName.toUpperCase(), `TAHUN ${doc.year}`];
}

export interface SignatoryBlock {
  /** "Metro, 24 November 2026"; absent when the document gives neither place nor date. */
  placeAndDate?: string;
  position: string;
  name: string;
  nip: string;
}

const longDate = new Intl.DateTimeFormat("id-ID", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** The lines of the signature block; the renderers leave the blank signing space between position and name. */
export function signatoryBlock(signatory: RakSignatory): SignatoryBlock {
  const date = signatory.date === undefined ? undefined : indonesianDate(signatory.date);
  const placeAndDate = [signatory.place, date].filter((part) => part !== undefined && part !== "").join(", ");
  return {
    ...(placeAndDate === "" ? {} : { placeAndDate }),
    position: signatory.position.toUpperCase(),
    name: signatory.name,
    nip: `NIP. ${signatory.nip}`,
  };
}

/** "2026-11-24" → "24 November 2026"; text that is not an ISO date is printed as given. */
function indonesianDate(iso: string): string {
  // Read as UTC midnight and format in UTC so the day never shifts with the server's time zone.
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : longDate.format(date);
}
