import { Badge, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryState } from "../components/QueryState";
import { useOrgUnits } from "../queries";

export function OrgUnitsPage() {
  const { t } = useTranslation();
  const query = useOrgUnits();
  return (
    <Stack>
      <Title order={2}>{t("orgUnits.title")}</Title>
      <QueryState query={query}>
        {(units) => (
          <>
            <Text c="dimmed" size="sm">
              {t("orgUnits.count", { count: units.length })}
            </Text>
            <Table striped highlightOnHover stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("orgUnits.name")}</Table.Th>
                  <Table.Th>{t("orgUnits.code")}</Table.Th>
                  <Table.Th>{t("orgUnits.type")}</Table.Th>
                  <Table.Th>{t("orgUnits.owner")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {units.map((unit) => (
                  <Table.Tr key={unit.id}>
                    <Table.Td style={{ paddingLeft: 12 + unit.level * 20 }}>
                      {unit.officeName ? (
                        <>
                          <Text span fw={600}>
                            {unit.officeName}
                          </Text>{" "}
                          <Text span c="dimmed" size="sm">
                            ({unit.name})
                          </Text>
                        </>
                      ) : (
                        unit.name
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {unit.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`orgUnits.types.${unit.type}`)}</Table.Td>
                    <Table.Td>
                      {unit.ownerType ? t(`orgUnits.owners.${unit.ownerType}`) : ""}{" "}
                      {unit.isBlud && (
                        <Badge size="xs" variant="light">
                          {t("orgUnits.blud")}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
