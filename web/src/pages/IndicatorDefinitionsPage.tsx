import { Badge, Button, Group, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { DefinitionForm } from "../components/indicators/DefinitionForm";
import { type DefinitionRow, useDefinitions } from "../components/indicators/definitionsApi";
import { QueryState } from "../components/QueryState";
import { WideScroll } from "../components/WideScroll";
import { useOrgUnits } from "../queries";
import { useCan } from "../session";

const formula = (d: DefinitionRow) =>
  d.numerator === null
    ? "—"
    : d.kind === "ratio"
      ? `${d.numerator} / ${d.denominator} × ${(d.factor ?? 100).toLocaleString("id-ID")}`
      : d.numerator;

/** /indikator: catalogue indicators and the formulas over data elements that compute them. */
export function IndicatorDefinitionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  // ?id= (the search's link) shows the whole catalogue with that definition marked and in view.
  const linked = params.get("id");
  const [onlyFed, setOnlyFed] = useState(!linked);
  const [editing, setEditing] = useState<DefinitionRow | "new" | null>(null);
  const list = useDefinitions(onlyFed);
  const orgUnits = useOrgUnits();
  const kota = orgUnits.data?.find((u) => u.type === "kabupaten_kota");
  const mayDefine = can("indicator.define") && Boolean(kota);
  const loaded = list.isSuccess;
  useEffect(() => {
    if (linked && loaded)
      document.getElementById(`definition-${linked}`)?.scrollIntoView({ block: "center" });
  }, [linked, loaded]);

  return (
    <Stack>
      <Title order={2}>{t("indicators.title")}</Title>
      <Text size="sm">{t("indicators.intro")}</Text>
      <Group justify="space-between">
        <Switch
          label={t("indicators.onlyFed")}
          checked={onlyFed}
          onChange={(e) => setOnlyFed(e.currentTarget.checked)}
        />
        {mayDefine && <Button onClick={() => setEditing("new")}>{t("indicators.add")}</Button>}
      </Group>
      <QueryState query={list}>
        {(data) =>
          data.definitions.length === 0 ? (
            <Text c="dimmed">{t("indicators.empty")}</Text>
          ) : (
            <WideScroll label={t("indicators.title")}>
              <Table striped highlightOnHover miw={760}>
                <Table.Thead>
                  <Table.Tr>
                    {(["code", "name", "kind", "unit", "formula", "usedBy"] as const).map((c) => (
                      <Table.Th key={c}>{t(`indicators.columns.${c}`)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.definitions.map((d) => (
                    <Table.Tr
                      key={d.id}
                      id={`definition-${d.id}`}
                      bg={d.id === linked ? "teal.0" : undefined}
                      data-linked={d.id === linked || undefined}
                      style={{ cursor: mayDefine ? "pointer" : undefined }}
                      onClick={() => mayDefine && setEditing(d)}
                    >
                      <Table.Td ff="monospace">{d.code ?? "—"}</Table.Td>
                      <Table.Td>{d.name}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{t(`indicators.kinds.${d.kind}`)}</Badge>
                      </Table.Td>
                      <Table.Td>{d.unit}</Table.Td>
                      <Table.Td ff="monospace" fz="xs" style={{ wordBreak: "break-word" }}>
                        {formula(d)}
                      </Table.Td>
                      <Table.Td fz="xs">
                        {t("indicators.usedBy", { count: d.usedBy, signed: d.usedBySigned })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </WideScroll>
          )
        }
      </QueryState>
      {editing && list.data && kota && (
        <DefinitionForm
          existing={editing === "new" ? null : editing}
          list={list.data}
          orgUnitId={kota.id}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
