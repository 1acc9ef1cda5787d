import { Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Home } from "../../../../src/home/schemas";
import { formatNumberId } from "../../format";
import { Figure, ItemLink, Section } from "./Section";

/** The auditor's question on arrival: how much was recorded lately, and the way into the trail. */
export function AuditSection({ audit }: { audit: NonNullable<Home["audit"]> }) {
  const { t } = useTranslation();
  return (
    <Section title={t("home.audit.title")} testId="home-audit">
      <Group gap="xl">
        <Figure label={t("home.audit.lastWeek")} value={formatNumberId(String(audit.lastWeek))} to="/audit" />
        <Figure
          label={t("home.audit.lastMonth")}
          value={formatNumberId(String(audit.lastMonth))}
          to="/audit"
        />
      </Group>
      <ItemLink to="/audit">{t("home.audit.open")}</ItemLink>
    </Section>
  );
}
