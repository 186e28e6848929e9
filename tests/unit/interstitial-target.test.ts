import { describe, expect, it } from 'vitest';
import { interstitialHref, newStopKey, pauseBase, readInterstitialTarget } from '@/lib/pause/address';

const BASE = 'chrome-extension://abc/interstitial.html';

describe('readInterstitialTarget', () => {
  it('reads the original address, fragment and all', () => {
    const target = readInterstitialTarget(`${BASE}#https://www.instagram.com/p/x/?a=1#c`);
    expect(target?.url.href).toBe('https://www.instagram.com/p/x/?a=1#c');
    expect(target?.reason).toBe('visit');
  });

  it('round-trips through interstitialHref, with the reason', () => {
    const href = interstitialHref(BASE, 'https://x.com/home', 'open-tab');
    expect(readInterstitialTarget(href)).toMatchObject({ reason: 'open-tab', url: new URL('https://x.com/home') });
  });

  it.each([
    `${BASE}`,
    `${BASE}#`,
    `${BASE}#javascript:alert(1)`,
    `${BASE}#data:text/html,hi`,
    `${BASE}#chrome://settings`,
    `${BASE}#//instagram.com/`,
    `${BASE}#instagram.com`,
    `${BASE}#https://${'a'.repeat(9000)}.com/`,
    'not a url',
  ])('refuses %s', (href) => {
    expect(readInterstitialTarget(href)).toBeNull();
  });

  it('ignores an unknown reason', () => {
    expect(readInterstitialTarget(`${BASE}?reason=admin#https://x.com/`)?.reason).toBe('visit');
  });
});

describe('the stop key', () => {
  const key = newStopKey(new Uint8Array(16).fill(171));

  it('is 32 hex characters from 16 random bytes', () => {
    expect(key).toBe('ab'.repeat(16));
    expect(newStopKey()).toMatch(/^[0-9a-f]{32}$/);
    expect(newStopKey()).not.toBe(newStopKey());
  });

  it('is read from the pause page address, and anything else is no key', () => {
    const base = pauseBase('chrome-extension://id/interstitial.html', key);
    expect(readInterstitialTarget(interstitialHref(base, 'https://www.instagram.com/'))).toMatchObject({
      key,
      reason: 'visit',
    });
    expect(readInterstitialTarget(interstitialHref(base, 'https://www.instagram.com/', 'pass-ended'))).toMatchObject({
      key,
      reason: 'pass-ended',
    });
    for (const bad of ['', 'abc', `${key}0`, key.toUpperCase(), `${key.slice(0, 31)}g`]) {
      expect(readInterstitialTarget(`chrome-extension://id/interstitial.html?k=${bad}#https://x.com/`)?.key).toBeNull();
    }
    expect(readInterstitialTarget('chrome-extension://id/interstitial.html#https://x.com/')?.key).toBeNull();
  });
});
