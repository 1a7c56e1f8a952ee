/**
 * Byte stores for the media plane, which runs every 20 ms for every call: they copy into buffers allocated
 * once (or a few times a call), because a small Buffer per packet per call kept the garbage collector busy
 * enough to make the shared clock late (`npm run bench -- voice-centre`).
 */

/** The newest `capacity` bytes written, read from the oldest; writing past the capacity drops the oldest. */
export class ByteRing {
  private readonly bytes: Buffer;
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.bytes = Buffer.alloc(capacity);
  }

  get length(): number {
    return this.size;
  }

  write(data: Uint8Array): void {
    // Only the newest `capacity` bytes of a long write can survive.
    const from = Math.max(0, data.length - this.capacity);
    for (let i = from; i < data.length; i += 1) {
      this.bytes[(this.start + this.size) % this.capacity] = data[i] ?? 0;
      if (this.size < this.capacity) {
        this.size += 1;
      } else {
        this.start = (this.start + 1) % this.capacity;
      }
    }
  }

  /** Moves up to `target.length` of the oldest bytes into `target`; returns how many it moved. */
  readInto(target: Uint8Array): number {
    const n = Math.min(target.length, this.size);
    for (let i = 0; i < n; i += 1) {
      target[i] = this.bytes[(this.start + i) % this.capacity] ?? 0;
    }
    this.start = (this.start + n) % this.capacity;
    this.size -= n;
    return n;
  }
}

/** Bytes appended for as long as a call lasts, kept in chunks of `chunkBytes` (a whole call is joined once, at its end). */
export class ByteTrack {
  private readonly chunks: Buffer[] = [];
  private used = 0;

  constructor(private readonly chunkBytes: number) {}

  append(data: Uint8Array): void {
    let at = 0;
    while (at < data.length) {
      let chunk = this.chunks.at(-1);
      if (chunk === undefined || this.used === this.chunkBytes) {
        chunk = Buffer.allocUnsafeSlow(this.chunkBytes);
        this.chunks.push(chunk);
        this.used = 0;
      }
      const n = Math.min(data.length - at, this.chunkBytes - this.used);
      chunk.set(data.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
    }
  }

  /** Everything appended, as one buffer. */
  join(): Buffer {
    const last = this.chunks.length - 1;
    return Buffer.concat(this.chunks.map((chunk, i) => (i === last ? chunk.subarray(0, this.used) : chunk)));
  }
}
