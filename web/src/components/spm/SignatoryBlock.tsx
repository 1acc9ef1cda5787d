import { Alert, Box, Button, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SpmReport } from "../../../../src/spm/report-types";
import { ApiError } from "../../api";
import { longDate } from "../plan/dates";
import type { Signatory } from "./useSpmReport";

const fields = ["place", "date", "position", "name", "nip"] as const;

interface Props {
  signatory: SpmReport["signatory"];
  /** Absent for readers without spm.write: the block is shown, not editable. */
  onSave?: (signatory: Signatory) => Promise<void>;
}

/** Place and date, position, name and NIP of the Kepala Dinas, laid out where the printed report has them. */
export function SignatoryBlock({ signatory, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Signatory | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft || !onSave) return;
    setBusy(true);
    setError(null);
    try {
      await onSave(draft);
      setDraft(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t("spm.report.saveFailed"));
    } finally {
      setBusy(false);
    }
  };

  if (draft)
    return (
      <Box component="form" onSubmit={submit} mt="lg" data-testid="signatory-form">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {fields.map((field) => (
            <TextInput
              key={field}
              label={t(`spm.signatory.${field}`)}
              type={field === "date" ? "date" : "text"}
              required={field !== "place" && field !== "date"}
              value={draft[field]}
              onChange={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
            />
          ))}
        </SimpleGrid>
        {error && (
          <Alert color="red" mt="xs" role="alert">
            {error}
          </Alert>
        )}
        <Group mt="sm" gap="xs">
          <Button type="submit" size="xs" loading={busy}>
            {t("spm.signatory.save")}
          </Button>
          <Button size="xs" variant="default" onClick={() => setDraft(null)} disabled={busy}>
            {t("spm.signatory.cancel")}
          </Button>
        </Group>
      </Box>
    );

  const { place, date } = signatory;
  return (
    <Group justify="flex-end" align="end" mt="lg" data-testid="signatory">
      {onSave && (
        <Button
          size="xs"
          variant="default"
          onClick={() => setDraft({ ...signatory, place: place ?? "", date: date ?? "" })}
        >
          {t("spm.signatory.edit")}
        </Button>
      )}
      <Stack gap={0} ta="center" miw={280}>
        <Text size="sm">
          {[place, date && longDate(date, i18n.language)].filter(Boolean).join(", ") ||
            t("spm.signatory.noDate")}
        </Text>
        <Text size="sm">{signatory.position}</Text>
        <Box h={56} />
        <Text size="sm" fw={700} td="underline">
          {signatory.name || t("spm.signatory.noName")}
        </Text>
        {signatory.nip && <Text size="sm">NIP. {signatory.nip}</Text>}
      </Stack>
    </Group>
  );
}
