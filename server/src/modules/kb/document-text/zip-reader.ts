import { inflateRawSync } from "node:zlib";

/**
 * Reads named entries of a ZIP archive (DOCX, XLSX and ODT are ZIPs of XML), from its central directory. Only what
 * office files use: stored and deflated entries, no ZIP64, no encryption. Every entry's unpacked size is capped,
 * so a small file that unpacks to gigabytes (a "zip bomb") fails instead of filling the memory.
 */
export class ZipReader {
  private readonly entries = new Map<string, { method: number; offset: number; packed: number; size: number }>();

  constructor(
    private readonly bytes: Buffer,
    private readonly maxEntryBytes: number,
  ) {
    const end = findEndOfDirectory(bytes);
    const count = bytes.readUInt16LE(end + 10);
    let at = bytes.readUInt32LE(end + 16);
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) {
        throw new Error("broken ZIP central directory");
      }
      const nameLength = bytes.readUInt16LE(at + 28);
      const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
      this.entries.set(name, {
        method: bytes.readUInt16LE(at + 10),
        packed: bytes.readUInt32LE(at + 20),
        size: bytes.readUInt32LE(at + 24),
        offset: bytes.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry's bytes as UTF-8 text, or null when the archive has no such entry. */
  text(name: string): string | null {
    const entry = this.entries.get(name);
    if (entry === undefined) {
      return null;
    }
    if (entry.size > this.maxEntryBytes) {
      throw new Error(`ZIP entry ${name} unpacks to more than ${this.maxEntryBytes} bytes`);
    }
    const local = entry.offset;
    if (local + 30 > this.bytes.length || this.bytes.readUInt32LE(local) !== 0x04034b50) {
      throw new Error("broken ZIP local header");
    }
    const start = local + 30 + this.bytes.readUInt16LE(local + 26) + this.bytes.readUInt16LE(local + 28);
    const packed = this.bytes.subarray(start, start + entry.packed);
    switch (entry.method) {
      case 0:
        return packed.toString("utf8");
      case 8:
        // The declared size may lie; the inflater's own cap holds whatever the header says.
        return inflateRawSync(packed, { maxOutputLength: this.maxEntryBytes }).toString("utf8");
      default:
        throw new Error(`ZIP compression method ${entry.method} is not supported`);
    }
  }
}

/** The end-of-central-directory record sits in the last 22 bytes plus up to 64 KiB of comment. */
function findEndOfDirectory(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      return at;
    }
  }
  throw new Error("not a ZIP archive");
}
