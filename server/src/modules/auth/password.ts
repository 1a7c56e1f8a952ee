import argon2 from "argon2";

/** argon2id with the memory cost from the configuration (OWASP's minimum is 19 MiB, t=2, p=1). */
export async function hashPassword(password: string, memoryKiB: number): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: memoryKiB, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/** Spends the same time as a real check, so that unknown logins cannot be told from wrong passwords. */
export async function burnPasswordCheck(password: string, memoryKiB: number): Promise<void> {
  dummyHash ??= hashPassword("bailanys-timing-equaliser", memoryKiB);
  await verifyPassword(await dummyHash, password);
}
