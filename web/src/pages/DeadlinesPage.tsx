import { type Language, parsePeriod, periodLabel } from "@domain";
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RegionDeadlinesView } from "../../../src/reminders/schemas";
import { apiGet, apiSend } from "../api";
import { QueryState } from "../components/QueryState";
import { useOrgUnits } from "../queries";

/** /tenggat: a kab/kota's deadlines of a year and how many days ahead people are reminded (admins). */
export function DeadlinesPage() {
  const { t, i18n } = useTranslation();
  const orgUnits = useOrgUnits();
  const regions = (orgUnits.data ?? []).filter((u) => u.type === "kabupaten_kota" && !u.closedOn);
  const [chosen, setChosen] = useState<string | null>(null);
  const orgUnitId = chosen ?? regions[0]?.id;
  const [year, setYear] = useState(new Date().getFullYear());
  const key = ["deadlines", orgUnitId, year];
  const view = useQuery({
    queryKey: key,
    queryFn: () => apiGet<RegionDeadlinesView>(`/deadlines?orgUnitId=${orgUnitId}&year=${year}`),
    enabled: Boolean(orgUnitId),
  });
  const [dates, setDates] = useState<Record<string, string>>({});
  const [daysBefore, setDaysBefore] = useState<number>(3);
  useEffect(() => {
    if (!view.data) return;
    setDates(Object.fromEntries(view.data.deadlines.map((d) => [`${d.kind}/${d.period}`, d.dueDate])));
    setDaysBefore(view.data.daysBefore);
  }, [view.data]);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      apiSend<RegionDeadlinesView>("PUT", "/deadlines", {
        orgUnitId,
        year,
        daysBefore,
        deadlines: (view.data?.deadlines ?? []).map((d) => ({
          kind: d.kind,
          period: d.period,
          dueDate: dates[`${d.kind}/${d.period}`] ?? d.dueDate,
        })),
      }),
    onSuccess: (data) => client.setQueryData(key, data),
  });
  const language = (i18n.language === "en" ? "en" : "id") as Language;

  return (
    <Stack>
      <Title order={2}>{t("reminders.title")}</Title>
      <Text size="sm">{t("reminders.intro")}</Text>
      <QueryState query={orgUnits}>
        {() => (
          <Group align="end">
            <Select
              label={t("reminders.region")}
              w={260}
              data={regions.map((u) => ({ value: u.id, label: u.name }))}
              value={orgUnitId ?? null}
              allowDeselect={false}
              onChange={setChosen}
            />
            <NumberInput
              label={t("reminders.year")}
              w={110}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => typeof v === "number" && v >= 2000 && v <= 2100 && setYear(v)}
            />
            <NumberInput
              label={t("reminders.daysBefore")}
              w={260}
              min={0}
              max={30}
              value={daysBefore}
              onChange={(v) => typeof v === "number" && setDaysBefore(v)}
              data-testid="days-before"
            />
          </Group>
        )}
      </QueryState>
      {orgUnitId && (
        <QueryState query={view}>
          {(data) => (
            <Stack>
              <Table.ScrollContainer minWidth={420}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("reminders.kind")}</Table.Th>
                      <Table.Th>{t("reminders.period")}</Table.Th>
                      <Table.Th>{t("reminders.dueDate")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.deadlines.map((d) => {
                      const id = `${d.kind}/${d.period}`;
                      return (
                        <Table.Tr key={id}>
                          <Table.Td>{t(`reminders.kinds.${d.kind}`)}</Table.Td>
                          <Table.Td>{periodLabel(parsePeriod(d.period), language)}</Table.Td>
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap">
                              <TextInput
                                type="date"
                                size="xs"
                                aria-label={`${t(`reminders.kinds.${d.kind}`)} ${d.period}`}
                                value={dates[id] ?? d.dueDate}
                                onChange={(e) => setDates({ ...dates, [id]: e.currentTarget.value })}
                                data-testid={`due-${id}`}
                              />
                              <Badge variant="light" color={d.isDefault ? "gray" : "teal"}>
                                {d.isDefault ? t("reminders.defaultBadge") : t("reminders.ownBadge")}
                              </Badge>
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {save.isError && <Alert color="red">{save.error.message}</Alert>}
              {save.isSuccess && <Alert color="teal">{t("reminders.saved")}</Alert>}
              <Group>
                <Button onClick={() => save.mutate()} loading={save.isPending}>
                  {t("reminders.save")}
                </Button>
              </Group>
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
