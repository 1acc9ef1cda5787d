import type { remindersId } from "./reminders-id";

export const remindersEn: typeof remindersId = {
  bell: "Notifications",
  unread_one: "{{count}} unread",
  unread_other: "{{count}} unread",
  empty: "No notifications yet.",
  markAllRead: "Mark all read",
  open: "Open",
  nav: "Deadlines",
  title: "Yearly deadlines",
  intro:
    "The due dates of the quarterly evaluation, the e-SPM quarterly report and the annual SPM report. Admins and program managers are reminded before a deadline and the day after a missed one; operators are reminded of forms not yet submitted.",
  region: "Kabupaten/kota",
  year: "Year",
  daysBefore: "Remind … days before a deadline",
  kind: "Deadline",
  period: "Period",
  dueDate: "Date",
  defaultBadge: "Default",
  ownBadge: "Changed",
  save: "Save deadlines",
  saved: "Deadlines saved.",
  contact: "E-mail & language",
  contactTitle: "Reminder e-mail and language",
  email: "E-mail (deadline reminders go here)",
  language: "Language of e-mails and notifications",
  saveContact: "Save",
  kinds: {
    evaluation_quarter: "Quarterly evaluation",
    spm_quarter: "e-SPM quarterly report",
    spm_annual: "Annual SPM report",
  },
};
