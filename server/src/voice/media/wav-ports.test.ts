import { createSocket } from "node:dgram";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { refusalReason } from "../test/refusal.ts";
import { PortPoolExhausted, RtpPortPool } from "./port-pool.ts";
import { decodeWav, encodeWav, interleave, WavError } from "./wav.ts";

describe("WAV", () => {
  it("writes a stereo 8 kHz recording that reads back the same, caller left and agent right", () => {
    const caller = Int16Array.from([100, -100, 300]);
    const agent = Int16Array.from([7, 8]);
    const file = encodeWav({ sampleRate: 8000, channels: 2, samples: interleave(caller, agent) });
    expect(file.length).toBe(44 + 3 * 2 * 2);
    expect([file.readUInt32LE(24), file.readUInt32LE(28), file.readUInt16LE(32)]).toEqual([8000, 32000, 4]);
    expect(decodeWav(file)).toEqual({ sampleRate: 8000, channels: 2, samples: Int16Array.from([100, 7, -100, 8, 300, 0]) });
  });

  it("reads past extra chunks (LIST) and refuses what is not 16-bit PCM", () => {
    const plain = encodeWav({ sampleRate: 8000, channels: 1, samples: Int16Array.from([1, 2]) });
    const list = Buffer.concat([Buffer.from("LIST"), Buffer.from([3, 0, 0, 0]), Buffer.from("abc\0")]);
    const withList = Buffer.concat([plain.subarray(0, 36), list, plain.subarray(36)]);
    expect(decodeWav(withList).samples).toEqual(Int16Array.from([1, 2]));
    const float = Buffer.from(plain);
    float.writeUInt16LE(3, 20);
    expect(refusalReason(() => decodeWav(float), WavError)).toBe("not_pcm16");
    expect(refusalReason(() => decodeWav(Buffer.from("ID3 mp3 data here")), WavError)).toBe("not_wav");
  });
});

describe("RTP port pool", () => {
  it("hands out even ports bound to sockets, skips one another program holds, and is exhausted until a call ends", async () => {
    const base = 30_000 + 2 * Math.floor(Math.random() * 10_000);
    const squatter = createSocket("udp4");
    squatter.bind(base + 2, "127.0.0.1");
    await once(squatter, "listening");
    const pool = new RtpPortPool("127.0.0.1", base, base + 7);
    const first = await pool.acquire();
    const second = await pool.acquire();
    const third = await pool.acquire();
    expect([first.port, second.port, third.port]).toEqual([base, base + 4, base + 6]);
    await expect(pool.acquire()).rejects.toBeInstanceOf(PortPoolExhausted);
    second.socket.close();
    await once(second.socket, "close");
    expect(pool.size).toBe(2);
    const again = await pool.acquire();
    expect(again.port).toBe(base + 4);
    for (const socket of [first.socket, third.socket, again.socket, squatter]) {
      socket.close();
    }
  });
});
