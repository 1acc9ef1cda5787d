import { Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { LkjipDrafts, Section } from "./drafts";
import { SaveBar } from "./SaveBar";

const CHAPTERS = ["ikhtisar", "pendahuluan", "perencanaan", "penutup"] as const;
const KEYS: [Section, null][] = CHAPTERS.map((c) => [c, null]);

/** Ikhtisar Eksekutif, Bab I, II and IV as the Dinas writes them; the tables are computed. */
export function ChaptersCard({ drafts, editable }: { drafts: LkjipDrafts; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t("lkjip.chapters")}
        </Title>
        <Text size="xs" c="dimmed">
          {t("lkjip.chapterHint")}
        </Text>
        {CHAPTERS.map((c) => (
          <Textarea
            key={c}
            label={t(`lkjip.chapter.${c}`)}
            autosize
            minRows={2}
            maxRows={12}
            readOnly={!editable}
            value={drafts.value(c).body}
            onChange={(e) => drafts.set(c, null, { body: e.currentTarget.value })}
            data-testid={`lkjip-${c}`}
          />
        ))}
        {editable && <SaveBar drafts={drafts} keys={KEYS} testId="lkjip-save-chapters" />}
      </Stack>
    </Paper>
  );
}
