import { hostSuffixes } from './hosts';
import type { PlatformId } from './platforms';

/**
 * Anonymous viewers: sites that show someone's Instagram or X profile without the viewer being
 * seen or signed in. Each is a domain and the path shapes of a person's page on it, `{h}` standing
 * for their handle on the platform it mirrors. Their profiles are stopped here like on the
 * platform itself, on a full load (the rules) and on a route change (the route guard).
 *
 * To add one: its domains, the platform it mirrors, and its profile path shapes. Viewers come and
 * go; a domain that no longer serves is harmless here.
 */
export interface Viewer {
  id: string;
  domains: readonly string[];
  platform: PlatformId;
  paths: readonly string[];
}

export const VIEWERS: readonly Viewer[] = [
  { id: 'picuki', domains: ['picuki.com'], platform: 'instagram', paths: ['/profile/{h}'] },
  { id: 'picnob', domains: ['picnob.com'], platform: 'instagram', paths: ['/profile/{h}'] },
  { id: 'pixwox', domains: ['pixwox.com'], platform: 'instagram', paths: ['/profile/{h}'] },
  { id: 'imginn', domains: ['imginn.com'], platform: 'instagram', paths: ['/{h}', '/stories/{h}', '/tagged/{h}'] },
  { id: 'dumpor', domains: ['dumpor.com', 'dumpor.io'], platform: 'instagram', paths: ['/v/{h}'] },
  { id: 'greatfon', domains: ['greatfon.com'], platform: 'instagram', paths: ['/v/{h}'] },
  { id: 'insta-stories-viewer', domains: ['insta-stories-viewer.com'], platform: 'instagram', paths: ['/{h}'] },
  {
    id: 'inflact',
    domains: ['inflact.com'],
    platform: 'instagram',
    paths: ['/instagram-viewer/profile/{h}', '/profiles/instagram-viewer/{h}'],
  },
  {
    id: 'nitter',
    domains: ['nitter.net', 'nitter.poast.org', 'nitter.privacydev.net'],
    platform: 'x',
    paths: ['/{h}'],
  },
  { id: 'xcancel', domains: ['xcancel.com'], platform: 'x', paths: ['/{h}'] },
  { id: 'twstalker', domains: ['twstalker.com'], platform: 'x', paths: ['/{h}'] },
  { id: 'sotwe', domains: ['sotwe.com'], platform: 'x', paths: ['/{h}'] },
];

export const VIEWER_DOMAINS: readonly string[] = [...new Set(VIEWERS.flatMap((v) => v.domains))];

const byDomain = new Map<string, Viewer>();
for (const viewer of VIEWERS) for (const domain of viewer.domains) byDomain.set(domain, viewer);

const viewerByHost = new Map<string, Viewer | null>();

/** The viewer a host belongs to, by its most specific listed domain. */
export function viewerForHost(host: string): Viewer | null {
  const known = viewerByHost.get(host);
  if (known !== undefined) return known;
  let found: Viewer | null = null;
  for (const suffix of hostSuffixes(host)) {
    const viewer = byDomain.get(suffix);
    if (viewer) {
      found = viewer;
      break;
    }
  }
  if (viewerByHost.size >= 500) viewerByHost.clear();
  viewerByHost.set(host, found);
  return found;
}

/** Whether `path` (decoded, lower case) is a page of `handle` on `viewer`, on whole segments. */
export function viewerPageOf(viewer: Viewer, path: string, handle: string): boolean {
  return viewer.paths.some((shape) => {
    const prefix = shape.replace('{h}', handle);
    return path === prefix || (path.startsWith(prefix) && path[prefix.length] === '/');
  });
}
