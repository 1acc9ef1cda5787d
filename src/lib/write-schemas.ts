import { z } from "zod";

/** The revision an edit started from: a write over a newer revision is refused, never merged silently. */
export const revisionSchema = z.number().int().min(1).describe("the revision the edit started from");

/** Why a change was made; it goes into the audit trail with the change. */
export const reasonSchema = z.string().trim().max(500).optional().describe("alasan perubahan");
