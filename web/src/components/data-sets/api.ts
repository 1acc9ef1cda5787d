import { useQuery } from "@tanstack/react-query";
import type { DataElementRow, DataSetDetail, DataSetSummary } from "../../../../src/data-sets/schemas";
import { apiGet } from "../../api";

export type { DataSetInput, ImportPreview } from "../../../../src/data-sets/schemas";
export type { DataElementRow, DataSetDetail, DataSetSummary };

export const useDataElements = () =>
  useQuery({
    queryKey: ["metadata", "elements"],
    queryFn: () => apiGet<DataElementRow[]>("/metadata/data-elements"),
  });

export const useDataSets = () =>
  useQuery({
    queryKey: ["metadata", "sets"],
    queryFn: () => apiGet<DataSetSummary[]>("/metadata/data-sets"),
  });

export const useDataSet = (id: string | undefined) =>
  useQuery({
    queryKey: ["metadata", "sets", id],
    queryFn: () => apiGet<DataSetDetail>(`/metadata/data-sets/${id}`),
    enabled: Boolean(id),
  });
