/** Normalises a Kazakhstan phone number to +7XXXXXXXXXX; null when it cannot be one. */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[\s()-]/g, "");
  const match = /^(?:\+7|8|7)(\d{10})$/.exec(digits);
  return match ? `+7${match[1]}` : null;
}

/** A deliberately plain e-mail check: one @, a dot in the domain, no spaces. */
export function isPlausibleEmail(raw: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw) && raw.length <= 200;
}
