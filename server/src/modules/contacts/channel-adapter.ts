import type { RoutedChannel } from "@bailanys/common/contacts";
import type { LogRow } from "./contact-log.repository.ts";

/**
 * How a channel plugs into the engine. Inbound, every channel calls `openInboundContact` (and
 * `postCitizenMessage` for what follows), so its contacts enter the same queues, routing, log and metrics.
 * Outbound, a live channel (web chat) needs nothing: the citizen's socket follows the log. A store-and-forward
 * channel (e-mail, Telegram, SMS) marks operator messages "pending" and its adapter delivers them from a worker
 * job, claiming entries with SKIP LOCKED and setting the delivery state to sent or failed.
 */
export interface ChannelAdapter {
  channel: RoutedChannel;
  /** The citizen follows the conversation live; operator messages count as sent once written. */
  live: boolean;
  /** Sends one operator message to the citizen (store-and-forward channels); throws to be retried. */
  deliver?(contact: { id: string; tenantId: string; address: string | null; locale: string }, entry: LogRow): Promise<void>;
}

const ADAPTERS: Partial<Record<RoutedChannel, ChannelAdapter>> = {
  web_chat: { channel: "web_chat", live: true },
  // A call's conversation is the audio itself; its log holds events only.
  phone: { channel: "phone", live: true },
};

/** The adapter of a channel; channels without one yet are treated as store-and-forward (messages wait, pending). */
export function channelAdapter(channel: string): ChannelAdapter | undefined {
  return ADAPTERS[channel as RoutedChannel];
}

/** The delivery state an operator's message starts in on this channel. */
export function initialDeliveryState(channel: string): "sent" | "pending" {
  return channelAdapter(channel)?.live === true ? "sent" : "pending";
}
