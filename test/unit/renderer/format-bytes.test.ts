import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../renderer/src/lib/format-bytes';
import { formatCount } from '../../../renderer/src/lib/format-number';

describe('formatBytes', () => {
  it('shows small sizes in bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1)).toBe('1 B');
    expect(formatBytes(1023)).toBe('1023 B');
  });

  it('uses binary units with one decimal below 10', () => {
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(10 * 1024)).toBe('10 KiB');
    expect(formatBytes(700 * 1024 * 1024)).toBe('700 MiB');
    expect(formatBytes(3.25 * 1024 ** 3)).toBe('3.3 GiB');
  });

  it('carries into the next unit instead of printing 1024', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.0 MiB');
  });

  it('rejects nonsense', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatCount', () => {
  it('groups thousands the same way in every locale', () => {
    expect(formatCount(1048576)).toBe('1,048,576');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
