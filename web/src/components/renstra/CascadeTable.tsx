import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { RenstraCascade } from "../../../../src/plans/renstra-schemas";
import { formatTarget } from "../../format";
import { WideScroll } from "../WideScroll";
import {
  type CascadeRow,
  DEPARTURE_COLOR,
  DEPARTURE_SYMBOL,
  type Departure,
  formatRealisasi,
  headingsBefore,
} from "./cascade";

type Realisasi = CascadeRow["baseline"];

interface Props {
  renstra: RenstraCascade;
  /** Given when the user may enter realisasi: a pencil opens the entry for that indicator and year. */
  onEdit?: (row: CascadeRow, year: number, current: Realisasi) => void;
}

function RealisasiLine({ value }: { value: Realisasi }) {
  const { t } = useTranslation();
  if (value.value === null) {
    return (
      <Text span size="xs" c="dimmed" fs="italic">
        {t("renstra.notYet")}
      </Text>
    );
  }
  return (
    <Tooltip label={value.source ? t(`renstra.source.${value.source}`) : ""} withArrow>
      <Text span size="xs" fw={600} data-source={value.source}>
        {formatRealisasi(value.value)}
        {value.source === "data" ? " ◆" : ""}
      </Text>
    </Tooltip>
  );
}

export function DepartureBadge({ departure }: { departure: Departure }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="xs"
      variant={departure === "same" ? "light" : "filled"}
      color={DEPARTURE_COLOR[departure]}
      title={t(`renstra.departure.${departure}`)}
      data-departure={departure}
    >
      {DEPARTURE_SYMBOL[departure]} <VisuallyHidden>{t(`renstra.departure.${departure}`)}</VisuallyHidden>
    </Badge>
  );
}

export function CascadeTable({ renstra, onEdit }: Props) {
  const { t } = useTranslation();
  const columns = renstra.years.length + 4;
  // A year-end realisasi exists only once the year has begun.
  const thisYear = new Date().getFullYear();
  const editButton = (row: CascadeRow, year: number, value: Realisasi) =>
    onEdit &&
    year <= thisYear && (
      <ActionIcon
        size="xs"
        variant="subtle"
        aria-label={t("renstra.edit", { year })}
        onClick={() => onEdit(row, year, value)}
      >
        ✎
      </ActionIcon>
    );
  return (
    <WideScroll label={t("renstra.cascadeTitle")} testId="renstra-cascade">
      <Table withTableBorder withColumnBorders striped={false} fz="xs" miw={920}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th className="sticky-col" miw={220}>
              {t("renstra.indicator")}
            </Table.Th>
            <Table.Th>{t("renstra.unit")}</Table.Th>
            <Table.Th>{t("renstra.baseline", { year: renstra.startYear - 1 })}</Table.Th>
            {renstra.years.map((y) => (
              <Table.Th key={y} ta="center" miw={110}>
                {y}
              </Table.Th>
            ))}
            <Table.Th>{t("renstra.end")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {renstra.rows.map((row, index) => (
            <Fragment key={row.planIndicatorId}>
              {headingsBefore(renstra.rows, index).map((h) => (
                <Table.Tr key={`${h.level}-${h.name}`} bg="var(--mantine-color-gray-light)">
                  <Table.Td colSpan={columns} fw={h.level === "program" ? 500 : 700}>
                    <Text span size="xs" c="dimmed">
                      {t(`renstra.level.${h.level}`)}:{" "}
                    </Text>
                    {h.name}
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr data-testid={`renstra-row-${row.name}`}>
                <Table.Td className="sticky-col">{row.name}</Table.Td>
                <Table.Td>{row.unit}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <RealisasiLine value={row.baseline} />
                    {editButton(row, renstra.startYear - 1, row.baseline)}
                  </Group>
                </Table.Td>
                {row.years.map((y) => (
                  <Table.Td key={y.year} data-year={y.year}>
                    <Stack gap={2}>
                      <Text span size="xs">
                        <Text span size="xs" c="dimmed">
                          {t("renstra.renstraTarget")}:{" "}
                        </Text>
                        {y.renstra}
                      </Text>
                      {y.yearly.map((l) => (
                        <Group key={l.planIndicatorId} gap={4} wrap="nowrap">
                          <Text span size="xs">
                            <Text span size="xs" c="dimmed">
                              {l.kind.toUpperCase()}:{" "}
                            </Text>
                            {formatTarget(l.target)}
                          </Text>
                          <DepartureBadge departure={l.departure} />
                        </Group>
                      ))}
                      <Group gap={4} wrap="nowrap">
                        <Text span size="xs" c="dimmed">
                          {t("renstra.realisasi")}:
                        </Text>
                        <RealisasiLine value={y.realisasi} />
                        {editButton(row, y.year, y.realisasi)}
                      </Group>
                    </Stack>
                  </Table.Td>
                ))}
                <Table.Td fw={600}>
                  {row.end ?? (
                    <Text span size="xs" c="red">
                      {t("renstra.endMissing")}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </WideScroll>
  );
}
