/** One SPM regulation as the catalogue ships it: the version, its services and any yearly targets it sets. */
export interface CatalogueService {
  number: number;
  name: string;
  standardStatement: string;
  indicator: string;
  /** The formula as expressions over data elements (numerator) and target populations (denominator); × 100%. */
  numerator: string;
  denominator: string;
  periodType: "year" | "school_year";
  targets: Record<number, string>;
  /** The regulation's own words where found; null where the text was not found (never written from memory). */
  definition: string | null;
  operationalDefinition: string | null;
  numeratorText: string | null;
  denominatorText: string | null;
  formulaNote: string | null;
}

export interface CatalogueRegulation {
  code: string;
  name: string;
  regulation: string;
  issuedDate: string | null;
  /** Where the texts come from, and what could not be found. */
  sourceNote: string;
  services: CatalogueService[];
}
