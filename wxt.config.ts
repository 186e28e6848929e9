import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { domainPattern, GUARDED_DOMAINS } from './lib/detection/guarded-sites';

// Debian and Ubuntu's Chromium, used by `npm run dev` when no other Chrome is configured.
const debianChromium = '/usr/lib/chromium/chromium';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Breathing Room',
    description:
      'A kind pause before social and messaging sites during a no-contact period. Everything stays on your device.',
    permissions: ['storage', 'declarativeNetRequest', 'alarms'],
    // Redirecting a visit with declarativeNetRequest needs host access to the visited site, so we
    // ask ahead only for the catalog, the profile platforms and the search engines. Custom sites
    // and other profile pages are asked for, one origin at a time, when the user adds them.
    host_permissions: GUARDED_DOMAINS.map(domainPattern),
    optional_host_permissions: ['*://*/*'],
    // The pause page must be reachable from any site (the rules send visits there), but no site
    // may load it to learn that Breathing Room is installed: Chrome gives it a per-session
    // address (`use_dynamic_url`); Firefox's extension address is already random per install.
    web_accessible_resources: [
      {
        resources: ['interstitial.html'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    action: { default_title: 'Breathing Room' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'breathing-room@breathingroom.app',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The popup is built on its own, so it loads its code in three files (its own, React DOM and
    // the bundler's runtime) rather than the ten chunks it shared with the other pages: each file
    // an extension page loads costs a round trip to the browser process before any script runs,
    // and the popup is the page opened most, on impulse. It costs the package a second copy of
    // React DOM; see the README's "Speed" section for the figures.
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        const popup = Array.isArray(group) && group.length > 1 ? group.findIndex((e) => e.name === 'popup') : -1;
        if (Array.isArray(group) && popup >= 0) {
          groups.push(group.splice(popup, 1));
          return;
        }
      }
    },
    // The pages share one build with code splitting: there, React DOM goes in a chunk of its own,
    // so store reviewers (and web-ext lint, whose only warnings are React DOM's own innerHTML
    // assignments) can tell its code from ours. Scripts built as single files are left alone.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.inputPath.endsWith('.html'))) return;
      const output = config.build?.rollupOptions?.output;
      if (!output || Array.isArray(output)) return;
      output.manualChunks = (id: string) => (/[\\/]node_modules[\\/]react-dom[\\/]/.test(id) ? 'react-dom' : undefined);
    },
  },
  webExt: {
    binaries: !process.env.CHROME_PATH && existsSync(debianChromium) ? { chrome: debianChromium } : undefined,
    // Chromium refuses to start as root (containers, CI boxes) unless its sandbox is off.
    chromiumArgs: ['--no-first-run', '--disable-sync', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  },
});
