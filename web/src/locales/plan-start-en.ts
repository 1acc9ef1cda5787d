import type { planStartId } from "./plan-start-id";

/** English texts for starting a plan and adopting an SPM version; same shape as the Indonesian ones. */
export const planStartEn: typeof planStartId = {
  year: "Year",
  yearNoPlan: "{{year}} — no plan yet",
  start: "New plan",
  startYear: "Start the {{year}} plan",
  noPlanForYear: "There is no plan for {{year}} yet.",
  noPlanHint:
    "Start an empty RAK and fill in its sasaran, programs, kegiatan and indicators, or copy another year's plan as a starting point.",
  modal: {
    title: "Start a new plan",
    orgUnit: "Org unit",
    content: "Content",
    empty: "Empty",
    copy: "Copy another year",
    copyFrom: "Copy from year",
    copyHint:
      "Structure, indicators, targets and budgets are copied as a starting point. Realisasi, budget realisasi and the analysis (faktor pendorong, penghambat, tindak lanjut) are not; the new plan is unsigned.",
    noSource: "This unit has no plan of another year to copy.",
    exists: "{{office}} already has a plan for {{year}}. Open it and start a revision to change it.",
    open: "Open the {{year}} plan",
    reason: "Note (optional)",
    create: "Create",
    cancel: "Cancel",
  },
  emptyPlan:
    "This plan is still empty. Start by adding a sasaran, then its programs, kegiatan and indicators from each row's ⋮ menu.",
  spm: {
    applies: "In force for {{region}} in {{year}}: {{name}} ({{regulation}}).",
    none: "{{region}} has not adopted an SPM version for {{year}}.",
    noneHint: "SPM achievement and the report are computed under the adopted version.",
    noneReader: "Ask the Dinas admin to adopt one.",
    adopt: "Adopt an SPM version",
    change: "Change version",
    modal: {
      title: "Adopt an SPM version — {{region}}",
      version: "SPM version (regulation)",
      fromYear: "From year",
      toYear: "To year",
      service: "Service",
      regulationTarget: "Regulation's target",
      ownTarget: "Target for years the regulation leaves open (%)",
      notSet: "not set",
      targetsHint:
        "The SPM target is 100% by regulation. For years this regulation (Lampiran I) sets no target for, 100% applies unless changed here.",
      badTarget: "Write a percentage above 0 and at most 100.",
      replaceWarning:
        "{{years}} already follow another version and their SPM report holds entries. Those stay stored (and in the audit trail) but will not show under the new version.",
      replaceConfirm: "I understand, replace the version",
      reason: "Reason (optional)",
      save: "Adopt",
      cancel: "Cancel",
    },
  },
};
