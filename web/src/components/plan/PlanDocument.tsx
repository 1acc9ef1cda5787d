import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Plan } from "../../../../src/plans/schemas";
import { useCan } from "../../session";
import { RakTable } from "../RakTable";
import { longDate } from "./dates";
import { useRenstraLinks } from "./RenstraLink";
import { useRowActions } from "./RowMenu";
import { usePlanEditor } from "./usePlanEditor";
import { VersionBar } from "./VersionBar";
import { WarningSummary } from "./WarningSummary";
import "../wide-table.css";
import { WideScroll } from "../WideScroll";

/** The RAK as the printed document, editable in place for writers while it is a draft. */
export function PlanDocument({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [reason, setReason] = useState("");
  const editor = usePlanEditor(plan, reason);
  const actions = useRowActions(plan, editor);
  const renstraLinks = useRenstraLinks(plan);
  const editable = plan.status === "draft" && can("plan.write");
  const lostEdit = Object.values(editor.cells).find((c) => c.state === "error");

  return (
    <Stack>
      <VersionBar plan={plan} />
      <WarningSummary plan={plan} />
      {editable && (
        <Group justify="space-between" align="end">
          <Text size="sm" c="dimmed" maw={640}>
            {t("plans.edit.hint")}
          </Text>
          <Group align="end" maw="100%">
            <TextInput
              size="xs"
              w={280}
              maw="100%"
              label={t("plans.edit.reason")}
              placeholder={t("plans.edit.reasonPlaceholder")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button size="xs" variant="light" onClick={actions.addTopLevel}>
              {t("plans.edit.addSasaran")}
            </Button>
          </Group>
        </Group>
      )}
      {!editable && lostEdit && (
        // A save refused because the plan was signed meanwhile: the table is read-only now, say why here.
        <Alert color="red">{lostEdit.message}</Alert>
      )}
      {actions.error && (
        <Alert color="red" withCloseButton onClose={actions.clearError}>
          {actions.error}
        </Alert>
      )}
      {editable && plan.nodes.length === 0 && (
        <Alert color="blue" data-testid="empty-plan">
          {t("planStart.emptyPlan")}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap={0} align="center" mb="md">
          <Title order={3} ta="center" tt="uppercase">
            {t(`plans.kinds.${plan.kind}`)}
          </Title>
          <Title order={3} ta="center" tt="uppercase">
            {plan.officeName ?? plan.orgUnitName}
          </Title>
          <Title order={3} ta="center" tt="uppercase">
            {plan.year}
          </Title>
        </Stack>
        {/* A wide plan scrolls inside its own box, never the whole page (phones). */}
        <WideScroll label={t("plans.kinds.rak")}>
          <RakTable
            plan={plan}
            editor={editable ? editor : undefined}
            actions={editable ? actions : undefined}
            indicatorNote={renstraLinks.cell}
          />
        </WideScroll>
        {plan.signatoryName && (
          <Stack gap={2} align="end" mt="xl" data-testid="signatory">
            {plan.status === "signed" && plan.signedPlace && (
              <Text>
                {plan.signedPlace}, {plan.signedDate && longDate(plan.signedDate, i18n.language)}
              </Text>
            )}
            <Text tt="uppercase" fw={600}>
              {plan.signatoryPosition}
            </Text>
            <Text fw={700} mt={48} td="underline">
              {plan.signatoryName}
            </Text>
            <Text>
              {t("plans.nip")}. {plan.signatoryNip}
            </Text>
          </Stack>
        )}
      </Paper>
      {actions.dialogs}
      {renstraLinks.dialog}
    </Stack>
  );
}
