import { Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SpmServiceAchievement, SpmUnitAchievement } from "../../../../src/spm/achievement-schemas";
import { bandFill, bandOf, count, type Figures, percent } from "./figures";
import "./spm.css";
import "../wide-table.css";
import { WideScroll } from "../WideScroll";

interface Props {
  units: SpmUnitAchievement[];
  /** The region's services: their names head the columns and their targets colour the cells. */
  services: SpmServiceAchievement[];
  caption: string;
  /** Numbers the rows (the ranking); the order is the server's. */
  ranked?: boolean;
  testId: string;
}

/** One unit's capaian for one service: coloured by band; numerator/denominator on hover. */
function CapaianCell({ figures, target }: { figures: Figures; target: string | null }) {
  const { t } = useTranslation();
  const unknown = t("spm.figures.noData");
  if (figures.capaian === null) {
    const why = figures.reason === "denominator_zero" ? t("spm.figures.denominatorZero") : unknown;
    return (
      <Table.Td className="spm-heat spm-heat-none">
        {why}
        {figures.missing.length > 0 && (
          <VisuallyHidden>{t("spm.figures.missing", { list: figures.missing.join(", ") })}</VisuallyHidden>
        )}
      </Table.Td>
    );
  }
  // The fill only repeats the band: its name is in the tooltip and read out after the number.
  const band = bandOf(figures.capaian, target);
  const bandName = t(`spm.bands.${band}`);
  return (
    <Table.Td className="spm-heat" style={{ background: bandFill[band] }}>
      <Tooltip
        label={`${bandName}: ${count(figures.numerator, unknown)} / ${count(figures.denominator, unknown)}`}
      >
        <span>
          {percent(figures.capaian)}
          <VisuallyHidden> ({bandName})</VisuallyHidden>
        </span>
      </Tooltip>
    </Table.Td>
  );
}

/**
 * Units down the side, the 12 services across, capaian in each cell: where in the kota each service
 * falls short. The unit name stays at the left edge while the table scrolls sideways on a small screen.
 */
export function UnitTable({ units, services, caption, ranked = false, testId }: Props) {
  const { t } = useTranslation();
  return (
    <WideScroll label={caption}>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={4}
        horizontalSpacing="xs"
        className="spm-table"
        data-testid={testId}
      >
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {ranked && <Table.Th scope="col">{t("spm.units.rank")}</Table.Th>}
            <Table.Th scope="col" className="sticky-col">
              {t("spm.units.unit")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("spm.units.mean")}
            </Table.Th>
            {services.map((s) => (
              <Table.Th key={s.serviceId} scope="col" ta="right" className="spm-heat-head">
                <Tooltip label={s.name}>
                  <span>
                    {s.number}
                    <VisuallyHidden>. {s.name}</VisuallyHidden>
                  </span>
                </Tooltip>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((unit, index) => {
            const computed = unit.services.filter((s) => s.capaian !== null).length;
            return (
              <Table.Tr key={unit.orgUnitId} data-unit={unit.name}>
                {ranked && <Table.Td>{index + 1}</Table.Td>}
                <Table.Th scope="row" className="sticky-col spm-unit" fw={500}>
                  {unit.name}
                </Table.Th>
                <Table.Td ta="right" data-testid="mean">
                  {unit.meanCapaian === null ? (
                    <Text size="xs" c="dimmed">
                      {t("spm.figures.noData")}
                    </Text>
                  ) : (
                    <>
                      <Text size="sm" fw={600}>
                        {percent(unit.meanCapaian)}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                        {t("spm.units.computed", { n: computed, total: services.length })}
                      </Text>
                    </>
                  )}
                </Table.Td>
                {services.map((s) => {
                  const figures = unit.services.find((f) => f.number === s.number);
                  return figures ? (
                    <CapaianCell key={s.serviceId} figures={figures} target={s.target} />
                  ) : (
                    <Table.Td key={s.serviceId} className="spm-heat spm-heat-none">
                      {t("spm.figures.noData")}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </WideScroll>
  );
}
