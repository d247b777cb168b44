// One answer for "which port did this connection use" and "is this inbound", read by both the
// beacon scorer and the incident story (they disagreed while each had its own portOf).
import { describe, expect, it } from 'vitest';
import { isInboundAction, portOf, STANDARD_PORTS } from '../../../electron/engine/detect/policy';

describe('detection policy', () => {
  it('takes the logged port, then the URL port, then the scheme default', () => {
    expect(portOf({ dst_port: 8080, url: 'https://a.example/' })).toBe(8080);
    expect(portOf({ dst_port: null, url: 'http://198.51.100.7:8443/gate.php' })).toBe(8443);
    expect(portOf({ dst_port: null, url: 'HTTPS://c2.example/x' })).toBe(443);
    expect(portOf({ dst_port: null, url: 'http://198.51.100.7/x' })).toBe(80);
    expect(portOf({ dst_port: null, url: 'ftp://files.example/a' })).toBeNull();
    expect(portOf({ dst_port: null, url: null })).toBeNull();
  });

  it('calls web ports standard, a C2 port not, and reads inbound wording', () => {
    expect(STANDARD_PORTS.has(443)).toBe(true);
    expect(STANDARD_PORTS.has(8080)).toBe(false);
    expect(isInboundAction('Inbound connection accepted')).toBe(true);
    expect(isInboundAction('connection')).toBe(false);
    expect(isInboundAction(null)).toBe(false);
  });
});
