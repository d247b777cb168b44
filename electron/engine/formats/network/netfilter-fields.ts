// The packet dump of the netfilter LOG target (Linux net/netfilter/nf_log_syslog.c):
//   IN=eth0 OUT= [PHYSIN=.. PHYSOUT=..] MAC=.. SRC=1.2.3.4 DST=5.6.7.8 LEN=40 TOS=0x00
//   PREC=0x00 TTL=245 ID=37308 [DF] PROTO=TCP SPT=8080 DPT=8123 [SEQ=.. ACK=..] WINDOW=1024
//   RES=0x00 SYN URGP=0
// KEY=VALUE tokens and bare flag words (DF, MF, CE, SYN, ACK, ...). Keys after PROTO= belong
// to the transport header; where they repeat an IP header key (UDP's LEN, ICMP's ID) they
// are stored as "<proto>_<KEY>" (udp_LEN). ICMP errors quote the offending packet in
// brackets ("[SRC=.. DST=.. ]"), kept as one value.
import { setField } from '../fields';

export interface NetfilterPacket {
  src?: string;
  dst?: string;
  spt?: string;
  dpt?: string;
  /** Bare flag words in order ("DF SYN"). */
  flags: string[];
  /** The quoted inner packet of an ICMP error, without its brackets. */
  inner?: string;
}

/**
 * Reads the dump: SRC/DST/SPT/DPT are returned, every other KEY=VALUE is written to `out`
 * (straight into the event's extra: no intermediate map on a path run for every line).
 */
export function parseNetfilterFields(text: string, out: Record<string, unknown>): NetfilterPacket {
  const packet: NetfilterPacket = { flags: [] };
  let proto: string | undefined;
  const len = text.length;
  let pos = 0;
  while (pos < len) {
    while (pos < len && text.charCodeAt(pos) === 32) pos++;
    if (pos >= len) break;
    if (text.charCodeAt(pos) === 91 /* [ */) {
      const close = text.indexOf(']', pos);
      const end = close === -1 ? len : close;
      packet.inner = text.slice(pos + 1, end).trim();
      pos = end + 1;
      continue;
    }
    let end = pos;
    let eq = -1;
    while (end < len) {
      const c = text.charCodeAt(end);
      if (c === 32) break;
      if (c === 61 /* = */ && eq === -1) eq = end;
      end++;
    }
    if (eq <= pos) {
      packet.flags.push(text.slice(pos, end));
      pos = end;
      continue;
    }
    let key = text.slice(pos, eq);
    const value = text.slice(eq + 1, end);
    pos = end;
    // The IP header's addresses and the transport ports are normalized columns.
    if (proto === undefined && (key === 'SRC' || key === 'DST')) {
      if (key === 'SRC' ? packet.src === undefined : packet.dst === undefined) {
        if (key === 'SRC') packet.src = value;
        else packet.dst = value;
        continue;
      }
    }
    if (proto !== undefined && (key === 'SPT' || key === 'DPT')) {
      if (key === 'SPT' ? packet.spt === undefined : packet.dpt === undefined) {
        if (key === 'SPT') packet.spt = value;
        else packet.dpt = value;
        continue;
      }
    }
    if (Object.hasOwn(out, key)) {
      key = proto ? `${proto.toLowerCase()}_${key}` : `${key}_2`;
      if (Object.hasOwn(out, key)) continue; // a third repeat carries nothing new to name
    }
    setField(out, key, value);
    if (key === 'PROTO') proto = value;
  }
  return packet;
}

/** "IPTABLES-DROP:", "policy DROP", "PVEFW-reject" -> drop/reject/accept, when the text says. */
export function actionFromPrefix(prefix: string): string | undefined {
  const p = prefix.toUpperCase();
  if (p.includes('DROP') || p.includes('DENY') || p.includes('BLOCK')) return 'drop';
  if (p.includes('REJECT')) return 'reject';
  if (p.includes('ACCEPT') || p.includes('ALLOW') || p.includes('PASS')) return 'accept';
  return undefined;
}
