import { formatVia } from "./headers.ts";
import type { SipEndpoint, SipRequest } from "./message.ts";
import { defaultPort, topVia, withTopVia } from "./top-via.ts";

/**
 * Where the responses to a request go (RFC 3261 §18.2.2, RFC 3581 §4): over TCP/TLS back to the connection it came
 * on; over UDP to `received` (else the source address when the sent-by host is not it) and to `rport` (the source
 * port when it has no value yet), else to the sent-by port or 5060. `source` is the datagram's real origin.
 */
export function responseDestination(request: SipRequest, source: SipEndpoint): SipEndpoint {
  const via = topVia(request);
  if (via === null || via.transport !== "UDP") {
    return source;
  }
  const received = via.params.get("received");
  // Without `received` the sent-by host either is the source address or §18.2.1 asks for `received`: the source is
  // right both ways, and it also covers a sent-by that is a host name.
  const address = received !== undefined && received !== "" ? unbracket(received) : source.address;
  const rport = via.params.get("rport");
  if (rport === undefined) {
    return { address, port: via.port ?? defaultPort(via.transport) };
  }
  return { address, port: /^\d{1,5}$/.test(rport) ? Number(rport) : source.port };
}

/**
 * The request as the server transport must pass it on (§18.2.1, RFC 3581 §4): its top Via gains `received` when
 * the sent-by host is not the source address or `rport` is asked for, and an empty `rport` gets the source port.
 * Responses copy this Via, so the client can see its public address.
 */
export function stampTopVia(request: SipRequest, source: SipEndpoint): SipRequest {
  const via = topVia(request);
  if (via === null) {
    return request;
  }
  const params = new Map(via.params);
  if (unbracket(via.host) !== source.address || params.has("rport")) {
    params.set("received", source.address);
  }
  if (params.get("rport") === "") {
    params.set("rport", String(source.port));
  }
  const stamped = formatVia({ ...via, params });
  return stamped === formatVia(via) ? request : withTopVia(request, stamped);
}

/** Via hosts write IPv6 in brackets; socket addresses do not. */
function unbracket(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}
