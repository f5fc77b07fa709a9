// Prints the slowest test files, then "N passed, N failed, N skipped" as the last line: the
// summary CI reads (Vitest's own summary is not a line CI recognises). The timings keep the
// suite's cost visible as it grows (CI runs it twice and must stay under 15 minutes).
import type { Reporter, TestModule } from 'vitest/node';

const SLOWEST = 12;

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown> = []): void {
    let passed = 0, failed = 0, skipped = 0;
    for (const mod of modules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // a file that failed outside its tests (import, beforeAll) counts as a failure of its own
      if (mod.state() === 'failed' && ![...mod.children.allTests()].some((t) => t.result().state === 'failed')) failed++;
    }
    // an error outside any test (an uncaught exception, say) fails the run: count it
    failed += unhandledErrors.length;
    const timed = modules.map((m) => ({ file: m.relativeModuleId, ms: m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms);
    const total = timed.reduce((sum, t) => sum + t.ms, 0);
    process.stdout.write(`\nslowest test files (of ${timed.length}, ${(total / 1000).toFixed(0)} s in all, two at a time):\n`);
    for (const t of timed.slice(0, SLOWEST)) process.stdout.write(`  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.file}\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
