import { describe, expect, it } from 'vitest';
import { addressWithoutToken, rpcUrl, uploadUrl } from '../../../renderer/src/client/serve-location';

describe('serve mode addresses', () => {
  it('puts the RPC socket beside the page', () => {
    expect(rpcUrl({ protocol: 'http:', host: '127.0.0.1:4173' })).toBe('ws://127.0.0.1:4173/rpc');
    expect(rpcUrl({ protocol: 'https:', host: 'localhost:8443' })).toBe('wss://localhost:8443/rpc');
  });

  it('strips only the token from the address, keeping path, other params and hash', () => {
    expect(addressWithoutToken('http://127.0.0.1:4173/?token=abc123')).toBe('/');
    expect(addressWithoutToken('http://127.0.0.1:4173/index.html?x=1&token=abc&y=2#ev')).toBe(
      '/index.html?x=1&y=2#ev',
    );
    expect(addressWithoutToken('http://127.0.0.1:4173/?x=1')).toBeNull();
  });

  it('builds a relative upload URL with the name encoded', () => {
    expect(uploadUrl({ name: '侵入 ログ&a=b.csv', lastModified: 1759622400000 })).toBe(
      'upload?name=%E4%BE%B5%E5%85%A5%20%E3%83%AD%E3%82%B0%26a%3Db.csv&mtime=1759622400000',
    );
  });
});
