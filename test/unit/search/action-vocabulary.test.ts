import { describe, expect, it } from 'vitest';
import { ACTION_VOCABULARY, normalizeAction } from '../../../electron/engine/formats/action-vocabulary';
import { BatchEncoder, BATCH_COLUMNS, WIDTH } from '../../../electron/engine/ingest/event-batch';
import type { ParsedEvent, ReadRecord } from '../../../electron/engine/formats/types';
import { ExtraReference } from '../helpers/extra';

describe('action vocabulary', () => {
  it('names the same act the same way across sources', () => {
    expect(normalizeAction('ProcessCreated', 'process')).toBe('process_start'); // Defender
    expect(normalizeAction('procstart', 'process')).toBe('process_start'); // Carbon Black
    expect(normalizeAction('process_start', 'process')).toBe('process_start'); // Sysmon 1, 4688
    expect(normalizeAction('accept', 'firewall')).toBe('firewall_allow'); // FortiGate
    expect(normalizeAction('ALLOW', 'firewall')).toBe('firewall_allow'); // Windows Firewall
    expect(normalizeAction('allow', 'firewall')).toBe('firewall_allow'); // PAN-OS
    expect(normalizeAction('deny', 'firewall')).toBe('firewall_deny');
    expect(normalizeAction('reset-both', 'firewall')).toBe('firewall_deny');
    expect(normalizeAction('ConnectionSuccess', 'network')).toBe('network_connection');
    expect(normalizeAction('connection', 'network')).toBe('network_connection'); // Zeek conn, Sysmon 3
    expect(normalizeAction('GET', 'web')).toBe('http_request');
    expect(normalizeAction('SetValue', 'registry')).toBe('registry_value_set');
    expect(normalizeAction('watchlist.hit.process', 'alert')).toBe('alert');
  });

  it('keeps direction words detection relies on, and unknown values as written', () => {
    expect(normalizeAction('InboundConnectionAccepted', 'network')).toMatch(/inbound/);
    expect(normalizeAction('ListeningConnectionCreated', 'network')).toMatch(/listen/);
    expect(normalizeAction('GET', 'network')).toBe('GET');
    expect(normalizeAction('ウイルス検知', 'other')).toBe('ウイルス検知');
    expect(ACTION_VOCABULARY).toContain('process_start');
    expect(ACTION_VOCABULARY).toContain('firewall_deny');
  });

  it('writes the normalized action and keeps the source word in extra as action_original', () => {
    const enc = new BatchEncoder();
    const base = { ts: Date.parse('2026-10-05T00:00:00Z'), timeRaw: 'x', timeZone: 'UTC' };
    const events: ParsedEvent[] = [
      { ...base, category: 'process', action: 'ProcessCreated', extraJson: '{"DeviceId":"a1"}' },
      { ...base, category: 'firewall', action: 'accept', extra: { policyid: '7' } },
      { ...base, category: 'web', action: 'GET' },
      { ...base, category: 'process', action: 'process_start', extraJson: '{}' },
    ];
    enc.addRecord({ number: 1, offset: 0, length: 1, raw: 'x', outcome: { kind: 'events', events } } as unknown as ReadRecord);
    const batch = enc.take();
    const text = (cell: number) => Buffer.from(batch.text.buffer, batch.text.byteOffset + batch.values[cell]!, batch.lengths[cell]).toString('utf8');
    const ACTION = BATCH_COLUMNS.indexOf('action');
    const EXTRA = BATCH_COLUMNS.indexOf('extra_values');
    const SHAPE = BATCH_COLUMNS.indexOf('extra_shape');
    const extra = new ExtraReference().add(batch.extraDictionary);
    const stored = (r: number) => extra.text(batch.kinds[r * WIDTH + SHAPE] ? batch.values[r * WIDTH + SHAPE]! : null, text(r * WIDTH + EXTRA))!;
    const row = (r: number) => ({ action: text(r * WIDTH + ACTION), extra: batch.kinds[r * WIDTH + EXTRA] ? JSON.parse(stored(r)) : null });
    expect(row(0)).toEqual({ action: 'process_start', extra: { action_original: 'ProcessCreated', DeviceId: 'a1' } });
    expect(row(1)).toEqual({ action: 'firewall_allow', extra: { action_original: 'accept', policyid: '7' } });
    expect(row(2)).toEqual({ action: 'http_request', extra: { action_original: 'GET' } });
    // Already in the vocabulary: nothing to keep.
    expect(row(3)).toEqual({ action: 'process_start', extra: {} });
  });
});
