// Runs the test files longest first, so both jest workers stay busy to the end of the run. Jest knows each file's last
// duration from its own cache, which a fresh clone (CI) does not have: it then starts the largest files first by bytes,
// and the 3-minute files could start last. Here a file jest has not timed yet takes its seconds from the committed list
// test/support/test-durations.json (written by `npx tsx bench/test-durations.ts run.json --write`); a file in neither
// (a new one) runs first, as jest does with untimed files.
const { readFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = join(__dirname, '..', '..');
const DURATIONS = join(__dirname, 'test-durations.json');

const committed = (() => {
  try {
    return JSON.parse(readFileSync(DURATIONS, 'utf8'));
  } catch {
    return {};
  }
})();

class DurationSequencer extends Sequencer {
  time(test) {
    const cached = super.time(test);
    if (cached !== undefined) return cached;
    const seconds = committed[relative(ROOT, test.path).split('\\').join('/')];
    // jest's cache holds milliseconds
    return typeof seconds === 'number' ? seconds * 1000 : undefined;
  }
}

module.exports = DurationSequencer;
