import AxeBuilder from '@axe-core/playwright';
import type { Dialog, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Zero axe violations (WCAG 2.1 A and AA, and best practice), in light and in dark. */
export async function expectNoViolations(page: Page, state: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      `${state}, ${colorScheme}`,
    ).toEqual([]);
  }
}

/** Tries to close the page and stays when it asks; resolves to the dialogs it raised. */
export async function tryToClose(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  const asked = new Promise<void>((resolve) =>
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss().then(resolve);
    }),
  );
  await page.close({ runBeforeUnload: true });
  await Promise.race([asked, page.waitForTimeout(2_000)]);
  return dialogs;
}

/** Closes the page as a person closing the tab would; resolves to the dialogs it raised. */
export async function closeTab(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  const onDialog = (dialog: Dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  };
  page.on('dialog', onDialog);
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  return dialogs;
}
