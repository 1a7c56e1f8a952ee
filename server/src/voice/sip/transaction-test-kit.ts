import { expect } from "vitest";
import type { ClientTransactionEvents } from "./client-transaction.ts";
import { FakeClock } from "./fake-clock.ts";
import { InviteServerTransaction } from "./invite-server-transaction.ts";
import type { SipEndpoint, SipMessage, SipRequest, SipResponse } from "./message.ts";
import { parseSipMessage } from "./parse.ts";
import { buildResponse } from "./responses.ts";
import { serializeSipMessage } from "./serialize.ts";
import type { SipTimerValues } from "./timers.ts";
import { TransactionLayer, type ServerTransaction } from "./transaction-layer.ts";

/** The address the test peer (a SIPp-like caller) sends from. */
export const PEER: SipEndpoint = { address: "127.0.0.1", port: 5061 };

/** The operator's phone this gateway sends requests to. */
export const PHONE: SipEndpoint = { address: "127.0.0.1", port: 5080 };

export interface Sent {
  at: number;
  message: SipMessage;
  destination: SipEndpoint;
}

export interface RequestOptions {
  branch?: string;
  /** The whole top Via value, when the branch alone is not enough. */
  via?: string;
  cseq?: number;
  toTag?: string;
  uri?: string;
  extraHeaders?: string[];
}

/** A request as a peer would send it, parsed from its wire form. */
export function sipRequest(method: string, options: RequestOptions = {}): SipRequest {
  const text = [
    `${method} ${options.uri ?? "sip:ivr@127.0.0.1:5070"} SIP/2.0`,
    `Via: ${options.via ?? `SIP/2.0/UDP 127.0.0.1:5061;branch=${options.branch ?? "z9hG4bK-peer-1"}`}`,
    "Max-Forwards: 70",
    'From: "Caller" <sip:77011234567@127.0.0.1:5061>;tag=caller-tag',
    `To: <sip:ivr@127.0.0.1:5070>${options.toTag === undefined ? "" : `;tag=${options.toTag}`}`,
    "Call-ID: call-1@127.0.0.1",
    `CSeq: ${options.cseq ?? 1} ${method}`,
    ...(options.extraHeaders ?? []),
    "Content-Length: 0",
    "",
    "",
  ].join("\r\n");
  const message = parseSipMessage(Buffer.from(text));
  if (message.kind !== "request") {
    throw new Error("the fixture is not a request");
  }
  return message;
}

/** A request as this gateway's UA core sends it to `PHONE`: a branch of its own and a Route set. */
export function gatewayRequest(method: string, transport = "UDP"): SipRequest {
  return sipRequest(method, {
    uri: "sip:1001@127.0.0.1:5080",
    via: `SIP/2.0/${transport} 127.0.0.1:5070;branch=z9hG4bK-gw-1`,
    cseq: 7,
    extraHeaders: ["Route: <sip:proxy1.example.kz;lr>", "Route: <sip:proxy2.example.kz;lr>"],
  });
}

/** Client transaction events that record what the TU is told. */
export function clientRecorder() {
  const responses: SipResponse[] = [];
  const seen = { timeouts: 0 };
  const events: ClientTransactionEvents = {
    onResponse: (response) => responses.push(response),
    onTimeout: () => {
      seen.timeouts += 1;
    },
  };
  return { events, responses, seen, statuses: () => responses.map((r) => r.status) };
}

/**
 * A transaction layer on a fake clock whose transport records every message (after a round trip through the wire
 * form, so that what is asserted is what a peer would parse) and whose TU records what it is handed.
 */
export function transactionHarness(timers?: Partial<SipTimerValues>) {
  const clock = new FakeClock();
  const sent: Sent[] = [];
  const requests: Array<{ request: SipRequest; transaction: ServerTransaction }> = [];
  const acks: SipRequest[] = [];
  const strays: SipResponse[] = [];
  const layer = new TransactionLayer({
    clock,
    timers,
    send: (message, destination) => sent.push({ at: clock.now(), message: parseSipMessage(serializeSipMessage(message)), destination }),
    user: {
      onRequest: (request, transaction) => requests.push({ request, transaction }),
      onAck: (ack) => acks.push(ack),
      onStrayResponse: (response) => strays.push(response),
    },
  });
  return { clock, layer, sent, requests, acks, strays };
}

/** `"<ms> <method or status>"` for each message sent, to assert what went out when. */
export function timeline(sent: Sent[]): string[] {
  return sent.map((s) => `${s.at} ${s.message.kind === "request" ? s.message.method : s.message.status}`);
}

/** The instants of a first send at `start` and one more after each interval, as a retransmission timer sends. */
export function sendTimes(start: number, intervals: number[]): number[] {
  const times = [start];
  for (const interval of intervals) {
    times.push((times[times.length - 1] ?? start) + interval);
  }
  return times;
}

/**
 * With the clock 1 ms before a time-out (Timer B, F, H or the 2xx's 64·T1), checks that the time-out is reported
 * once when that millisecond passes, that every transaction is gone, and that nothing is sent any more.
 */
export function expectTimeoutThenSilence(h: ReturnType<typeof transactionHarness>, timeouts: () => number): void {
  expect(timeouts()).toBe(0);
  h.clock.advance(1);
  expect(timeouts()).toBe(1);
  expect(h.layer.size).toBe(0);
  expect(h.clock.pending).toBe(0);
  const sent = h.sent.length;
  h.clock.advance(100_000);
  expect(h.sent).toHaveLength(sent);
}

/** The n-th element, failing the test when it is missing. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) {
    throw new Error(`expected an element at ${index}, got ${items.length}`);
  }
  return item;
}

/** Feeds the peer's INVITE to the layer and returns the server transaction the TU was handed for it. */
export function receiveInvite(h: ReturnType<typeof transactionHarness>, invite = sipRequest("INVITE"), source = PEER): InviteServerTransaction {
  h.layer.receive(invite, source);
  return inviteServer(h.requests, h.requests.length - 1);
}

/** The TU answers on a server transaction, with the To tag of its dialog; false when the transaction refused. */
export function answer(transaction: ServerTransaction, status: number, reason: string): boolean {
  return transaction.respond(buildResponse(transaction.request, status, reason, { toTag: "uas-tag" }));
}

/** The INVITE server transaction the TU was handed n-th. */
export function inviteServer(requests: ReadonlyArray<{ transaction: ServerTransaction }>, index = 0): InviteServerTransaction {
  const { transaction } = nth(requests, index);
  if (!(transaction instanceof InviteServerTransaction)) {
    throw new Error("not an INVITE server transaction");
  }
  return transaction;
}
