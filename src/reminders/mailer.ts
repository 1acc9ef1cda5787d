import type { Transporter } from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export interface SmtpSettings {
  /** smtp://user:pass@host:587 or smtps://…:465 (nodemailer's connection URL). */
  url: string;
  /** The sender: "capaian <noreply@dinkes.example.go.id>". */
  from: string;
}

/**
 * Sends through the configured SMTP server; one pooled connection for a whole run. nodemailer is loaded
 * at the first mail, so a server without e-mail does not hold it.
 */
export function smtpMailer(settings: SmtpSettings): Mailer {
  let transport: Promise<Transporter> | undefined;
  const open = () =>
    (transport ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport(settings.url),
    ));
  return {
    async send(mail) {
      await (await open()).sendMail({ from: settings.from, ...mail });
    },
    close: () => void transport?.then((t) => t.close()),
  };
}
