import { describe, expect, it } from "vitest";
import { ByteRing, ByteTrack } from "./byte-buffers.ts";

describe("the media thread's byte stores", () => {
  it("a ring keeps the newest bytes up to its capacity and reads them oldest first", () => {
    const ring = new ByteRing(5);
    ring.write(Uint8Array.of(1, 2, 3));
    ring.write(Uint8Array.of(4, 5, 6, 7));
    expect(ring.length).toBe(5);
    const out = Buffer.alloc(3);
    expect(ring.readInto(out)).toBe(3);
    expect([...out]).toEqual([3, 4, 5]);
    ring.write(Uint8Array.of(8));
    const rest = Buffer.alloc(10);
    expect(ring.readInto(rest)).toBe(3);
    expect([...rest.subarray(0, 3)]).toEqual([6, 7, 8]);
    expect(ring.length).toBe(0);
    // A write longer than the ring leaves only its own newest bytes.
    ring.write(Uint8Array.of(10, 11, 12, 13, 14, 15, 16));
    const all = Buffer.alloc(5);
    ring.readInto(all);
    expect([...all]).toEqual([12, 13, 14, 15, 16]);
  });

  it("a track joins what was appended across its chunks, in order", () => {
    const track = new ByteTrack(4);
    expect(track.join().length).toBe(0);
    track.append(Uint8Array.of(1, 2, 3));
    track.append(Uint8Array.of(4, 5, 6, 7, 8, 9));
    track.append(Uint8Array.of(10));
    expect([...track.join()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
