// Every command reads its arguments one way (electron/cli/args.ts): an unknown option or a
// language other than en/ja is one usage line with exit 2, worded the same whichever command.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tracelight } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('command-line arguments', () => {
  const dir = tempDir();
  const none = (): string => path.join(dir, 'none.tlcase');
  const commands = (): string[][] => [
    ['ask', none(), 'top 3 domains'],
    ['export', none(), '--pdf', path.join(dir, 'x.pdf')],
    ['incident', none()],
    ['report', 'monthly', dir, '--month', '2026-10'],
  ];

  it('refuses --lang fr with the same line in every command that writes for a reader', () => {
    for (const args of commands()) {
      const r = tracelight([...args, '--lang', 'fr']);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr.trim().split('\n'), args[0]).toEqual(['tracelight: invalid --lang "fr" (en or ja)']);
    }
  });

  it('refuses an unknown option in one line, global table or a command’s own', () => {
    for (const args of [...commands(), ['query', none(), 'SELECT 1'], ['iocs', none(), '--format', 'csv']]) {
      const r = tracelight([...args, '--no-such-option']);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr.trim().split('\n'), args[0]).toHaveLength(1);
      expect(r.stderr, args[0]).toContain("Unknown option '--no-such-option'");
    }
  });
});
