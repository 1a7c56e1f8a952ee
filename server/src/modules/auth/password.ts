import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id of the package's const enum, which isolated modules cannot read.
const ARGON2ID = 2;

// @node-rs/argon2 ships prebuilt binaries as ordinary packages (no install script, nothing compiled on install).

/** argon2id with the memory cost from the configuration (OWASP's minimum is 19 MiB, t=2, p=1). */
export async function hashPassword(password: string, memoryKiB: number): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: memoryKiB, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
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
