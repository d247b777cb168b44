// Steps most workbench specs start with: create a case in the case picker, then drop evidence
// on the window the way a user's drag from the file manager does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export interface NewCase {
  name: string;
  /** Typed into the case picker's examiner field; the workbench must then show it. */
  examiner?: string;
  /** The case's default zone (an IANA name). */
  timezone?: string;
}

/** Opens `url` (serve's address with its token), creates the case and waits for its workbench. */
export async function createCase(page: Page, url: string, c: NewCase): Promise<void> {
  await page.goto(url);
  if (c.examiner !== undefined) await page.getByTestId('examiner-name').fill(c.examiner);
  await page.getByTestId('new-case-name').fill(c.name);
  if (c.timezone !== undefined) await page.getByTestId('new-case-timezone').fill(c.timezone);
  await page.getByTestId('new-case-submit').click();
  // The drop target is the open case's workbench: wait for it before dropping.
  await expect(page.getByTestId('case-name')).toContainText(c.name);
  if (c.examiner !== undefined) await expect(page.getByTestId('case-examiner')).toHaveText(c.examiner);
}

/** A file made in the test rather than read from disk. */
export interface DropItem {
  name: string;
  data: Buffer | string;
  lastModified?: number;
}

/** Drops files (paths on disk, or items made in the test) on the window in one drag. */
export async function dropFiles(page: Page, files: readonly (string | DropItem)[]): Promise<void> {
  const payload = files.map((f) => {
    const item = typeof f === 'string' ? { name: path.basename(f), data: readFileSync(f) } : f;
    return { name: item.name, data: Buffer.from(item.data).toString('base64'), lastModified: item.lastModified ?? Date.now() };
  });
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], item.name, { lastModified: item.lastModified }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, payload);
}
