import { Button, Checkbox, Group, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useOrgUnits } from "../../queries";
import { QueryState } from "../QueryState";

const FACILITIES = new Set([
  "puskesmas",
  "pustu",
  "rsud",
  "rs_swasta",
  "klinik",
  "bidan_praktik_mandiri",
  "laboratorium",
]);
// Kelurahan and posyandu report through their puskesmas: they are left out of the tree.
const HIDDEN = new Set(["kelurahan", "posyandu"]);

interface Props {
  value: string[];
  onChange: (next: string[]) => void;
  readOnly: boolean;
}

/** The org-unit tree of the admin's scope with a checkbox per facility; all puskesmas in one click. */
export function AssignmentTree({ value, onChange, readOnly }: Props) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const chosen = new Set(value);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t("dataSets.assign.title")}</Title>
        <Text size="sm" c="dimmed" data-testid="assigned-count">
          {t("dataSets.assign.chosen", { count: value.length })}
        </Text>
      </Group>
      <QueryState query={units}>
        {(rows) => {
          const shown = rows.filter((u) => !HIDDEN.has(u.type));
          const top = Math.min(...shown.map((u) => u.level));
          const puskesmas = shown.filter((u) => u.type === "puskesmas").map((u) => u.id);
          return (
            <>
              {!readOnly && (
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onChange([...new Set([...value, ...puskesmas])])}
                  >
                    {t("dataSets.assign.allPuskesmas")}
                  </Button>
                  <Button size="xs" variant="subtle" onClick={() => onChange([])}>
                    {t("dataSets.assign.none")}
                  </Button>
                </Group>
              )}
              <ScrollArea.Autosize mah={360} type="auto">
                <Stack gap={4} p={4}>
                  {shown.map((u) => (
                    <div key={u.id} style={{ paddingLeft: (u.level - top) * 16 }}>
                      {FACILITIES.has(u.type) ? (
                        <Checkbox
                          label={u.name}
                          checked={chosen.has(u.id)}
                          disabled={readOnly}
                          onChange={(e) =>
                            onChange(
                              e.currentTarget.checked ? [...value, u.id] : value.filter((id) => id !== u.id),
                            )
                          }
                        />
                      ) : (
                        <Text size="sm" fw={600}>
                          {u.name}
                        </Text>
                      )}
                    </div>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
