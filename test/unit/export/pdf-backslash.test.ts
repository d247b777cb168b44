// "As written" includes the glyph: IPA Gothic (the Japanese report font) draws U+005C as a yen
// sign, so a Windows path read C:¥Users¥tanaka.h. Latin runs (paths, command lines) are set in
// the bundled DejaVu Sans, whose U+005C is a backslash; the report still extracts as written.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { addNote } from '../../../electron/engine/custody/actions';
import { CaseSession } from '../../../electron/engine/custody/session';
import { writePdfReport } from '../../../electron/engine/export/pdf/report';
import { fontRuns } from '../../../electron/engine/export/pdf/writer';
import { repoRoot } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';
import { buildExportCase } from './helpers';

const PATH = 'C:\\Users\\tanaka.h\\AppData\\Local\\Temp\\請求書.doc';
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(f: string): { glyphForCodePoint(cp: number): { name: string } } };

describe('backslashes in the Japanese PDF', () => {
  it('sets Latin runs (with their backslashes) apart from Japanese ones', () => {
    expect(fontRuns(PATH)).toEqual([
      { latin: true, text: 'C:\\Users\\tanaka.h\\AppData\\Local\\Temp\\' },
      { latin: false, text: '請求書' },
      { latin: true, text: '.doc' },
    ]);
  });

  it('the Latin font is bundled with its licence and draws U+005C as a backslash; the Japanese one does not', () => {
    const fonts = path.join(repoRoot, 'resources', 'fonts');
    expect(existsSync(path.join(fonts, 'DejaVu_LICENSE.txt'))).toBe(true);
    expect(fontkit.openSync(path.join(fonts, 'DejaVuSans.ttf')).glyphForCodePoint(0x5c).name).toBe('backslash');
    expect(fontkit.openSync(path.join(fonts, 'ipag.ttf')).glyphForCodePoint(0x5c).name).not.toBe('backslash');
  });

  it('a path in a note comes out of the Japanese report with backslashes, and DejaVu Sans is embedded', async () => {
    const dir = tempDir();
    const c = await buildExportCase(dir);
    const session = await CaseSession.open(c.casePath, { examiner: 'Reviewer' });
    const file = path.join(dir, 'report-ja.pdf');
    try {
      addNote(session, c.taggedId, `添付ファイル ${PATH} を開いた`);
      await writePdfReport(session, file, { language: 'ja', detection: null });
    } finally {
      session.close();
    }
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('C:\\Users\\tanaka.h');
    expect(text).not.toContain('C:¥Users');
    expect(spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout).toMatch(/DejaVuSans/);
  });
});
