import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDataSets } from "../components/data-entry/entryApi";
import { Dhis2ExportForm } from "../components/dhis2/Dhis2ExportForm";
import { Dhis2ImportForm } from "../components/dhis2/Dhis2ImportForm";
import { QueryState } from "../components/QueryState";
import { useOrgUnits } from "../queries";
import { useCurrentUser } from "../session";

/** /impor-dhis2 (import for data.enter, export for data.read): values exchanged with DHIS2 (dataValueSets JSON/CSV) and ADX, tried before saving. */
export function Dhis2ImportPage() {
  const { t } = useTranslation();
  const dataSets = useDataSets();
  const units = useOrgUnits();
  // Those who only read (e.g. an approving admin) may still export; importing is entering data.
  const mayImport = useCurrentUser().permissions.includes("data.enter");
  return (
    <Stack>
      <Title order={2}>{t("dhis2.title")}</Title>
      <Text size="sm">{t("dhis2.intro")}</Text>
      <QueryState query={dataSets}>
        {(list) => (
          <>
            {mayImport && <Dhis2ImportForm dataSets={list} />}
            <QueryState query={units}>{(all) => <Dhis2ExportForm dataSets={list} units={all} />}</QueryState>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
