// Stage co-occurrence within the chain window: two malicious stages on one host make it
// infected only when they happened together (a download, then a Run key minutes later), not a
// download on one day and an unrelated Run key a week later.
import { describe, expect, it } from 'vitest';
import type { Finding, Stage } from '../../../electron/common/detect';
import { executionInfections } from '../../../electron/engine/detect/story/infection';

const tree = { officeAncestor: () => null };
const finding = (stage: Stage, time: string, n: number): Finding => ({
  id: `r${n}:ws-07:${n}`,
  rule: `r${n}`,
  title: `${stage} rule`,
  severity: 'high',
  attack: [],
  stage,
  host: 'ws-07',
  user: null,
  time,
  event_ids: [n],
  reasons: [],
});

describe('executionInfections: stages within the window', () => {
  it('a download and a Run key ten minutes apart make the host infected', () => {
    const out = executionInfections([finding('download', '2026-10-05T00:00:00.000Z', 1), finding('persistence', '2026-10-05T00:10:00.000Z', 2)], new Map(), tree);
    expect(out.get('ws-07')?.reasons).toEqual(['download, persistence on the same host']);
  });

  it('a week apart they do not, unless the window is widened to cover them', () => {
    const list = [finding('download', '2026-10-05T00:00:00.000Z', 1), finding('persistence', '2026-10-12T00:00:00.000Z', 2)];
    expect(executionInfections(list, new Map(), tree).has('ws-07')).toBe(false);
    expect(executionInfections(list, new Map(), tree, 24 * 8).has('ws-07')).toBe(true);
  });

  it('a high beacon long before the execution does not corroborate it', () => {
    const beacon = { ...finding('c2', '2026-09-01T00:00:00.000Z', 3), rule: 'beacon' };
    expect(executionInfections([finding('execution', '2026-10-05T00:00:00.000Z', 1), beacon], new Map(), tree).has('ws-07')).toBe(false);
    expect(executionInfections([finding('execution', '2026-10-05T00:00:00.000Z', 1), { ...beacon, time: '2026-10-05T00:03:00.000Z' }], new Map(), tree).has('ws-07')).toBe(true);
  });
});
