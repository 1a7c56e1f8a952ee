import type { CitizenDto } from "@bailanys/common/api/appeals";

/** Initials instead of a name for readers who may not see personal data. */
export function maskName(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter((part) => part !== "")
    .map((part) => `${part[0] ?? ""}.`)
    .join(" ");
}

/**
 * The same record as a reader sees it who may not see its personal data: enough to tell two records apart
 * (initials, the ИИН's first two and last two digits, the phone's last two), nothing to read out to a caller.
 */
export function maskCitizen(citizen: CitizenDto): CitizenDto {
  return {
    ...citizen,
    iin: citizen.iin === null ? null : `${citizen.iin.slice(0, 2)}********${citizen.iin.slice(10)}`,
    fullName: maskName(citizen.fullName),
    phone: citizen.phone === null ? null : `***${citizen.phone.slice(-2)}`,
    email: citizen.email === null ? null : "***",
    masked: true,
  };
}
