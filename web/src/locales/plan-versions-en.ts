import type { planVersionsId } from "./plan-versions-id";

/** English texts for plan versions; same shape as the Indonesian ones. */
export const planVersionsEn: typeof planVersionsId = {
  active: "active",
  activeBadge: "Active version",
  notActive: "Not the active version",
  notActiveHint:
    "The version in force for the year is the latest signed one, or the latest draft when none is signed.",
  labelActive: "{{label}} — active",
  firstVersion: "There is no plan for this unit and year yet: this file will be saved as version 1.",
  question:
    "This unit and year already have a plan, version {{version}} ({{status}}). Save this file as a new version ({{next}})? Check what changes:",
  unchangedTitle: "No changes",
  unchanged: "This file is the same as version {{version}}. Nothing is saved; no new version is made.",
  carryHint:
    "Directly entered realisasi, faktor pendorong / penghambat, tindak lanjut and budget realisasi of the same rows move to the new version.",
  saveNew: "Save as a new version ({{version}})",
  changesTitle: "Changes from version {{version}} ({{count}})",
  where: "Where",
  what: "Change",
  from: "Was",
  to: "Becomes",
  kinds: {
    documentChanged: "Document",
    nodeAdded: "Part added",
    nodeRemoved: "Part removed",
    nodeRenamed: "Part renamed",
    budgetChanged: "Budget changed",
    indicatorAdded: "Indicator added",
    indicatorRemoved: "Indicator removed",
    indicatorRenamed: "Indicator renamed",
    targetChanged: "Target changed",
  },
  fields: {
    title: "Title",
    signatoryPosition: "Signatory's position",
    signatoryName: "Signatory's name",
    signatoryNip: "Signatory's NIP",
    unit: "Unit",
    polarity: "Direction",
    target: "Annual target",
    q1: "Q1 target",
    q2: "Q2 target",
    q3: "Q3 target",
    q4: "Q4 target",
  },
  levels: { sasaran: "Sasaran", program: "Program", kegiatan: "Kegiatan", sub_kegiatan: "Sub kegiatan" },
  renamedWhat: "Indicator name",
};
