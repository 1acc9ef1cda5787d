import { Anchor, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useDataElements, useDataSet } from "../components/data-sets/api";
import { DataSetEditor } from "../components/data-sets/DataSetEditor";
import { QueryState } from "../components/QueryState";

/** One data set to view or edit (`/formulir-data/:id`), or a new one (`/formulir-data/baru`). */
export function DataSetPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const isNew = id === undefined;
  const catalog = useDataElements();
  const detail = useDataSet(id);
  return (
    <Stack>
      <Anchor component={Link} to="/formulir-data" size="sm">
        ← {t("dataSets.edit.back")}
      </Anchor>
      {isNew ? (
        <>
          <Title order={2}>{t("dataSets.edit.newTitle")}</Title>
          <QueryState query={catalog}>{(elements) => <DataSetEditor catalog={elements} />}</QueryState>
        </>
      ) : (
        <QueryState query={catalog}>
          {(elements) => (
            <QueryState query={detail}>
              {(set) => (
                <>
                  <Title order={2}>
                    {set.code} — {set.name}
                  </Title>
                  <DataSetEditor key={set.id} detail={set} catalog={elements} />
                </>
              )}
            </QueryState>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
