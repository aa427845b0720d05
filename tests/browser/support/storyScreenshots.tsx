/// <reference types="vite/client" />
// Visual regression over every story in stories/: each story runs its play function (so the
// screenshot shows the state it is named for) and is compared with a committed screenshot in
// tests/browser/screenshots/stories/ (Debian's Chromium). One test file per variant of the matrix
// (stories.*.visual.browser.test.tsx), so the two run side by side.
// Time and randomness are frozen (deterministic.ts), so countdowns, TOTP codes, secrets, QR codes
// and recovery codes repeat. After a deliberate visual change:
// `npm run test:browser -- --update`, look at the new images, commit them.

// First, for its side effects: the clock stops before the demo simulator (in preview) is created.
import './deterministic';
import { composeStories, type ReactRenderer } from '@storybook/react-vite';
import type { ComposedStoryFn } from 'storybook/internal/types';
import { clearAllMocks } from 'storybook/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, page } from 'vitest/browser';
import preview from '../../../.storybook/preview';
import { reseed } from './deterministic';

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Chromium's forced-colors emulation (vitest.browser.config.ts). */
    emulateForcedColors(active: boolean): Promise<void>;
  }
}

export interface Variant {
  /** Part of each screenshot's file name. */
  name: string;
  width: number;
  height: number;
  /** Toolbar globals a story does not set itself. */
  globals: { theme: 'light' | 'dark'; locale: string };
  /** Shrink the frame to its content, at least 40rem (smaller images on wide viewports). */
  shrinkWrap: boolean;
}

/** What a story may ask of its screenshot (`parameters.visual`). */
export interface VisualParameters {
  /** Emulate Windows high contrast (Chromium `forced-colors: active`). */
  forcedColors?: boolean;
  /** Viewport width in CSS pixels instead of the variant's, e.g. 640 for 200 % zoom of 1280. */
  width?: number;
}

const compare = {
  comparatorName: 'pixelmatch',
  // A changed pixel count above 0.2 % of the image fails.
  comparatorOptions: { threshold: 0.1, allowedMismatchedPixelRatio: 0.002 },
  timeout: 10_000,
} as const;

// Story modules load after the clock is frozen (the side-effect import above runs first).
const files = import.meta.glob<Record<string, unknown>>('../../../stories/*.stories.tsx');
const modules = await Promise.all(
  Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(async ([path, load]) => ({
      file: path.replace(/^.*\//, '').replace(/\.stories\.tsx$/, ''),
      module: await load(),
    })),
);

const slug = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** What to photograph: an open dialog (portalled to <body>) when there is one, else the story's frame. */
function subject(canvas: HTMLElement): HTMLElement {
  const dialogs = [...document.querySelectorAll<HTMLElement>('[role="dialog"], [role="alertdialog"]')];
  return dialogs.at(-1) ?? canvas;
}

/**
 * Resolves once the page has not changed for `quietMs` (at most `maxMs`): a story's last await can
 * land a moment before the render it causes, and the viewport is sized from the settled page.
 */
function settled(quietMs = 50, maxMs = 1000): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(limit);
      resolve();
    };
    let quiet = setTimeout(done, quietMs);
    const limit = setTimeout(done, maxMs);
    const observer = new MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

/** Defines one test per story: run it to its named state, then compare the screenshot. */
export function screenshotEveryStory(variant: Variant): void {
  let style: HTMLStyleElement;
  let viewport = '';
  let forcedColors = false;
  beforeAll(() => {
    // Blinking carets and transitions would make two screenshots of the same state differ.
    style = document.createElement('style');
    style.textContent =
      '*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }' +
      ' html, body { margin: 0; }';
    document.head.append(style);
  });
  afterAll(async () => {
    style.remove();
    if (forcedColors) await commands.emulateForcedColors(false);
  });

  describe(variant.name, () => {
    for (const { file, module } of modules) {
      const stories = composeStories(module as Parameters<typeof composeStories>[0], {
        ...preview,
        initialGlobals: variant.globals,
      });
      for (const [exportName, story] of Object.entries(stories) as [
        string,
        ComposedStoryFn<ReactRenderer>,
      ][]) {
        const visual = ((story.parameters ?? {}) as { visual?: VisualParameters }).visual ?? {};
        it(`${file} / ${story.storyName}`, async () => {
          const size = `${visual.width ?? variant.width}x${variant.height}`;
          if (size !== viewport) {
            await page.viewport(visual.width ?? variant.width, variant.height);
            viewport = size;
          }
          if ((visual.forcedColors === true) !== forcedColors) {
            forcedColors = visual.forcedColors === true;
            await commands.emulateForcedColors(forcedColors);
          }
          sessionStorage.clear();
          clearAllMocks();
          reseed(1);
          const canvas = document.createElement('div');
          if (variant.shrinkWrap && visual.width === undefined)
            // At least 40rem wide, so a card (30rem) lays out as on a wide page; wider content grows it.
            canvas.style.cssText =
              'display: inline-block; min-inline-size: min(100vw, 40rem); max-inline-size: 100vw;';
          document.body.append(canvas);
          try {
            await story.run({ canvasElement: canvas });
            await settled();
            // Content below the viewport would come out blank: grow the viewport to the story's height.
            const target = subject(canvas);
            const bottom = Math.ceil(Math.max(target.getBoundingClientRect().bottom, canvas.scrollHeight));
            if (bottom > variant.height) {
              await page.viewport(visual.width ?? variant.width, bottom);
              viewport = `${visual.width ?? variant.width}x${bottom}`;
            }
            await expect
              .element(page.elementLocator(target))
              .toMatchScreenshot(`stories/${slug(file)}--${slug(exportName)}-${variant.name}`, compare);
          } finally {
            canvas.remove();
          }
        });
      }
    }
  });
}
