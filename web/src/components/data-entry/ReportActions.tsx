import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../../session";
import { type Form, type FormKey, formQueryKey, postTransition, type ReportAction } from "./entryApi";

/** Who may take which action from which status, mirroring src/domain/workflow.ts. */
const ACTIONS: Array<{
  action: ReportAction;
  from: Form["report"]["status"][];
  permission: Parameters<ReturnType<typeof useCan>>[0];
  color?: string;
}> = [
  { action: "submit", from: ["draft", "returned"], permission: "data.enter" },
  { action: "verify", from: ["submitted"], permission: "data.verify" },
  { action: "return", from: ["submitted", "verified"], permission: "data.verify", color: "red" },
  { action: "approve", from: ["verified"], permission: "data.approve" },
  { action: "reopen", from: ["approved"], permission: "data.approve", color: "orange" },
];
export const allowedActions = (status: Form["report"]["status"], can: ReturnType<typeof useCan>) =>
  ACTIONS.filter((a) => a.from.includes(status) && can(a.permission));

const NEEDS_REASON: ReadonlySet<ReportAction> = new Set(["return", "reopen"]);

interface Props {
  form: Form;
  formKey: FormKey;
  /** Why the report cannot be submitted yet (unsaved values, errors, warnings without a comment). */
  submitBlockedBy: string | null;
}

export function ReportActions({ form, formKey, submitBlockedBy }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<ReportAction | null>(null);
  const [reason, setReason] = useState("");
  const transition = useMutation({
    mutationFn: ({ action, reason }: { action: ReportAction; reason?: string }) =>
      postTransition(formKey, action, reason),
    onSuccess: (next) => {
      queryClient.setQueryData(formQueryKey(formKey), next);
      void queryClient.invalidateQueries({ queryKey: ["data-entry-completeness"] });
      setAsking(null);
      setReason("");
    },
  });
  const allowed = allowedActions(form.report.status, can);

  const run = (action: ReportAction) => {
    transition.reset();
    if (NEEDS_REASON.has(action)) setAsking(action);
    else transition.mutate({ action });
  };

  return (
    <Stack gap="xs">
      <Group gap="xs">
        {allowed.map(({ action, color }) => (
          <Button
            key={action}
            color={color}
            variant={color ? "light" : "filled"}
            loading={transition.isPending && transition.variables?.action === action}
            disabled={action === "submit" && submitBlockedBy !== null}
            onClick={() => run(action)}
          >
            {t(`dataEntry.action.${action}`)}
          </Button>
        ))}
      </Group>
      {submitBlockedBy && allowed.some((a) => a.action === "submit") && (
        <Text size="sm" c="dimmed" data-testid="submit-blocked">
          {submitBlockedBy}
        </Text>
      )}
      {transition.isError && !asking && (
        <Alert color="red" data-testid="action-error">
          {transition.error.message}
        </Alert>
      )}
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t(`dataEntry.action.${asking}`) : ""}
      >
        <Stack>
          <Textarea
            label={t("dataEntry.reason")}
            description={t(`dataEntry.reasonHelp.${asking ?? "return"}`)}
            autosize
            minRows={3}
            maxLength={1000}
            required
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {transition.isError && <Alert color="red">{transition.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t("dataEntry.cancel")}
            </Button>
            <Button
              color="red"
              disabled={!reason.trim()}
              loading={transition.isPending}
              onClick={() => asking && transition.mutate({ action: asking, reason: reason.trim() })}
            >
              {asking ? t(`dataEntry.action.${asking}`) : ""}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
