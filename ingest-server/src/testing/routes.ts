// Every route an Express 5 app really registered ("get /api/filings/{id}"), found by walking the router stacks, so a test
// can tell whether each one is documented and covered.
import { type Express } from 'express';

interface RouteLike {
  readonly path: string | readonly string[];
  readonly methods: Readonly<Record<string, boolean>>;
}

interface LayerLike {
  readonly rawPath?: unknown;
  readonly route?: RouteLike;
  readonly handle?: { readonly stack?: readonly LayerLike[] };
}

const asOpenApi = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

const join = (prefix: string, path: string): string => `${prefix}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

const walk = (stack: readonly LayerLike[], prefix: string, out: string[]): void => {
  for (const layer of stack) {
    const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '';
    if (layer.route !== undefined) {
      const paths = typeof layer.route.path === 'string' ? [layer.route.path] : layer.route.path;
      for (const path of paths) {
        for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') out.push(`${method} ${asOpenApi(join(prefix, path))}`);
      }
    } else if (Array.isArray(layer.handle?.stack)) {
      walk(layer.handle.stack, join(prefix, mount), out);
    }
  }
};

export const registeredRoutes = (app: Express): readonly string[] => {
  const out: string[] = [];
  walk((app.router as unknown as { stack: readonly LayerLike[] }).stack, '', out);
  return [...new Set(out)].sort();
};
