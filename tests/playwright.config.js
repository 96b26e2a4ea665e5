// End-to-end tests in Debian's Chromium against the release build in dist/, served by
// e2e/server.mjs on 127.0.0.1. Playwright never downloads a browser here.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 8081);

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.mjs',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    locale: 'ru-RU',
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  webServer: {
    command: `node e2e/server.mjs`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/favicon.svg`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
