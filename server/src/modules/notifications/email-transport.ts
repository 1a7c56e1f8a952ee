import nodemailer from "nodemailer";
import type { OutboundMessage, Transport } from "./outbox-delivery.ts";

/** The subject of a notification e-mail: its first line, short. */
export function subjectOf(text: string): string {
  const first = text.split("\n")[0] ?? "";
  return first.length > 120 ? `${first.slice(0, 117)}…` : first;
}

/** Sends notifications by SMTP (`smtp://user:pass@host:port` or `smtps://…`) from the configured address. */
export function emailTransport(smtpUrl: string, from: string): Transport {
  const mailer = nodemailer.createTransport(smtpUrl);
  return {
    async send(message: OutboundMessage) {
      if (message.email === null) {
        // Retried with back-off and then marked failed: visible in the outbox, never silently dropped.
        throw new Error("no e-mail address for this notification");
      }
      // Base64 keeps Kazakh and Russian text intact through any relay (and makes messages easy to check).
      await mailer.sendMail({ from, to: message.email, subject: subjectOf(message.text), text: message.text, textEncoding: "base64" });
    },
  };
}
