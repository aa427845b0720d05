// Every story: dark theme, right to left, phone (375 px). English stories get the locale 'he':
// mfa-kit has no Hebrew catalog, so the text stays English (the play functions' queries hold)
// while the layout is right to left. Stories with their own locale (Arabic, German…) keep it.
import { screenshotEveryStory } from './support/storyScreenshots';

screenshotEveryStory({
  name: 'dark-rtl-phone',
  width: 375,
  height: 740,
  globals: { theme: 'dark', locale: 'he' },
  shrinkWrap: false,
});
