import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  // Storybook loads vite.config.ts: keep React, drop the library build and declaration plugin.
  async viteFinal(viteConfig) {
    const plugins = (viteConfig.plugins ?? []).flat().filter((plugin) => {
      const name = plugin && typeof plugin === 'object' && 'name' in plugin ? String(plugin.name) : '';
      return !name.includes('dts') && name !== 'mfa-kit:emit-stylesheet';
    });
    const { lib: _lib, rollupOptions: _rollup, ...build } = viteConfig.build ?? {};
    return { ...viteConfig, plugins, build };
  },
};

export default config;
