import { Alert, Badge, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiSend } from "../../api";
import { PopulationTable } from "./PopulationTable";
import type { PopulationGrid } from "./populationsApi";
import { useDrafts } from "./useDrafts";

/** The grid with its save bar: every change of the screen goes in one all-or-nothing save. */
export function PopulationEditor({ grid, canWrite }: { grid: PopulationGrid; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const drafts = useDrafts(grid);
  const [source, setSource] = useState("");
  const [saved, setSaved] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: () =>
      apiSend<{ written: number }>("PUT", "/spm/populations/grid", {
        orgUnitId: grid.unit.id,
        year: grid.year,
        cells: drafts.changed.map((d) => ({
          orgUnitId: d.row.orgUnitId,
          category: d.category,
          value: d.text.trim() || null,
          source: source.trim() || null,
          // The revision seen when editing began, so a save over someone else's is refused, not lost.
          revision: d.row.cells[d.category]?.revision ?? null,
        })),
      }),
    onSuccess: async (result) => {
      // Refetched first, so the inputs never flash the old figures between clearing and reloading.
      await queryClient.invalidateQueries({ queryKey: ["population-grid"] });
      drafts.clear();
      setSaved(result.written);
    },
  });
  const pending = drafts.changed.length + drafts.invalid.length;

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {canWrite ? t("populations.grid.hint") : t("populations.grid.readOnly")}
      </Text>
      <PopulationTable grid={grid} drafts={drafts} readOnly={!canWrite} />
      {canWrite && (
        <Stack gap="xs" className="pop-savebar">
          <Group align="end">
            <Badge
              variant="light"
              color={drafts.changed.length ? "yellow" : "gray"}
              data-testid="changed-count"
            >
              {t("populations.save.changes", { count: drafts.changed.length })}
            </Badge>
            {drafts.invalid.length > 0 && (
              <Badge variant="light" color="red">
                {t("populations.save.invalid", { count: drafts.invalid.length })}
              </Badge>
            )}
            <TextInput
              size="xs"
              w={260}
              label={t("populations.save.source")}
              placeholder={t("populations.save.sourcePlaceholder")}
              maxLength={200}
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
            />
            <Button
              size="xs"
              onClick={() => {
                setSaved(null);
                save.mutate();
              }}
              loading={save.isPending}
              disabled={drafts.changed.length === 0 || drafts.invalid.length > 0}
            >
              {t("populations.save.save")}
            </Button>
            <Button size="xs" variant="subtle" color="gray" disabled={pending === 0} onClick={drafts.clear}>
              {t("populations.save.discard")}
            </Button>
          </Group>
          {save.isError && (
            <Alert color="red" title={t("populations.save.refused")} data-testid="save-error">
              {save.error.message}
            </Alert>
          )}
          {saved !== null && !save.isError && (
            <Text size="sm" c="teal.8" data-testid="save-done">
              {t("populations.save.saved", { count: saved })}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
