import { checkRules, type ValidationRule } from "@domain";
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface Props {
  value: ValidationRule[];
  onChange: (next: ValidationRule[]) => void;
  /** Codes of the form's elements: a rule may name only these. */
  codes: string[];
  readOnly: boolean;
}

const OPERATORS: ValidationRule["operator"][] = ["<=", "<", ">=", ">", "==", "!="];

export const blankRule = (n: number): ValidationRule => ({
  code: `ATURAN_${n}`,
  left: "",
  operator: "<=",
  right: "",
  severity: "error",
  message: { id: "", en: "" },
});

/** Rules as left expression, operator, right expression and a message in both languages, checked as typed. */
export function RulesEditor({ value, onChange, codes, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const problems = checkRules(value, new Set(codes));
  const problem = (index: number, field: string) => {
    const found = problems.filter((p) => p.rule === index && p.field === field);
    return found.length
      ? found.map((p) => (i18n.language === "en" ? p.message.en : p.message.id)).join(" ")
      : null;
  };
  const set = (index: number, patch: Partial<ValidationRule>) =>
    onChange(value.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs">
      <Title order={4}>{t("dataSets.rules.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("dataSets.rules.help")}
      </Text>
      {value.length === 0 && <Text c="dimmed">{t("dataSets.rules.none")}</Text>}
      {value.map((rule, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id until saved; their code is being typed
        <Paper key={index} withBorder p="sm" data-testid="rule">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs">
            <TextInput
              label={t("dataSets.rules.code")}
              value={rule.code}
              readOnly={readOnly}
              error={problem(index, "code")}
              onChange={(e) => set(index, { code: e.currentTarget.value })}
            />
            <TextInput
              label={t("dataSets.rules.left")}
              value={rule.left}
              readOnly={readOnly}
              error={rule.left ? problem(index, "left") : null}
              onChange={(e) => set(index, { left: e.currentTarget.value })}
              styles={{ input: { fontFamily: "monospace" } }}
            />
            <Select
              label={t("dataSets.rules.operator")}
              value={rule.operator}
              readOnly={readOnly}
              data={OPERATORS}
              allowDeselect={false}
              onChange={(op) => set(index, { operator: (op ?? "<=") as ValidationRule["operator"] })}
            />
            <TextInput
              label={t("dataSets.rules.right")}
              value={rule.right}
              readOnly={readOnly}
              error={rule.right ? problem(index, "right") : null}
              onChange={(e) => set(index, { right: e.currentTarget.value })}
              styles={{ input: { fontFamily: "monospace" } }}
            />
            <Select
              label={t("dataSets.rules.severity")}
              value={rule.severity}
              readOnly={readOnly}
              allowDeselect={false}
              data={[
                { value: "error", label: t("dataSets.rules.error") },
                { value: "warning", label: t("dataSets.rules.warning") },
              ]}
              onChange={(s) => set(index, { severity: (s ?? "error") as ValidationRule["severity"] })}
            />
            <TextInput
              label={t("dataSets.rules.messageId")}
              value={rule.message.id}
              readOnly={readOnly}
              onChange={(e) => set(index, { message: { ...rule.message, id: e.currentTarget.value } })}
            />
            <TextInput
              label={t("dataSets.rules.messageEn")}
              value={rule.message.en}
              readOnly={readOnly}
              error={problem(index, "message")}
              onChange={(e) => set(index, { message: { ...rule.message, en: e.currentTarget.value } })}
            />
            {!readOnly && (
              <Group align="end">
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                >
                  {t("dataSets.rules.remove")}
                </Button>
              </Group>
            )}
          </SimpleGrid>
        </Paper>
      ))}
      {!readOnly && (
        <Group>
          <Button variant="light" onClick={() => onChange([...value, blankRule(value.length + 1)])}>
            {t("dataSets.rules.add")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
