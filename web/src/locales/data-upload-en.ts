import type { DataUploadMessages } from "./data-upload-id";

export const dataUploadEn: DataUploadMessages = {
  nav: "Upload data",
  title: "Upload data from Excel",
  back: "Back to data entry",
  explain:
    "Download the template for the chosen form and month, fill in the values in Excel, then upload it. Empty cells are skipped; existing values are not removed.",
  dataSet: "Form",
  noDataSets: "No forms for your area.",
  template: "Download template",
  drop: "Choose or drop a file here",
  formats: "Excel (.xlsx) or CSV",
  preview: "Preview",
  refused: "Upload refused",
  table: {
    row: "Row",
    unit: "Unit",
    period: "Period",
    changes: "Changes",
    problems: "Problems",
    unchanged: "Unchanged",
  },
  newValue: "(new)",
  noChanges: "No changes",
  unknownUnit: "(unknown)",
  summary: {
    rows: "{{count}} rows",
    values: "{{count}} values to save",
    errors: "{{count}} rows with errors",
  },
  hasErrors: "Fix the rows with errors and upload again; nothing is saved while there are errors.",
  nothingToSave: "No new or changed values.",
  shownOf: "Showing {{shown}} of {{total}} rows: those with errors first, then those that change.",
  save: "Save",
  saved: "{{forms}} forms, {{values}} values saved",
  openForm: "Open the form",
};
