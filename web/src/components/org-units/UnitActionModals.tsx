import { parentProblem, wouldCycle } from "@domain/org-unit-tree";
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type OrgUnit, type UnitChange, useUnitChange } from "./orgUnitsApi";

interface Props {
  unit: OrgUnit;
  onClose: () => void;
  onSaved: (unit: OrgUnit) => void;
}

function Footer({
  pending,
  disabled,
  onCancel,
  onSave,
}: {
  pending: boolean;
  disabled: boolean;
  onCancel: () => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t("orgTree.form.cancel")}
      </Button>
      <Button onClick={onSave} loading={pending} disabled={disabled} data-testid="unit-action-save">
        {t("orgTree.form.save")}
      </Button>
    </Group>
  );
}

function useAction(onSaved: (unit: OrgUnit) => void) {
  const change = useUnitChange();
  return {
    change,
    run: (c: UnitChange) => change.mutateAsync(c).then(onSaved, () => undefined),
  };
}

/** A new parent among the open units the tree rules allow, never the unit itself or below it. */
export function MoveModal({ unit, units, onClose, onSaved }: Props & { units: OrgUnit[] }) {
  const { t } = useTranslation();
  const { change, run } = useAction(onSaved);
  const targets = units.filter(
    (p) =>
      !p.closedOn &&
      p.id !== unit.parentId &&
      !wouldCycle(unit.path, p.path) &&
      !parentProblem(unit.type, p.type),
  );
  const [parentId, setParentId] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  return (
    <Modal opened onClose={onClose} title={t("orgTree.move.title", { name: unit.name })} size="lg">
      <Stack>
        <Text size="sm">{t("orgTree.move.explain")}</Text>
        {targets.length === 0 ? (
          <Text c="dimmed">{t("orgTree.move.noTarget")}</Text>
        ) : (
          <Select
            label={t("orgTree.move.parent")}
            searchable
            data={targets.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
            value={parentId}
            onChange={setParentId}
            data-testid="move-parent"
          />
        )}
        <TextInput
          label={t("orgTree.form.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="action-reason"
        />
        {change.error && <Alert color="red">{change.error.message}</Alert>}
        <Footer
          pending={change.isPending}
          disabled={!parentId || reason.trim().length < 3}
          onCancel={onClose}
          onSave={() =>
            parentId && run({ kind: "move", id: unit.id, body: { parentId, reason: reason.trim() } })
          }
        />
      </Stack>
    </Modal>
  );
}

/** Close with a date and a reason, or reopen with a reason. */
export function CloseModal({ unit, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { change, run } = useAction(onSaved);
  const reopening = !!unit.closedOn;
  const [closedOn, setClosedOn] = useState(new Date().toISOString().slice(0, 10));
  const [reason, setReason] = useState("");
  const title = reopening
    ? t("orgTree.close.reopenTitle", { name: unit.name })
    : t("orgTree.close.title", { name: unit.name });
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        {!reopening && (
          <>
            <Text size="sm">{t("orgTree.close.explain")}</Text>
            <TextInput
              type="date"
              label={t("orgTree.close.date")}
              value={closedOn}
              onChange={(e) => setClosedOn(e.currentTarget.value)}
              data-testid="close-date"
            />
          </>
        )}
        <TextInput
          label={t("orgTree.form.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="action-reason"
        />
        {change.error && <Alert color="red">{change.error.message}</Alert>}
        <Footer
          pending={change.isPending}
          disabled={reason.trim().length < 3 || (!reopening && !closedOn)}
          onCancel={onClose}
          onSave={() =>
            run(
              reopening
                ? { kind: "reopen", id: unit.id, body: { reason: reason.trim() } }
                : { kind: "close", id: unit.id, body: { closedOn, reason: reason.trim() } },
            )
          }
        />
      </Stack>
    </Modal>
  );
}
