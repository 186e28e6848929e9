import { describe, expect, it } from 'vitest';
import { neededHosts } from '@/lib/background/needed-hosts';
import { describeGaps, type Gap, gapsHeading, parseHealth } from '@/lib/background/protection-health';
import { CATALOG } from '@/lib/detection/catalog';
import { domainPattern, GUARDED_DOMAINS } from '@/lib/detection/guarded-sites';
import { originsToAsk } from '@/lib/settings/site-access';

describe('site access in words', () => {
  const running: Gap = { kind: 'access', hosts: ['instagram.com', 'facebook.com', 'x.com'] };
  const ahead: Gap = { ...running, ahead: true };

  it('during a period, says the sites open without a pause now', () => {
    expect(describeGaps([running])).toEqual([
      'instagram.com, facebook.com and 1 more open without a pause: Breathing Room doesn’t have your browser’s permission to act there.',
    ]);
  });

  it('before a period, says what a period would leave open, never that they open without a pause now', () => {
    expect(describeGaps([ahead])).toEqual([
      'Your browser hasn’t let Breathing Room act on instagram.com, facebook.com and 1 more, so during a period they would open without a pause.',
    ]);
    expect(describeGaps([{ kind: 'access', hosts: ['reddit.com'], ahead: true }])).toEqual([
      'Your browser hasn’t let Breathing Room act on reddit.com, so during a period it would open without a pause.',
    ]);
  });

  it('says plainly when nothing at all is paused, or would be, and heads the warning to match', () => {
    const none: Gap = { ...running, all: true };
    expect(describeGaps([none])).toEqual([
      'Nothing is paused: your browser hasn’t let Breathing Room act on any of the sites it pauses (instagram.com, facebook.com and 1 more).',
    ]);
    expect(gapsHeading([none])).toBe('Nothing is paused');
    expect(describeGaps([{ ...ahead, all: true }])).toEqual([
      'Your browser hasn’t let Breathing Room act on any of the sites it pauses (instagram.com, facebook.com and 1 more), so during a period nothing would be paused.',
    ]);
    expect(gapsHeading([{ ...ahead, all: true }])).toBe('Breathing Room can’t pause sites yet');
    expect(gapsHeading([ahead])).toBe('Breathing Room can’t pause some sites yet');
    expect(gapsHeading([running])).toBe('Not everything is paused');
    expect(gapsHeading([ahead, { kind: 'rule', source: { kind: 'catalog' } }])).toBe('Not everything is paused');
  });

  it('in the popup, names only the sites everyone knows, and counts the ones the person chose', () => {
    // As the self-check stores it: the manifest's sites first, then the ones the person chose, counted.
    const mixed: Gap = { kind: 'access', hosts: ['instagram.com', 'jordanrivers.com', 'strava.com'], chosen: 2 };
    expect(describeGaps([mixed], { names: false })).toEqual([
      'instagram.com and 2 more open without a pause: Breathing Room doesn’t have your browser’s permission to act there.',
    ]);
    expect(describeGaps([{ kind: 'access', hosts: ['jordanrivers.com'], chosen: 1 }], { names: false })).toEqual([
      'A site you chose opens without a pause: Breathing Room doesn’t have your browser’s permission to act there.',
    ]);
    expect(
      describeGaps([{ kind: 'access', hosts: ['jordanrivers.com', 'strava.com'], ahead: true, chosen: 2 }], {
        names: false,
      }),
    ).toEqual([
      'Your browser hasn’t let Breathing Room act on 2 sites you chose, so during a period they would open without a pause.',
    ]);
    // The settings page names them all.
    expect(describeGaps([mixed])[0]).toMatch(/^instagram\.com, jordanrivers\.com and 1 more open/);
  });

  it('names the sites a person knows first: each site’s own domain before its short links and aliases', () => {
    const hosts = neededHosts({
      categories: { social: true, messaging: true },
      person: [],
      names: [],
      neverContinueToPerson: true,
      custom: [],
    });
    expect(hosts.slice(0, CATALOG.length)).toEqual(CATALOG.map((site) => site.domains[0]));
    expect(hosts.slice(0, 3)).toEqual(['instagram.com', 'facebook.com', 'messenger.com']);
    expect(new Set(hosts)).toEqual(new Set(CATALOG.flatMap((site) => site.domains)));
  });

  it('keeps "ahead" through storage, and drops what is not a gap', () => {
    const whole: Gap = { ...ahead, all: true };
    const stored = JSON.parse(
      JSON.stringify({ checkedAt: 5, gaps: [ahead, running, whole, { kind: 'access', hosts: [] }] }),
    );
    expect(parseHealth(stored).gaps).toEqual([ahead, running, whole]);
    expect(parseHealth({ checkedAt: 5, gaps: [{ ...running, ahead: 'yes' }] }).gaps).toEqual([running]);
  });
});

describe('asking for access again', () => {
  it('asks for every site the manifest names when one of them was withheld, so one answer covers a period', () => {
    const origins = originsToAsk(['instagram.com', 'strava.com']);
    expect(origins).toEqual(expect.arrayContaining(GUARDED_DOMAINS.map(domainPattern)));
    expect(origins).toEqual(expect.arrayContaining(['*://strava.com/*', '*://*.strava.com/*']));
    expect(new Set(origins).size).toBe(origins.length);
  });

  it('asks only for the sites of its own when none of the manifest’s was withheld', () => {
    expect(originsToAsk(['strava.com'])).toEqual(['*://strava.com/*', '*://*.strava.com/*']);
  });
});
