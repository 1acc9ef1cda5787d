import {
  childTypesOf,
  defaultOwner,
  isArea,
  parentProblem,
  UNIT_OWNERS,
  UNIT_TYPES,
  type UnitOwner,
  type UnitType,
} from "@domain/org-unit-tree";
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type OrgUnit, useUnitChange } from "./orgUnitsApi";

interface Props {
  /** Adding a child under `parent`, or editing `unit` (whose parent is `parent`, null at the top). */
  mode: "create" | "edit";
  parent: OrgUnit | null;
  unit?: OrgUnit;
  onClose: () => void;
  onSaved: (unit: OrgUnit) => void;
}

/** Add a unit under a parent, or edit one: the types offered are those the tree rules allow there. */
export function UnitFormModal({ mode, parent, unit, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const change = useUnitChange();
  const types =
    mode === "create" && parent
      ? childTypesOf(parent.type)
      : UNIT_TYPES.filter((type) => type === unit?.type || !parentProblem(type, parent?.type ?? null));
  const [type, setType] = useState<UnitType | undefined>(unit?.type ?? types[0]);
  const [code, setCode] = useState(unit?.code ?? (parent ? `${parent.code}.` : ""));
  const [name, setName] = useState(unit?.name ?? "");
  const [officeName, setOfficeName] = useState(unit?.officeName ?? "");
  const [owner, setOwner] = useState<UnitOwner | null>(
    unit ? unit.ownerType : type ? defaultOwner(type) : null,
  );
  const [isBlud, setBlud] = useState(unit?.isBlud ?? false);
  const [kemenkesCode, setKemenkes] = useState(unit?.kemenkesCode ?? "");
  const [reason, setReason] = useState("");
  const title =
    mode === "create"
      ? t("orgTree.form.addTitle", { parent: parent?.name })
      : t("orgTree.form.editTitle", { name: unit?.name });

  const save = () => {
    if (!type) return;
    const body = {
      code: code.trim(),
      name: name.trim(),
      officeName: officeName.trim() || null,
      type,
      ownerType: owner,
      isBlud,
      kemenkesCode: kemenkesCode.trim() || null,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    const request =
      mode === "create"
        ? change.mutateAsync({ kind: "create", body: { ...body, parentId: parent?.id } })
        : change.mutateAsync({ kind: "edit", id: unit?.id ?? "", body });
    request.then(onSaved, () => undefined);
  };

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      {types.length === 0 ? (
        <Text>{t("orgTree.form.noChildTypes")}</Text>
      ) : (
        <Stack>
          <Select
            label={t("orgTree.form.type")}
            data={types.map((v) => ({ value: v, label: t(`orgUnits.types.${v}`) }))}
            value={type ?? null}
            allowDeselect={false}
            onChange={(v) => {
              const next = v as UnitType;
              setType(next);
              if (mode === "create") setOwner(defaultOwner(next));
            }}
            data-testid="unit-type"
          />
          <Group grow align="start" wrap="wrap">
            <TextInput
              label={t("orgTree.form.code")}
              description={t("orgTree.form.codeHint")}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              required
              miw={160}
              data-testid="unit-code"
            />
            <TextInput
              label={t("orgTree.form.kemenkesCode")}
              value={kemenkesCode}
              onChange={(e) => setKemenkes(e.currentTarget.value)}
              miw={160}
            />
          </Group>
          <TextInput
            label={t("orgTree.form.name")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-testid="unit-name"
          />
          {type === "kabupaten_kota" && (
            <TextInput
              label={t("orgTree.form.officeName")}
              value={officeName}
              onChange={(e) => setOfficeName(e.currentTarget.value)}
            />
          )}
          {type && !isArea(type) && (
            <Group align="end" wrap="wrap">
              <Select
                label={t("orgTree.form.owner")}
                data={UNIT_OWNERS.map((o) => ({ value: o, label: t(`orgUnits.owners.${o}`) }))}
                value={owner}
                onChange={(v) => setOwner(v as UnitOwner | null)}
                w={220}
                data-testid="unit-owner"
              />
              <Checkbox
                label={t("orgTree.form.blud")}
                checked={isBlud}
                onChange={(e) => setBlud(e.currentTarget.checked)}
                mb={8}
              />
            </Group>
          )}
          <TextInput
            label={t("orgTree.form.reason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {change.error && (
            <Alert color="red" data-testid="unit-form-error">
              {change.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("orgTree.form.cancel")}
            </Button>
            <Button onClick={save} loading={change.isPending} disabled={!name.trim() || !code.trim()}>
              {t("orgTree.form.save")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
