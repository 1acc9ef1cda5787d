import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RenstraCascade } from "../../../../src/plans/renstra-schemas";
import { formatRupiah } from "../../format";
import { WideScroll } from "../WideScroll";

/** The programs with their pagu indikatif per year and in total, whole Rupiah. */
export function ProgramBudgets({ renstra }: { renstra: RenstraCascade }) {
  const { t } = useTranslation();
  return (
    <WideScroll label={t("renstra.programsTitle")}>
      <Table withTableBorder withColumnBorders fz="xs" miw={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th className="sticky-col" miw={220}>
              {t("renstra.program")}
            </Table.Th>
            {renstra.years.map((y) => (
              <Table.Th key={y} ta="right">
                {y}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t("renstra.total")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {renstra.programs.map((p) => (
            <Table.Tr key={p.nodeId}>
              <Table.Td className="sticky-col">{p.code ? `${p.code} ${p.name}` : p.name}</Table.Td>
              {p.budgets.map((b) => (
                <Table.Td key={b.year} ta="right" style={{ whiteSpace: "nowrap" }}>
                  {b.amount === null ? "-" : formatRupiah(b.amount)}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={600} style={{ whiteSpace: "nowrap" }}>
                {p.total === null ? "-" : formatRupiah(p.total)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </WideScroll>
  );
}
