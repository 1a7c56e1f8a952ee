/** PostgreSQL error classes the services translate into catalogue codes. */
function sqlState(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}

export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === "23503";
}
