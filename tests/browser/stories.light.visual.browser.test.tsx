// Every story: light theme, the story's own locale and direction, desktop (1024 px).
import { screenshotEveryStory } from './support/storyScreenshots';

screenshotEveryStory({
  name: 'light-desktop',
  width: 1024,
  height: 768,
  globals: { theme: 'light', locale: 'en' },
  shrinkWrap: true,
});
