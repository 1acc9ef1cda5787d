import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDataSets } from "../components/data-entry/entryApi";
import { Dhis2ExportForm } from "../components/dhis2/Dhis2ExportForm";
import { Dhis2ImportForm } from "../components/dhis2/Dhis2ImportForm";
import { QueryState } from "../components/QueryState";
import { useOrgUnits } from "../queries";

/** /impor-dhis2: values exchanged with DHIS2 (dataValueSets JSON/CSV) and ADX, tried before saving. */
export function Dhis2ImportPage() {
  const { t } = useTranslation();
  const dataSets = useDataSets();
  const units = useOrgUnits();
  return (
    <Stack>
      <Title order={2}>{t("dhis2.title")}</Title>
      <Text size="sm">{t("dhis2.intro")}</Text>
      <QueryState query={dataSets}>
        {(list) => (
          <>
            <Dhis2ImportForm dataSets={list} />
            <QueryState query={units}>{(all) => <Dhis2ExportForm dataSets={list} units={all} />}</QueryState>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
