import { Alert, Badge, Button, Group, Paper, Select, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { Plan } from "../../../../src/plans/schemas";
import { ApiError, apiDownload, apiSend } from "../../api";
import { useCan } from "../../session";
import { longDate } from "./dates";
import { SignModal } from "./SignModal";

/** The plan's version and status, its downloads, and the signing / revision steps. */
export function VersionBar({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [paper, setPaper] = useState<"A4" | "F4">("A4");
  const [signing, setSigning] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (what: string, action: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  const download = (format: "xlsx" | "pdf") =>
    run(format, () => apiDownload(`/plans/${plan.id}/export.${format}?paper=${paper}`, `rak.${format}`));
  const sign = async (at: { place: string; date: string }) => {
    await apiSend("POST", `/plans/${plan.id}/sign`, at);
    await queryClient.invalidateQueries({ queryKey: ["plans"] });
  };
  const revise = () =>
    run("revise", async () => {
      const created = await apiSend<{ id: string; version: number }>("POST", `/plans/${plan.id}/revise`, {});
      await queryClient.invalidateQueries({ queryKey: ["plans"] });
      navigate(`/rencana/${created.id}`);
    });

  const signedOn = plan.signedDate && longDate(plan.signedDate, i18n.language);
  return (
    <Paper withBorder p="sm" data-testid="version-bar">
      <Group justify="space-between">
        <Group gap="sm">
          <Text fw={700}>{t("plans.version.number", { version: plan.version })}</Text>
          <Badge color={plan.status === "signed" ? "teal" : "gray"} variant="light" data-testid="plan-status">
            {t(`plans.status.${plan.status}`)}
          </Badge>
          {plan.active ? (
            <Badge color="blue" variant="filled" data-testid="plan-active">
              {t("planVersions.activeBadge")}
            </Badge>
          ) : (
            <Badge
              color="orange"
              variant="outline"
              title={t("planVersions.notActiveHint")}
              data-testid="plan-active"
            >
              {t("planVersions.notActive")}
            </Badge>
          )}
          {plan.status === "signed" && signedOn && (
            <Text size="sm" c="dimmed">
              {t("plans.version.signedAt", { place: plan.signedPlace, date: signedOn })}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <Select
            size="xs"
            w={80}
            aria-label={t("plans.version.paper")}
            value={paper}
            allowDeselect={false}
            onChange={(p) => p && setPaper(p as "A4" | "F4")}
            data={["A4", "F4"]}
          />
          <Button size="xs" variant="default" loading={busy === "xlsx"} onClick={() => download("xlsx")}>
            {t("plans.version.downloadXlsx")}
          </Button>
          <Button size="xs" variant="default" loading={busy === "pdf"} onClick={() => download("pdf")}>
            {t("plans.version.downloadPdf")}
          </Button>
          {plan.status === "draft" && can("plan.sign") && (
            <Button size="xs" onClick={() => setSigning(true)}>
              {t("plans.version.sign")}
            </Button>
          )}
          {plan.status === "signed" && can("plan.write") && (
            <Button size="xs" loading={busy === "revise"} onClick={revise}>
              {t("plans.version.revise")}
            </Button>
          )}
        </Group>
      </Group>
      {plan.status === "signed" && can("plan.write") && (
        <Text size="xs" c="dimmed" mt={4}>
          {t("plans.version.frozen")}
        </Text>
      )}
      {error && (
        <Alert color="red" mt="sm">
          {error}
        </Alert>
      )}
      {signing && <SignModal onClose={() => setSigning(false)} sign={sign} />}
    </Paper>
  );
}
