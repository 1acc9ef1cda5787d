import { Alert, Anchor, Collapse, List, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { Plan } from "../../../../src/plans/schemas";
import { signedDifference } from "./GapBadge";

const scrollTo = (id: string) =>
  document.getElementById(id)?.scrollIntoView({ behavior: "smooth", block: "center" });

/** Everything the plan's figures disagree on, at the top, each linking to its row. */
export function WarningSummary({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const gaps = plan.nodes.flatMap((n) => n.indicators).filter((i) => i.reconciliation.status === "gap");
  const names = new Map(plan.nodes.map((n) => [n.id, n.name]));
  if (gaps.length === 0 && plan.budgetFindings.length === 0) return null;
  return (
    <Alert color="orange" variant="light" data-testid="warning-summary" p="sm">
      <Text size="sm">
        {t("plans.warnings.summary", { gaps: gaps.length, budgets: plan.budgetFindings.length })}{" "}
        <Anchor component="button" size="sm" onClick={toggle}>
          {opened ? t("plans.warnings.hide") : t("plans.warnings.show")}
        </Anchor>
      </Text>
      <Collapse expanded={opened}>
        <List size="sm" mt="xs" spacing={2}>
          {gaps.map((i) => (
            <List.Item key={i.id}>
              <Anchor component="button" size="sm" onClick={() => scrollTo(`row-${i.id}`)}>
                {i.name}
              </Anchor>
              {": "}
              {t("plans.warnings.gap", { difference: signedDifference(i.reconciliation.difference ?? "0") })}
            </List.Item>
          ))}
          {plan.budgetFindings.map((f) => (
            <List.Item key={`${f.code}-${f.nodeId}`}>
              <Anchor component="button" size="sm" onClick={() => scrollTo(`node-${f.nodeId}`)}>
                {names.get(f.nodeId)}
              </Anchor>
              {": "}
              {i18n.language === "en" ? f.messageEn : f.message}
            </List.Item>
          ))}
        </List>
      </Collapse>
    </Alert>
  );
}
