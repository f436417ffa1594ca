// Adds up every runner's results into one line: "N passed, N failed".
// Each argument is `label=path`: a vitest or Playwright JSON report, or a `.status` file holding
// the exit code of a check that is one test (typecheck, lint, drizzle-kit check). A missing report counts as 1 failed.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];

for (const arg of process.argv.slice(2)) {
  const [label, file] = arg.split('=');
  let p = 0;
  let f = 0;
  let s = 0;
  try {
    if (file.endsWith('.status')) {
      const code = Number(fs.readFileSync(file, 'utf8').trim());
      if (code === 0) p = 1;
      else f = 1;
    } else {
      const report = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (report.stats) {
        // Playwright
        p = report.stats.expected + report.stats.flaky;
        f = report.stats.unexpected;
        s = report.stats.skipped;
        if (report.errors?.length) f += report.errors.length;
      } else {
        // vitest
        p = report.numPassedTests;
        f = report.numFailedTests + (report.success === false && report.numFailedTests === 0 ? 1 : 0);
        s = report.numPendingTests + report.numTodoTests;
      }
    }
  } catch {
    f = 1; // the runner did not finish: it produced no report
  }
  passed += p;
  failed += f;
  skipped += s;
  rows.push(
    `  ${label.padEnd(24)} ${String(p).padStart(4)} passed ${String(f).padStart(4)} failed${s ? ` ${s} skipped` : ''}`,
  );
}

console.log('\nResults by runner:');
console.log(rows.join('\n'));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
