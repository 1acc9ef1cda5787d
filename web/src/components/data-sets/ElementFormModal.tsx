import { isElementCode } from "@domain";
import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiSend } from "../../api";
import type { DataElementRow } from "./api";

interface Props {
  /** The element to edit, or null to create one. */
  element: DataElementRow | null;
  onClose: () => void;
}

/** Creates or edits one data element; the code is checked as formulas will read it. */
export function ElementFormModal({ element, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(element?.code ?? "");
  const [name, setName] = useState(element?.name ?? "");
  const [valueType, setValueType] = useState<"integer" | "number">(element?.valueType ?? "integer");
  const [description, setDescription] = useState(element?.description ?? "");
  const save = useMutation({
    mutationFn: () => {
      const body = { code, name, valueType, description: description || null };
      return element
        ? apiSend("PUT", `/metadata/data-elements/${element.id}`, { ...body, revision: element.revision })
        : apiSend("POST", "/metadata/data-elements", body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["metadata"] });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const codeError = code && !isElementCode(code) ? t("dataSets.catalog.codeHelp") : null;
  return (
    <Modal opened onClose={onClose} title={element ? element.code : t("dataSets.catalog.add")}>
      <Stack component="form" onSubmit={submit}>
        <TextInput
          label={t("dataSets.catalog.code")}
          description={t("dataSets.catalog.codeHelp")}
          required
          value={code}
          error={codeError}
          onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
          ff="monospace"
        />
        <TextInput
          label={t("dataSets.catalog.name")}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Select
          label={t("dataSets.catalog.valueType")}
          allowDeselect={false}
          value={valueType}
          data={[
            { value: "integer", label: t("dataSets.catalog.integer") },
            { value: "number", label: t("dataSets.catalog.number") },
          ]}
          onChange={(v) => setValueType((v ?? "integer") as "integer" | "number")}
        />
        <Textarea
          label={t("dataSets.catalog.description")}
          value={description}
          autosize
          minRows={2}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        {save.error && <Alert color="red">{save.error.message}</Alert>}
        <Group justify="end">
          <Button type="submit" loading={save.isPending} disabled={Boolean(codeError)}>
            {t("dataSets.catalog.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
