// API reports (API Extractor) for every public entry point, read from the built `.d.ts` in dist/.
// `npm run check:api` fails when a report in tests/api/ differs from the build: a change of the
// public surface is then a reviewed diff. `npm run api:update` rewrites the reports.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { entries } from './entries.mjs';

const root = resolve(import.meta.dirname, '..');
const update = process.argv.includes('--update');

/** Report name → declaration entry, one per `exports` subpath with code (scripts/entries.json). */
const reports = Object.fromEntries(entries.map((entry) => [entry.report, entry.types]));

let failed = false;
for (const [reportName, entry] of Object.entries(reports)) {
  if (!existsSync(join(root, entry))) throw new Error(`${entry} is missing: run \`npm run build\` first.`);
  const config = ExtractorConfig.prepare({
    configObjectFullPath: join(root, 'api-extractor.json'),
    packageJsonFullPath: join(root, 'package.json'),
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: join(root, entry),
      bundledPackages: [],
      compiler: { tsconfigFilePath: join(root, 'tsconfig.build.json') },
      apiReport: {
        enabled: true,
        reportFileName: `${reportName}.api.md`,
        reportFolder: join(root, 'tests/api'),
        reportTempFolder: join(root, 'node_modules/.cache/api-extractor'),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        // The whole package is public API; release tags (@public/@beta) would add nothing here.
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          'ae-missing-release-tag': { logLevel: 'none' },
          'ae-undocumented': { logLevel: 'none' },
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
  });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  if (result.succeeded) {
    console.log(`${reportName}: API report ${result.apiReportChanged ? 'updated' : 'unchanged'}`);
  } else {
    failed = true;
    const built = join(root, 'node_modules/.cache/api-extractor', `${reportName}.api.md`);
    spawnSync(
      'git',
      ['--no-pager', 'diff', '--no-index', '--', join(root, 'tests/api', `${reportName}.api.md`), built],
      {
        stdio: 'inherit',
      },
    );
    console.error(
      `${reportName}: the public API differs from tests/api/${reportName}.api.md ` +
        `(${result.errorCount} errors, ${result.warningCount} warnings). ` +
        'Review the change, then run `npm run api:update` and commit the report.',
    );
  }
}
if (failed) process.exit(1);
