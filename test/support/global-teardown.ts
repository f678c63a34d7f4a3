// After the last test file: the run's shared folder goes.
import { rmSync } from 'node:fs';
import { testRunDir } from './run-dir';

export default (): void => {
  const dir = testRunDir();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
};
