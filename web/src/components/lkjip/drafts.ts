import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Lkjip } from "../../../../src/lkjip/schemas";
import { apiSend } from "../../api";

export type Section = Lkjip["texts"][number]["section"];
interface Draft {
  body: string;
  source: string | null;
}
const keyOf = (section: Section, subject: string | null) => `${section}/${subject ?? ""}`;

/**
 * The texts being written on the LKjIP screen: what was typed over what is stored, saved in one request
 * per card with the revisions they started from (a stale one is refused by the server, never merged).
 */
export function useLkjipDrafts(lkjip: Lkjip) {
  const client = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const stored = (section: Section, subject: string | null) =>
    lkjip.texts.find((t) => t.section === section && t.subject === subject);
  const value = (section: Section, subject: string | null = null): Draft => {
    const own = drafts[keyOf(section, subject)];
    if (own) return own;
    const text = stored(section, subject);
    return { body: text?.body ?? "", source: text?.source ?? null };
  };
  const set = (section: Section, subject: string | null, draft: Partial<Draft>) =>
    setDrafts((all) => ({ ...all, [keyOf(section, subject)]: { ...value(section, subject), ...draft } }));
  const save = useMutation({
    mutationFn: ({ keys, reason }: { keys: [Section, string | null][]; reason: string }) => {
      const changed = keys.filter(([section, subject]) => drafts[keyOf(section, subject)] !== undefined);
      return apiSend<{ saved: number }>("PUT", `/renstra/${lkjip.renstra.id}/lkjip/texts`, {
        year: lkjip.year,
        reason: reason.trim() || undefined,
        texts: changed.map(([section, subject]) => ({
          section,
          subject,
          body: value(section, subject).body,
          source: value(section, subject).source,
          revision: stored(section, subject)?.revision ?? null,
        })),
      });
    },
    onSuccess: async (_saved, { keys }) => {
      setDrafts((all) => {
        const rest = { ...all };
        for (const [section, subject] of keys) delete rest[keyOf(section, subject)];
        return rest;
      });
      await client.invalidateQueries({ queryKey: ["lkjip", lkjip.renstra.id, lkjip.year] });
    },
  });
  const dirty = (keys: [Section, string | null][]) =>
    keys.some(([section, subject]) => drafts[keyOf(section, subject)] !== undefined);
  return { value, set, save, dirty };
}

export type LkjipDrafts = ReturnType<typeof useLkjipDrafts>;
