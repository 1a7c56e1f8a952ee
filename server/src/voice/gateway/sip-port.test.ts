import { createSocket } from "node:dgram";
import { once } from "node:events";
import { connect, createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { VoiceGateway } from "./voice-gateway.ts";

const options = (sipPort: number) => ({ host: "127.0.0.1", sipPort, rtpPorts: { first: 27_000, last: 27_010 }, onCall: () => undefined });

describe("the gateway's SIP port", () => {
  it("listens for UDP and TCP on one ephemeral port", async () => {
    const gateway = await VoiceGateway.start(options(0));
    try {
      const socket = connect(gateway.local.port, "127.0.0.1");
      await once(socket, "connect");
      socket.destroy();
    } finally {
      await gateway.stop();
    }
  });

  it("refuses a configured port whose TCP side is taken, and leaves its UDP side free again", async () => {
    const holder = createServer();
    holder.listen(0, "127.0.0.1");
    await once(holder, "listening");
    const port = (holder.address() as { port: number }).port;
    try {
      await expect(VoiceGateway.start(options(port))).rejects.toMatchObject({ code: "EADDRINUSE" });
      const udp = createSocket("udp4");
      udp.bind(port, "127.0.0.1");
      await once(udp, "listening");
      udp.close();
    } finally {
      holder.close();
    }
  });
});
