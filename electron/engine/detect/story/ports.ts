// Ports whose meaning the story and the beacon scoring share (kept apart so that neither
// imports the other).

/** Ports whose traffic is ordinary from a workstation; anything else to a bare IP is "non-standard". */
export const STANDARD_PORTS: ReadonlySet<number> = new Set([20, 21, 22, 25, 53, 80, 110, 123, 143, 443, 465, 587, 993, 995]);
