// The ingest-server package folder, found alike from the TypeScript sources (src/…, under tsx or jest) and from the built
// server (dist/server.cjs, one file): the nearest folder above this module holding a package.json. What the server serves
// from disk (the console and add-in bundles) is found from it, never from this module's own depth.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const packageDir = (from: string): string => {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
};

export const SERVER_DIR = packageDir(__dirname);
