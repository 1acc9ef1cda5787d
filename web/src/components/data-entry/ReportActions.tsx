import { availableActions, needsReason } from "@domain";
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../../session";
import { cachePut } from "../offline/cache";
import {
  type Form,
  type FormKey,
  formPath,
  formQueryKey,
  postTransition,
  type ReportAction,
} from "./entryApi";

const COLORS: Partial<Record<ReportAction, string>> = { return: "red", reopen: "orange" };

/** The workflow steps this user can take now; the rule is the domain's, the permissions the session's. */
export const allowedActions = (status: Form["report"]["status"], can: ReturnType<typeof useCan>) =>
  availableActions(status, can);

interface Props {
  form: Form;
  formKey: FormKey;
  /** Why the report cannot be submitted yet (unsaved values, errors, warnings without a comment). */
  submitBlockedBy: string | null;
}

/** Every step asks first: submit, verify and approve lock data; return and reopen need a reason. */
export function ReportActions({ form, formKey, submitBlockedBy }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<ReportAction | null>(null);
  const [reason, setReason] = useState("");
  const [nihil, setNihil] = useState(false);
  const close = () => {
    setAsking(null);
    setReason("");
    setNihil(false);
  };
  const transition = useMutation({
    mutationFn: (body: { action: ReportAction; reason?: string; nihilReason?: string }) =>
      postTransition(formKey, body),
    onSuccess: (next) => {
      queryClient.setQueryData(formQueryKey(formKey), next);
      cachePut(formPath(formKey), next);
      void queryClient.invalidateQueries({ queryKey: ["data-entry-completeness"] });
      close();
    },
  });
  const allowed = allowedActions(form.report.status, can);
  const empty = form.values.length === 0;
  const withReason = asking !== null && (needsReason(asking) || (asking === "submit" && nihil));
  const confirmDisabled = (withReason && !reason.trim()) || (asking === "submit" && empty && !nihil);

  const confirm = () => {
    if (!asking) return;
    if (asking === "submit")
      transition.mutate(nihil ? { action: asking, nihilReason: reason.trim() } : { action: asking });
    else
      transition.mutate(needsReason(asking) ? { action: asking, reason: reason.trim() } : { action: asking });
  };

  return (
    <Stack gap="xs">
      <Group gap="xs">
        {allowed.map((action) => (
          <Button
            key={action}
            color={COLORS[action]}
            variant={COLORS[action] ? "light" : "filled"}
            disabled={action === "submit" && submitBlockedBy !== null}
            onClick={() => {
              transition.reset();
              setAsking(action);
            }}
          >
            {t(`dataEntry.action.${action}`)}
          </Button>
        ))}
      </Group>
      {submitBlockedBy && allowed.includes("submit") && (
        <Text size="sm" c="dimmed" data-testid="submit-blocked">
          {submitBlockedBy}
        </Text>
      )}
      <Modal opened={asking !== null} onClose={close} title={asking ? t(`dataEntry.action.${asking}`) : ""}>
        <Stack>
          {asking && (
            <Text size="sm" data-testid="confirm-text">
              {t(`dataEntry.confirm.${asking}`, { unit: form.orgUnit.name, period: form.period.label })}
            </Text>
          )}
          {asking === "submit" && empty && (
            <>
              <Alert color="orange" data-testid="empty-report">
                {t("dataEntry.nihil.empty")}
              </Alert>
              <Checkbox
                label={t("dataEntry.nihil.label")}
                checked={nihil}
                onChange={(e) => setNihil(e.currentTarget.checked)}
              />
            </>
          )}
          {withReason && (
            <Textarea
              label={asking === "submit" ? t("dataEntry.nihil.reason") : t("dataEntry.reason")}
              description={
                asking === "submit" ? t("dataEntry.nihil.help") : t(`dataEntry.reasonHelp.${asking}`)
              }
              autosize
              minRows={3}
              maxLength={1000}
              required
              data-autofocus
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
          {transition.isError && (
            <Alert color="red" data-testid="action-error">
              {transition.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("dataEntry.cancel")}
            </Button>
            <Button
              color={asking ? COLORS[asking] : undefined}
              disabled={confirmDisabled}
              loading={transition.isPending}
              onClick={confirm}
              data-testid="confirm-action"
            >
              {asking ? t(`dataEntry.action.${asking}`) : ""}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
