// Detection policy in one place: which ports are ordinary, which connection is inbound, and
// which port an event's connection used. The beacon scorer and the incident story read the
// same answers, so a destination one calls non-standard the other does too.
import { urlHostPort } from '../formats/net';

/** Ports whose traffic is ordinary from a workstation; anything else to a bare IP is "non-standard". */
export const STANDARD_PORTS = new Set([20, 21, 22, 25, 53, 80, 110, 123, 143, 443, 465, 587, 993, 995]);
export const SMTP_PORTS = new Set([25, 465, 587]);
export const REMOTE_EXEC_PORTS = new Set([135, 139, 445, 5985, 5986]);
/** A workstation reaching this many internal hosts on SMB/RPC/WinRM within an hour is spreading, not mapping a share. */
export const FAN_OUT_TARGETS = 5;

const INBOUND = /inbound|listen|accepted/i;

/** Whether an event's action names an inbound connection (firewall and EDR wording). */
export function isInboundAction(action: string | null | undefined): boolean {
  return !!action && INBOUND.test(action);
}

/**
 * The destination port of a connection: as logged, else as the URL writes it, else the
 * scheme's default (http 80, https 443); null when nothing says.
 */
export function portOf(e: { dst_port: number | null; url: string | null }): number | null {
  if (e.dst_port !== null) return e.dst_port;
  const url = e.url;
  if (!url) return null;
  const explicit = urlHostPort(url)?.port;
  if (explicit !== undefined) return explicit;
  if (/^https:\/\//i.test(url)) return 443;
  if (/^http:\/\//i.test(url)) return 80;
  return null;
}
