import { describe, expect, it } from 'vitest';
import {
  defaultLayout,
  gridTemplate,
  hide,
  minimumWidth,
  move,
  moveBefore,
  pinnedOffsets,
  resize,
  sanitizeLayout,
  show,
  togglePin,
  visibleColumns,
} from '../../../renderer/src/features/timeline/column-layout';
import { familyOfFormat, SOURCE_FAMILIES, viewFamily } from '../../../renderer/src/features/timeline/source-family';

const ids = (l: ReturnType<typeof defaultLayout>) => visibleColumns(l).map((c) => c.id);

// The centre pane of a 1,366 px window with the left (200) and right (320) panes open, two
// splitters and a vertical scrollbar: the default columns must fit it.
const CENTRE_AT_1366 = 1366 - 200 - 320 - 2 * 5 - 15;

describe('column layout', () => {
  it('every family default fits the centre pane at 1,366 px', () => {
    for (const family of SOURCE_FAMILIES) {
      expect(minimumWidth(defaultLayout(family), 4), family).toBeLessThanOrEqual(CENTRE_AT_1366);
    }
  });

  it('moves columns by keyboard steps and by drop target', () => {
    const l = defaultLayout('mixed');
    expect(ids(move(l, 'host', 1)).slice(0, 3)).toEqual(['time', 'category', 'host']);
    expect(ids(move(l, 'time', -1))).toEqual(ids(l));
    expect(ids(moveBefore(l, 'message', 'host')).slice(0, 3)).toEqual(['time', 'message', 'host']);
    expect(ids(moveBefore(l, 'time', null)).at(-1)).toBe('time');
  });

  it('hides and shows columns, never the last one', () => {
    let l = defaultLayout('proxy');
    l = hide(l, 'user');
    expect(ids(l)).not.toContain('user');
    l = show(l, 'user');
    expect(ids(l).at(-1)).toBe('user');
    let one = { ...l, order: ['time'] };
    one = hide(one, 'time');
    expect(one.order).toEqual(['time']);
  });

  it('resizes within bounds and fixes the flex column once resized', () => {
    let l = defaultLayout('mixed');
    expect(gridTemplate(l, 4)).toContain('minmax(130px, 1fr)');
    l = resize(l, 'message', 10);
    expect(l.widths.message).toBe(40);
    expect(gridTemplate(l, 4)).not.toContain('1fr');
    expect(resize(l, 'host', 99999).widths.host).toBe(1200);
  });

  it('draws pinned columns first, with sticky offsets after the stripe', () => {
    let l = defaultLayout('mixed');
    l = togglePin(l, 'process_name');
    expect(ids(l)[0]).toBe('process_name');
    expect(pinnedOffsets(l, 4).get('process_name')).toBe(4);
    l = togglePin(l, 'host');
    expect(pinnedOffsets(l, 4).get('host')).toBe(4 + 108);
    expect(ids(togglePin(l, 'host'))[1]).not.toBe('host');
  });

  it('drops unknown columns from a stored layout and falls back when nothing is left', () => {
    expect(sanitizeLayout({ order: ['nope', 'host'], widths: { host: 3, nope: 5 }, pinned: ['nope'] }, 'mixed')).toEqual({
      order: ['host'],
      widths: { host: 40 },
      pinned: [],
      flex: 'message',
    });
    expect(sanitizeLayout('garbage', 'edr')).toEqual(defaultLayout('edr'));
    expect(sanitizeLayout({ order: [] }, 'edr')).toEqual(defaultLayout('edr'));
  });
});

describe('source families', () => {
  it('recognizes each family by its format id', () => {
    expect(familyOfFormat('squid')).toBe('proxy');
    expect(familyOfFormat('windows-firewall')).toBe('firewall');
    expect(familyOfFormat('windows-event-xml')).toBe('windows');
    expect(familyOfFormat('defender-hunting-csv')).toBe('edr');
    expect(familyOfFormat('ncsa-access')).toBe('webserver');
    expect(familyOfFormat('plaso-l2tcsv')).toBe('mixed');
  });

  it('a view is one family only when every source is', () => {
    expect(viewFamily(['squid', 'zscaler-nss-web'])).toBe('proxy');
    expect(viewFamily(['squid', 'fortigate'])).toBe('mixed');
    expect(viewFamily([])).toBe('mixed');
    expect(viewFamily(['squid', 'fortigate'], 'process')).toBe('edr');
  });
});
