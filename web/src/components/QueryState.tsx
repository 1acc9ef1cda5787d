import { Alert, Loader } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** Shows a loader or the server's error message until the query has data, then renders children. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Loader size="sm" aria-label={t("loading")} />;
  if (query.isError)
    return (
      <Alert color="red" title={t("error.title")}>
        {query.error.message}
      </Alert>
    );
  return <>{children(query.data)}</>;
}
