import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function NotFoundPage() {
  const { t } = useTranslation();
  return <Alert color="yellow">{t("error.notFound")}</Alert>;
}
