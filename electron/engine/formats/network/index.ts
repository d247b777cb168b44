// Firewalls and network monitoring: PAN-OS, Cisco ASA, pfSense/OPNsense, iptables,
// Windows Firewall, Zeek.
import type { FormatModule } from '../types';

export const NETWORK_FORMATS: readonly FormatModule[] = [];
