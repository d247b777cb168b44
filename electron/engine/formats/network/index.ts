// Firewalls and network monitoring: PAN-OS, Cisco ASA, pfSense/OPNsense, iptables,
// Windows Firewall, Zeek.
import type { FormatModule } from '../types';
import { asaFormat } from './asa';
import { iptablesFormat } from './iptables';
import { panosFormat } from './panos';
import { pfsenseFormat } from './pfsense';
import { winfwFormat } from './winfw';
import { zeekJsonFormat } from './zeek-json';
import { zeekTsvFormat } from './zeek-tsv';

export const NETWORK_FORMATS: readonly FormatModule[] = [
  zeekTsvFormat,
  zeekJsonFormat,
  pfsenseFormat,
  asaFormat,
  panosFormat,
  iptablesFormat,
  winfwFormat,
];
