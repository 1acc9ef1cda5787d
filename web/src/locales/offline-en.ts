import type { offlineId } from "./offline-id";

/** English texts of working offline; same keys as offline-id.ts. */
export const offlineEn: typeof offlineId = {
  waiting: "{{count}} changes waiting to be sent",
  allSent: "All changes sent",
  offline: "Offline: entries are kept on this device and sent when the connection returns",
  held: "{{count}} values in conflict or refused: open their form to choose",
  failed: "{{count}} forms refused by the server: open the form",
  openForm: "Open form {{period}}",
  lastSync: "Last synced: {{when}}",
  neverSynced: "Never synced on this device",
  sendNow: "Send now",
  notKept: "This form is not kept on this device yet. Open it once while online to fill it offline.",
  logoutLoses:
    "{{count}} changes are not sent yet and will be lost from this device if you log out now. Log out anyway?",
  submitNeedsConnection: "Submitting the report needs an internet connection. Entries stay on the device.",
};
