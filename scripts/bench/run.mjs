// `npm run bench`: mfa-kit beside Amplify UI's Authenticator, as a consumer installs both (issue 14).
// Prints gzip -9 bytes of each app's JavaScript, initial (entry chunk and its static imports) and
// total, without and with React + Amplify JS, the ratios to the Authenticator's own weight, then
// the step-up latency that tests/browser measures in Chromium. Exits 1 over a CI limit (goals.mjs).
//   --size   sizes only (what CI runs through tests/bench): no Chromium.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../entries.mjs';
import { checkGoals } from './goals.mjs';
import { apps, installPackedMfaKit, measureApp } from './measure.mjs';

const sizeOnly = process.argv.includes('--size');
const version = (name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

const consumer = installPackedMfaKit();
const results = [];
try {
  for (const app of apps) results.push(await measureApp(consumer.dir, app));
} finally {
  consumer.dispose();
}

const reference = results[0].own.total;
const bytes = (n) => n.toLocaleString('en-US').replaceAll(',', ' ');
const rows = results.map(({ label, own, all }) => [
  label,
  bytes(own.initial),
  bytes(own.total),
  String(own.chunks),
  bytes(all.initial),
  bytes(all.total),
  (own.initial / reference).toFixed(3),
  (own.total / reference).toFixed(3),
]);
const header = [
  'app',
  'initial',
  'total',
  'chunks',
  'initial + host',
  'total + host',
  'initial / Auth.',
  'total / Auth.',
];
console.log(
  `\nmfa-kit ${version('..')} vs @aws-amplify/ui-react ${version('@aws-amplify/ui-react')} — ` +
    `vite ${version('vite')}, react ${version('react')}, aws-amplify ${version('aws-amplify')}, ` +
    `${new Date().toISOString().slice(0, 10)}`,
);
console.log('gzip -9 bytes of JavaScript; "+ host" includes react, react-dom and aws-amplify\n');
console.log(`| ${header.join(' | ')} |\n|${header.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);

const goals = checkGoals(results);
console.log('\n| goal | measured | |\n|---|--:|---|');
for (const { goal, value, ok, withinLimit } of goals) {
  console.log(
    `| ${goal} | ${value} | ${ok ? 'met' : withinLimit ? 'MISSED (within the CI limit)' : 'MISSED, over the CI limit'} |`,
  );
}

if (!sizeOnly) {
  // Timing is printed, never asserted: the browser test measures it in Debian's Chromium.
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'vitest.browser.config.ts',
      '--project',
      'chromium-tests',
      'tests/browser/StepUp.focus.browser.test.tsx',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  const line = /step-up click → focused code input: [^\n]*/.exec(`${run.stdout}${run.stderr}`);
  if (line) console.log(`\nChromium ${line[0]}`);
  else
    console.log(
      `\nstep-up latency not measured: the browser test said\n${`${run.stdout}${run.stderr}`.slice(-2000)}`,
    );
}
if (goals.some((goal) => !goal.withinLimit)) process.exit(1);
