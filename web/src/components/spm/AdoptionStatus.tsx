import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RegionAdoptions } from "../../../../src/spm/adoption-schemas";
import { useCan } from "../../session";
import { AdoptModal } from "./AdoptModal";

interface Props {
  adoptions: RegionAdoptions;
  year: number;
}

/**
 * Which SPM version applies to the region in the year shown; when none does, says so and, for the
 * Dinas admin, offers to adopt one instead of showing an error.
 */
export function AdoptionStatus({ adoptions, year }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const [adopting, setAdopting] = useState(false);
  const { region } = adoptions;
  if (!region) return null;
  const current = adoptions.adoptions.find((a) => a.year === year);
  const mayAdopt = can("spm.adopt");
  const modal = adopting && (
    <AdoptModal
      region={region}
      year={year}
      adoptions={adoptions.adoptions}
      onClose={() => setAdopting(false)}
    />
  );

  if (!current) {
    return (
      <Alert color="yellow" data-testid="spm-not-adopted">
        <Stack gap="xs" align="start">
          <Text size="sm" fw={600}>
            {t("planStart.spm.none", { region: region.name, year })}
          </Text>
          <Text size="sm">
            {t("planStart.spm.noneHint")} {!mayAdopt && t("planStart.spm.noneReader")}
          </Text>
          {mayAdopt && <Button onClick={() => setAdopting(true)}>{t("planStart.spm.adopt")}</Button>}
        </Stack>
        {modal}
      </Alert>
    );
  }
  return (
    <Group gap="xs" justify="space-between" wrap="wrap" data-testid="spm-adopted">
      <Text size="sm" c="dimmed">
        {t("planStart.spm.applies", {
          region: region.name,
          year,
          name: current.versionName,
          regulation: current.regulation,
        })}
      </Text>
      {mayAdopt && (
        <Button size="xs" variant="subtle" onClick={() => setAdopting(true)}>
          {t("planStart.spm.change")}
        </Button>
      )}
      {modal}
    </Group>
  );
}
