import type { PeriodType } from "@domain";
import { Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { periodChoices, readPeriod, yearChoices } from "./periods";

/** A year and a month (or quarter) as two short selects: quicker on an old laptop than a calendar. */
export function PeriodSelect({
  type,
  value,
  onChange,
}: {
  type: PeriodType;
  value: string;
  onChange: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const period = readPeriod(value);
  const year = period?.year ?? new Date().getFullYear();
  const choices = periodChoices(year, type, i18n.language, value);
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        label={t("dataEntry.year")}
        w={100}
        data={yearChoices(year)}
        value={String(year)}
        allowDeselect={false}
        onChange={(next) => {
          if (!next) return;
          // Keep the month when switching year, unless that month has not ended yet.
          const list = periodChoices(Number(next), type, i18n.language);
          const target = list.find((c) => readPeriod(c.value)?.index === period?.index) ?? list.at(-1);
          if (target) onChange(target.value);
        }}
      />
      {type !== "year" && (
        <Select
          label={t(`dataEntry.periodType.${type}`)}
          w={150}
          data={choices}
          value={value}
          allowDeselect={false}
          onChange={(next) => next && onChange(next)}
        />
      )}
    </Group>
  );
}
