import { describe, expect, it } from 'vitest';
import { matchUrl } from '@/lib/detection/match-url';
import { describeTarget, parseProfileLine, parseProfiles, personTargets } from '@/lib/detection/person';
import { JORDAN_PROFILES, policy } from './policies';

describe('parseProfileLine: links and handles for each platform', () => {
  it.each([
    // [what the user pasted, what it should read as]
    ['https://www.instagram.com/jordan.rivers/', 'Instagram · @jordan.rivers'],
    ['instagram.com/Jordan.Rivers?igsh=abc', 'Instagram · @jordan.rivers'],
    ['https://instagram.com/stories/jordan.rivers/3141592/', 'Instagram · @jordan.rivers'],
    ['instagram:@jordan.rivers', 'Instagram · @jordan.rivers'],
    ['ig: jordan.rivers', 'Instagram · @jordan.rivers'],
    ['https://www.facebook.com/jordan.rivers.5', 'Facebook · jordan.rivers.5'],
    ['https://m.facebook.com/jordan.rivers.5/photos', 'Facebook · jordan.rivers.5'],
    ['https://www.facebook.com/profile.php?id=100012345678901', 'Facebook · profile 100012345678901'],
    ['https://www.facebook.com/people/Jordan-Rivers/100012345678901/', 'Facebook · profile 100012345678901'],
    ['fb:jordan.rivers.5', 'Facebook · jordan.rivers.5'],
    ['https://x.com/JordanRivers', 'X (Twitter) · @jordanrivers'],
    ['https://twitter.com/jordanrivers/status/1234567890', 'X (Twitter) · @jordanrivers'],
    ['https://mobile.twitter.com/jordanrivers', 'X (Twitter) · @jordanrivers'],
    ['https://twitter.com/intent/user?screen_name=JordanRivers', 'X (Twitter) · @jordanrivers'],
    ['twitter:@jordanrivers', 'X (Twitter) · @jordanrivers'],
    ['https://www.tiktok.com/@jordan.rivers', 'TikTok · @jordan.rivers'],
    ['https://www.tiktok.com/@jordan.rivers/video/7301234567890', 'TikTok · @jordan.rivers'],
    ['tiktok:@jordan.rivers', 'TikTok · @jordan.rivers'],
    ['https://www.threads.net/@jordan.rivers', 'Threads · @jordan.rivers'],
    ['https://www.threads.com/@jordan.rivers/post/Cabc', 'Threads · @jordan.rivers'],
    ['https://bsky.app/profile/jordanrivers.bsky.social', 'Bluesky · @jordanrivers.bsky.social'],
    ['bsky:jordan.example.com', 'Bluesky · @jordan.example.com'],
    ['https://www.linkedin.com/in/jordan-rivers-4a5b6c/', 'LinkedIn · in/jordan-rivers-4a5b6c'],
    ['https://www.reddit.com/user/jordan_rivers/', 'Reddit · u/jordan_rivers'],
    ['https://old.reddit.com/u/jordan_rivers', 'Reddit · u/jordan_rivers'],
    ['reddit:u/jordan_rivers', 'Reddit · u/jordan_rivers'],
    ['https://www.snapchat.com/add/jordan.rivers', 'Snapchat · jordan.rivers'],
    ['https://snapchat.com/@jordan.rivers', 'Snapchat · jordan.rivers'],
    ['https://www.youtube.com/@JordanRivers', 'YouTube · @jordanrivers'],
    ['youtube:@jordanrivers', 'YouTube · @jordanrivers'],
    ['https://www.strava.com/athletes/12345678', 'strava.com/athletes/12345678'],
    ['https://open.spotify.com/user/jordanr?si=abc', 'open.spotify.com/user/jordanr'],
    ['venmo.com/u/Jordan-Rivers', 'venmo.com/u/jordan-rivers'],
    ['https://jordanrivers.blog/', 'jordanrivers.blog'],
  ])('%s → %s', (line, label) => {
    const target = parseProfileLine(line);
    expect('error' in target ? target.error : describeTarget(target)).toBe(label);
  });

  it.each([
    ['https://www.instagram.com/', /front page/],
    ['https://www.instagram.com/p/Cxyz123/', /Instagram page/],
    ['https://www.instagram.com/explore/', /Instagram page/],
    ['https://www.facebook.com/groups/123', /Facebook page/],
    ['https://www.facebook.com/profile.php', /profile number/],
    ['https://x.com/home', /X page/],
    ['myspace:tom', /isn't a platform we know/],
    ['instagram:', /Add the Instagram handle/],
    ['instagram:jordan rivers', /doesn't look like/],
    ['x:this_handle_is_far_too_long', /doesn't look like/],
    ['jordan.rivers', /Which site is “jordan.rivers” on/],
    ['@jordan.rivers', /instagram:jordan.rivers/],
    ['Jordan Rivers', /Paste a profile link/],
    ['ftp://files.example.com/jordan', /Only web links/],
    ['mailto:jordan@example.com', /isn't a platform we know|Only web links/],
  ])('%s is refused with a clear reason', (line, error) => {
    const target = parseProfileLine(line);
    expect('error' in target ? target.error : describeTarget(target)).toMatch(error);
  });
});

describe('parseProfiles', () => {
  it('reads every line, keeps its number and text, and skips blanks', () => {
    const lines = parseProfiles('instagram:jordan.rivers\n\n  nonsense here \nhttps://x.com/jordanrivers\r\n');
    expect(lines.map((l) => [l.line, l.ok])).toEqual([
      [1, true],
      [3, false],
      [4, true],
    ]);
    expect(lines[1]).toMatchObject({ text: 'nonsense here' });
  });

  it('drops duplicates from the targets', () => {
    expect(personTargets('instagram:jordan.rivers\nhttps://instagram.com/Jordan.Rivers/')).toHaveLength(1);
  });
});

describe('matching the person, on exact boundaries', () => {
  const them = policy({
    categories: { social: false, messaging: false },
    profiles: JORDAN_PROFILES.join('\n'),
  });

  it.each([
    'https://www.instagram.com/jordan.rivers/',
    'https://www.instagram.com/jordan.rivers',
    'https://www.instagram.com/jordan.rivers/reels/',
    'https://www.instagram.com/stories/jordan.rivers/123/',
    'https://www.instagram.com/JORDAN.RIVERS/?hl=en',
    'https://instagram.com/jordan.rivers/tagged/',
    'https://www.facebook.com/jordan.rivers.5',
    'https://m.facebook.com/jordan.rivers.5/photos',
    'https://web.facebook.com/Jordan.Rivers.5/about',
    'https://www.facebook.com/profile.php?id=100012345678901',
    'https://m.facebook.com/profile.php?sk=photos&id=100012345678901',
    'https://www.facebook.com/people/Jordan-Rivers/100012345678901/',
    'https://x.com/jordanrivers',
    'https://twitter.com/JordanRivers/status/1234567890',
    'https://mobile.twitter.com/jordanrivers/with_replies',
    'https://x.com/intent/follow?screen_name=jordanrivers',
    'https://www.tiktok.com/@jordan.rivers/video/1',
    'https://www.threads.net/@jordan.rivers',
    'https://www.threads.com/@jordan.rivers/replies',
    'https://bsky.app/profile/jordanrivers.bsky.social/post/3k',
    'https://www.linkedin.com/in/jordan-rivers-4a5b6c/details/experience/',
    'https://www.reddit.com/user/jordan_rivers/comments/',
    'https://old.reddit.com/u/Jordan_Rivers',
    'https://www.snapchat.com/add/jordan.rivers',
    'https://www.snapchat.com/@jordan.rivers',
    'https://www.youtube.com/@jordanrivers/videos',
    'https://m.youtube.com/@JordanRivers',
    'https://www.strava.com/athletes/12345678',
    'https://strava.com/athletes/12345678/posts',
  ])('stops %s', (url) => {
    expect(matchUrl(url, them)).toMatchObject({ kind: 'person', context: 'profile', noContinue: true });
  });

  it.each([
    'https://www.instagram.com/jordan.riverside/',
    'https://www.instagram.com/jordan.rivers2/',
    'https://www.instagram.com/jordanriversfan/',
    'https://www.instagram.com/jordan.river/',
    'https://www.instagram.com/someone/jordan.rivers',
    'https://www.instagram.com/',
    'https://www.instagram.com/explore/?q=jordan.rivers',
    'https://www.facebook.com/jordan.rivers.55',
    'https://www.facebook.com/profile.php?id=1000123456789012',
    'https://x.com/jordanrivers_',
    'https://x.com/search?q=jordanrivers',
    'https://www.tiktok.com/jordan.rivers',
    'https://www.tiktok.com/@jordan.riversx',
    'https://www.linkedin.com/in/jordan-rivers/',
    'https://www.reddit.com/r/jordan_rivers/',
    'https://www.youtube.com/jordanrivers',
    'https://www.strava.com/athletes/123456789',
    'https://www.strava.com/athletes/1234567',
    'https://notinstagram.com/jordan.rivers/',
    'https://instagram.com.evil.example/jordan.rivers/',
  ])('does not stop the near miss %s', (url) => {
    expect(matchUrl(url, them)).toBeNull();
  });

  it('puts the person before the category, with the strongest context', () => {
    const all = policy({ profiles: 'instagram:jordan.rivers' });
    expect(matchUrl('https://www.instagram.com/jordan.rivers/', all)?.kind).toBe('person');
    expect(matchUrl('https://www.instagram.com/someone.else/', all)?.kind).toBe('social');
  });

  it('offers Continue on their pages only when the user allows it', () => {
    const soft = policy({ profiles: 'instagram:jordan.rivers', neverContinueToPerson: false });
    expect(matchUrl('https://www.instagram.com/jordan.rivers/', soft)?.noContinue).toBe(false);
  });
});

describe('doubled slashes in a pasted page', () => {
  it('are stored as single ones, as the matcher compares them', () => {
    expect(parseProfileLine('https://www.strava.com//athletes//1/')).toEqual({
      kind: 'page',
      host: 'strava.com',
      path: '/athletes/1',
    });
  });
});
