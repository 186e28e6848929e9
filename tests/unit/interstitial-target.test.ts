import { describe, expect, it } from 'vitest';
import { interstitialHref, readInterstitialTarget } from '@/lib/interstitial-target';

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
