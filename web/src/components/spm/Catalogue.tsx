import { ActionIcon, Code, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SpmService, SpmVersion } from "../../../../src/spm/schemas";
import { formatTarget } from "../../format";
import "./spm.css";
import "../wide-table.css";
import { WideScroll } from "../WideScroll";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** Rumus Perhitungan Kinerja as the regulation draws it: the numerator over the denominator, × 100 %. */
function Formula({ service }: { service: SpmService }) {
  const { t } = useTranslation();
  if (!service.numeratorText || !service.denominatorText) return <Text size="sm">–</Text>;
  return (
    <div className="spm-formula" data-testid="formula">
      <div className="spm-fraction">
        <span>{service.numeratorText}</span>
        <VisuallyHidden> {t("spm.catalogue.over")} </VisuallyHidden>
        <span className="spm-denominator">{service.denominatorText}</span>
      </div>
      <span>× 100%</span>
    </div>
  );
}

/** Lampiran II for one service: what counts as served to standard, and how capaian is computed. */
function Details({ service }: { service: SpmService }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" p="xs" maw={1000}>
      <Section title={t("spm.catalogue.definition")}>
        <Text size="sm" className="spm-prose">
          {service.definition ?? "–"}
        </Text>
      </Section>
      <Section title={t("spm.catalogue.operationalDefinition")}>
        <Text size="sm" className="spm-prose">
          {service.operationalDefinition ?? "–"}
        </Text>
      </Section>
      <Section title={t("spm.catalogue.formula")}>
        <Formula service={service} />
        {service.formulaNote && (
          <Text size="sm" className="spm-prose">
            {service.formulaNote}
          </Text>
        )}
        {service.periodType === "school_year" && (
          <Text size="sm" c="dimmed">
            {t("spm.catalogue.schoolYear")}
          </Text>
        )}
      </Section>
      {(service.numerator || service.denominator) && (
        <Section title={t("spm.catalogue.expression")}>
          <Text size="xs" c="dimmed">
            {t("spm.catalogue.expressionHelp")}
          </Text>
          <Code block>{`${service.numerator ?? "–"}\n/ ${service.denominator ?? "–"}`}</Code>
        </Section>
      )}
    </Stack>
  );
}

/** Lampiran I of the version: its services with statement, indicator and yearly targets; Lampiran II on demand. */
export function Catalogue({ version, services }: { version: SpmVersion; services: SpmService[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const years = [...new Set(services.flatMap((s) => s.targets.map((x) => x.year)))].sort((a, b) => a - b);
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const adopters = [...new Set(version.adoptions.map((a) => a.orgUnitName))].join(", ");
  const adoptedYears = [...new Set(version.adoptions.map((a) => a.year))].join(", ");

  return (
    <Stack>
      <Text size="sm">
        {t("spm.regulation")}: <b>{version.regulation}</b> — {version.name}.{" "}
        {adopters && `${t("spm.adoptedBy")}: ${adopters} (${adoptedYears}).`}
      </Text>
      {version.sourceNote && (
        <Text size="xs" c="dimmed" data-testid="catalogue-source">
          {t("spm.catalogue.source")}: {version.sourceNote}
        </Text>
      )}
      <WideScroll label={t("spm.title")}>
        <Table withTableBorder withColumnBorders className="spm-table spm-doc" data-testid="catalogue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" rowSpan={2}>
                <VisuallyHidden>{t("spm.catalogue.details")}</VisuallyHidden>
              </Table.Th>
              <Table.Th scope="col" rowSpan={2}>
                {t("spm.number")}
              </Table.Th>
              <Table.Th scope="col" rowSpan={2}>
                {t("spm.service")}
              </Table.Th>
              <Table.Th scope="col" rowSpan={2}>
                {t("spm.statement")}
              </Table.Th>
              <Table.Th scope="col" rowSpan={2}>
                {t("spm.indicator")}
              </Table.Th>
              <Table.Th scope="colgroup" colSpan={years.length} ta="center">
                {t("spm.target")}
              </Table.Th>
            </Table.Tr>
            <Table.Tr>
              {years.map((y) => (
                <Table.Th key={y} scope="col" ta="right">
                  {y}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {services.map((s) => {
              const expanded = open.has(s.id);
              const detailsId = `spm-details-${s.id}`;
              return (
                <Fragment key={s.id}>
                  <Table.Tr data-service={s.number}>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-expanded={expanded}
                        aria-controls={detailsId}
                        aria-label={t(expanded ? "spm.catalogue.hide" : "spm.catalogue.show", {
                          name: s.name,
                        })}
                        onClick={() => toggle(s.id)}
                      >
                        {expanded ? "▾" : "▸"}
                      </ActionIcon>
                    </Table.Td>
                    <Table.Td>{s.number}</Table.Td>
                    <Table.Th scope="row" fw={500}>
                      {s.name}
                    </Table.Th>
                    <Table.Td>{s.standardStatement}</Table.Td>
                    <Table.Td>{s.indicatorName}</Table.Td>
                    {years.map((y) => {
                      const target = s.targets.find((x) => x.year === y)?.target;
                      return (
                        <Table.Td key={y} ta="right">
                          {target ? formatTarget(target) : "–"}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr id={detailsId}>
                      <Table.Td colSpan={5 + years.length} bg="gray.0">
                        <Details service={s} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </WideScroll>
    </Stack>
  );
}
