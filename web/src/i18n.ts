import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./locales/en";
import { id } from "./locales/id";

const stored = typeof localStorage === "undefined" ? null : localStorage.getItem("capaian.lang");

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: stored === "en" ? "en" : "id",
  fallbackLng: "id",
  interpolation: { escapeValue: false },
});

i18n.on("languageChanged", (lng) => {
  localStorage.setItem("capaian.lang", lng);
  document.documentElement.lang = lng;
});

export default i18n;
