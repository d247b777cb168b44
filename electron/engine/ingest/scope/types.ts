// Import scoping: what an ingest keeps of a file too large to take whole, decided per event
// while the file is read. The evidence is still hashed whole (the hash is of the file as
// given); the events outside the scope are counted (evidence.scoped_out) and not stored.
// Plain data: it crosses to the ingest worker and is written into the custody log as is.

export interface ImportScope {
  /** Keep events at or after this instant (ISO-8601; a time without a zone is UTC). */
  since?: string;
  /** Keep events at or before this instant (inclusive). */
  until?: string;
  /** Keep events whose host is one of these (compared without case: Windows names are not). */
  hosts?: string[];
  /** Keep events whose source or destination address is one of these (IPv4/IPv6, or IPv4 CIDR). */
  ips?: string[];
  /** Keep events in which one of these indicators appears (see ioc-list.ts). */
  indicators?: { file: string; sha256: string; values: string[] };
}

/** Hosts and addresses are one list of "what to keep": an event naming any of them is kept. */
export function isEmptyScope(s: ImportScope | undefined): boolean {
  return !s || (s.since === undefined && s.until === undefined && !s.hosts?.length && !s.ips?.length && !s.indicators);
}
