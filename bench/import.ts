import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupFile } from '../tests/e2e/backup-file';
import { installed, launchWithExtension } from '../tests/e2e/launch';
import { tempDir } from '../tests/e2e/temp';
import { median, round } from './stats';

const EXTENSION = resolve('.output/chrome-mv3');

/**
 * Importing a large backup through the options page of the built extension, as a person would:
 * choose the file, press Import, wait for the words that say what was added. Measured in the
 * page: the total time from the click to those words, and the longest the page's thread was held
 * (the longest `longtask` entry, and the longest gap between two animation frames, which also
 * catches work the long-task timing leaves out).
 */
export async function benchImport(opts: { urges?: number; runs?: number } = {}) {
  const { urges = 200_000, runs = 3 } = opts;
  const dir = tempDir('br-import-');
  const path = join(dir, 'backup.json');
  const text = backupFile({ urges });
  writeFileSync(path, text);
  const measured: { totalMs: number; longestTaskMs: number; longestFrameGapMs: number }[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      // A fresh profile each run: every import writes into an empty database.
      const context = await launchWithExtension(EXTENSION);
      try {
        const id = await installed(context);
        const page = await context.newPage();
        await page.goto(`chrome-extension://${id}/options.html`);
        await page.getByLabel('Backup file').setInputFiles(path);
        await page.evaluate(() => {
          const w = window as unknown as { benchLongest: { task: number; gap: number; stop: boolean } };
          w.benchLongest = { task: 0, gap: 0, stop: false };
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) w.benchLongest.task = Math.max(w.benchLongest.task, entry.duration);
          }).observe({ type: 'longtask' });
          let last = performance.now();
          const frame = (t: number) => {
            w.benchLongest.gap = Math.max(w.benchLongest.gap, t - last);
            last = t;
            if (!w.benchLongest.stop) requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        });
        const started = await page.evaluate(() => performance.now());
        await page.getByRole('button', { name: 'Import' }).click();
        await page.getByText(/^Imported \d+ urges/).waitFor({ timeout: 600_000 });
        const result = await page.evaluate((started) => {
          const w = window as unknown as { benchLongest: { task: number; gap: number; stop: boolean } };
          w.benchLongest.stop = true;
          return { totalMs: performance.now() - started, task: w.benchLongest.task, gap: w.benchLongest.gap };
        }, started);
        measured.push({ totalMs: result.totalMs, longestTaskMs: result.task, longestFrameGapMs: result.gap });
      } finally {
        await context.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    urges,
    fileMb: round(text.length / 1024 / 1024),
    runs,
    totalMs: round(median(measured.map((m) => m.totalMs))),
    longestTaskMs: round(median(measured.map((m) => m.longestTaskMs))),
    longestFrameGapMs: round(median(measured.map((m) => m.longestFrameGapMs))),
    each: measured.map((m) => ({
      totalMs: round(m.totalMs),
      longestTaskMs: round(m.longestTaskMs),
      longestFrameGapMs: round(m.longestFrameGapMs),
    })),
  };
}
