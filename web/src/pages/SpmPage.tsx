import { Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryState } from "../components/QueryState";
import { formatTarget } from "../format";
import { useSpmServices, useSpmVersions } from "../queries";

export function SpmPage() {
  const { t } = useTranslation();
  const versions = useSpmVersions();
  const version = versions.data?.[0];
  const services = useSpmServices(version?.id);
  const years = [...new Set(services.data?.flatMap((s) => s.targets.map((x) => x.year)) ?? [])].sort();
  return (
    <Stack>
      <Title order={2}>{t("spm.title")}</Title>
      <QueryState query={versions}>
        {() =>
          version && (
            <Text>
              {t("spm.regulation")}: <b>{version.regulation}</b> — {version.name}. {t("spm.adoptedBy")}:{" "}
              {[...new Set(version.adoptions.map((a) => a.orgUnitName))].join(", ")} (
              {version.adoptions.map((a) => a.year).join(", ")})
            </Text>
          )
        }
      </QueryState>
      {version && (
        <QueryState query={services}>
          {(rows) => (
            <Table withTableBorder withColumnBorders striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("spm.number")}</Table.Th>
                  <Table.Th>{t("spm.service")}</Table.Th>
                  <Table.Th>{t("spm.statement")}</Table.Th>
                  <Table.Th>{t("spm.indicator")}</Table.Th>
                  {years.map((y) => (
                    <Table.Th key={y} ta="right">
                      {y}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{s.number}</Table.Td>
                    <Table.Td>{s.name}</Table.Td>
                    <Table.Td>{s.standardStatement}</Table.Td>
                    <Table.Td>{s.indicatorName}</Table.Td>
                    {years.map((y) => {
                      const target = s.targets.find((x) => x.year === y)?.target;
                      return (
                        <Table.Td key={y} ta="right">
                          {target ? `${formatTarget(target)}%` : "-"}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
