import type { setupId } from "./setup-id";

export const setupEn: typeof setupId = {
  title: "Setting up {{office}}",
  intro:
    "Five steps to get your office working. Take them in order; each step opens the screen where it is done.",
  allDone: "{{office}} is set up: every step is done.",
  progress: "{{done}} of {{total}} steps done",
  doneBadge: "Done",
  todoBadge: "To do",
  open: "Start",
  review: "View",
  steps: {
    orgUnits: {
      title: "Org units",
      text: "Create the kecamatan, puskesmas, clinics and hospitals of your area, one by one or from Excel.",
      count: "{{count}} facilities",
    },
    users: {
      title: "Users",
      text: "Create accounts for puskesmas operators, programme officers, the head of office and auditors.",
      count: "{{count}} users besides admins",
    },
    dataSets: {
      title: "Data forms",
      text: "Define data elements, build the monthly report form with its validation rules, and assign the facilities that report it.",
      count: "{{count}} forms in use",
    },
    plan: {
      title: "Action plan (RAK)",
      text: "Start this year's plan from scratch, copy last year's, or import it from Excel.",
      count: "{{count}} plan documents",
    },
    spm: {
      title: "Health SPM",
      text: "Choose the SPM version that applies to your region for each year.",
      count: "{{count}} years adopted",
    },
  },
};
