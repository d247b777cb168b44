// Indicator URLs told apart: a credential-phishing page from an IOC list is not a payload URL.
import { describe, expect, it } from 'vitest';
import { classifyIocUrl } from '../../../electron/engine/detect/story/urls';

describe('indicator URL kinds', () => {
  it('a sign-in page or a lure document is phishing, whatever the feed omits', () => {
    expect(classifyIocUrl('https://mail.contoso-login.example/owa/auth/logon.aspx', null)).toBe('phishing');
    expect(classifyIocUrl('http://invoice-portal.example/dl/%E8%AB%8B%E6%B1%82%E6%9B%B8.doc', null)).toBe('phishing');
  });

  it('executables, archives and loader paths are payloads', () => {
    expect(classifyIocUrl('http://cdn-hokkaido.example/assets/kfx.ocx', null)).toBe('payload');
    expect(classifyIocUrl('http://shop-kobe.example/wp-content/x7/', null)).toBe('payload');
    expect(classifyIocUrl('http://a.example/files/update.dll', null)).toBe('payload');
  });

  it("another web page is an indicator URL of its own; the feed's label wins", () => {
    expect(classifyIocUrl('http://tracker.example/stats/count.php', null)).toBe('other');
    expect(classifyIocUrl('http://tracker.example/stats/count.php', 'Emotet loader download')).toBe('payload');
    expect(classifyIocUrl('http://x.example/a/b.exe', 'credential phishing kit')).toBe('phishing');
  });
});
