import { Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useDataSets } from "../components/data-sets/api";
import { WorkbookUpload } from "../components/data-sets/WorkbookUpload";
import { QueryState } from "../components/QueryState";
import { useCan } from "../session";

const number = new Intl.NumberFormat("id-ID");

/** The data sets (formulir) of the admin's Dinas, with a way to create one or upload it from Excel. */
export function DataSetsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const sets = useDataSets();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("dataSets.list.title")}</Title>
        {can("metadata.manage") && (
          <Group gap="xs">
            <WorkbookUpload />
            <Button component={Link} to="/formulir-data/baru">
              {t("dataSets.list.add")}
            </Button>
          </Group>
        )}
      </Group>
      <QueryState query={sets}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{t("dataSets.list.empty")}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("dataSets.list.code")}</Table.Th>
                    <Table.Th>{t("dataSets.list.name")}</Table.Th>
                    <Table.Th>{t("dataSets.list.period")}</Table.Th>
                    <Table.Th ta="right">{t("dataSets.list.elements")}</Table.Th>
                    <Table.Th ta="right">{t("dataSets.list.units")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <Link to={`/formulir-data/${s.id}`}>{s.code}</Link>
                      </Table.Td>
                      <Table.Td>{s.name}</Table.Td>
                      <Table.Td>{t(`dataSets.period.${s.periodType}`)}</Table.Td>
                      <Table.Td ta="right">{number.format(s.elements)}</Table.Td>
                      <Table.Td ta="right">{number.format(s.orgUnits)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
