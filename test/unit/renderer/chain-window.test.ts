// The chain window typed in the incident view: hours above 0 and at most a year, full-width
// digits (a Japanese IME's) read as digits; anything else is not sent to the engine.
import { describe, expect, it } from 'vitest';
import { chainWindowStore, DEFAULT_CHAIN_WINDOW_HOURS, MAX_CHAIN_WINDOW_HOURS, parseChainWindow } from '../../../renderer/src/features/story/chain-window';

describe('chain window', () => {
  it('reads hours as typed, full-width digits too', () => {
    expect(parseChainWindow('48')).toBe(48);
    expect(parseChainWindow(' 1.5 ')).toBe(1.5);
    expect(parseChainWindow('７２')).toBe(72);
    expect(parseChainWindow(String(MAX_CHAIN_WINDOW_HOURS))).toBe(MAX_CHAIN_WINDOW_HOURS);
  });

  it('refuses what is not a usable window', () => {
    for (const bad of ['', '0', '-3', 'abc', '1e3', String(MAX_CHAIN_WINDOW_HOURS + 1), '24h']) expect(parseChainWindow(bad), bad).toBeNull();
  });

  it('is remembered per case, 24 h until changed', () => {
    const a = chainWindowStore('case-a');
    const b = chainWindowStore('case-b');
    expect(a.get()).toBe(DEFAULT_CHAIN_WINDOW_HOURS);
    a.set(72);
    expect(chainWindowStore('case-a').get()).toBe(72);
    expect(b.get()).toBe(DEFAULT_CHAIN_WINDOW_HOURS);
  });
});
