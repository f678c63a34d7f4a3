// The volunteer unit hierarchy of seed 003: 主管機關 (the local government itself, the root) > 目的機關 > 運用單位 >
// 志工隊 > 志工小隊. A directory built from the registry's units resolves the unit names written in import files.

export const UNIT_LEVELS = ['agency', 'operator', 'team', 'squad'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_LEVEL_LABELS: Readonly<Record<UnitLevel, string>> = {
  agency: '目的機關',
  operator: '運用單位',
  team: '志工隊',
  squad: '志工小隊',
};

export interface UnitNode {
  readonly id: number;
  /** null: directly under the 主管機關 (only 目的機關 are). */
  readonly parentId: number | null;
  readonly level: UnitLevel;
  readonly name: string;
}

/** Unit names are compared without width or spacing differences (the stored name is never rewritten). */
export const unitNameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '');

/** A path written in one cell: 「社會局 > 八德區公所」 (also ＞); segments are trimmed. */
export const splitUnitPath = (text: string): string[] =>
  text
    .normalize('NFKC')
    .split('>')
    .map((s) => s.trim())
    .filter((s) => s !== '');

export type UnitResolution = { readonly ok: true; readonly unitId: number | null } | { readonly ok: false; readonly candidates: readonly string[] };

export class UnitDirectory {
  private readonly byId = new Map<number, UnitNode>();
  private readonly children = new Map<number | null, UnitNode[]>();
  private readonly byName = new Map<string, UnitNode[]>();

  constructor(
    /** The 主管機關 (the local government's name); a file may name it as the unit of a record. */
    readonly rootName: string,
    units: readonly UnitNode[],
  ) {
    for (const u of units) this.add(u);
  }

  add(u: UnitNode): void {
    this.byId.set(u.id, u);
    const siblings = this.children.get(u.parentId) ?? [];
    siblings.push(u);
    this.children.set(u.parentId, siblings);
    const key = unitNameKey(u.name);
    this.byName.set(key, [...(this.byName.get(key) ?? []), u]);
  }

  get(id: number): UnitNode | undefined {
    return this.byId.get(id);
  }

  all(): UnitNode[] {
    return [...this.byId.values()];
  }

  childrenOf(id: number | null): readonly UnitNode[] {
    return this.children.get(id) ?? [];
  }

  child(parentId: number | null, name: string): UnitNode | undefined {
    const key = unitNameKey(name);
    return this.childrenOf(parentId).find((u) => unitNameKey(u.name) === key);
  }

  /** Names from the 目的機關 down to the unit. */
  path(id: number | null): string[] {
    const names: string[] = [];
    let current = id === null ? undefined : this.byId.get(id);
    while (current !== undefined) {
      names.unshift(current.name);
      current = current.parentId === null ? undefined : this.byId.get(current.parentId);
    }
    return names;
  }

  pathText(id: number | null): string {
    return id === null ? this.rootName : [this.rootName, ...this.path(id)].join(' > ');
  }

  /** The unit and every unit below it (null: all units). */
  subtree(id: number | null): Set<number> {
    const out = new Set<number>();
    const stack = id === null ? this.childrenOf(null).map((u) => u.id) : [id];
    while (stack.length > 0) {
      const next = stack.pop();
      if (next === undefined || out.has(next)) continue;
      out.add(next);
      for (const c of this.childrenOf(next)) stack.push(c.id);
    }
    return out;
  }

  /** Units in tree order (parents before children, siblings in the order they were created). */
  treeOrder(): UnitNode[] {
    const out: UnitNode[] = [];
    const visit = (parent: number | null): void => {
      const kids = [...this.childrenOf(parent)].sort((a, b) => a.id - b.id);
      for (const k of kids) {
        out.push(k);
        visit(k.id);
      }
    };
    visit(null);
    return out;
  }

  private matchesUpward(unit: UnitNode, ancestors: readonly string[]): boolean {
    let current: UnitNode | undefined = unit;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const want = unitNameKey(ancestors[i] ?? '');
      const parent: UnitNode | undefined = current?.parentId === null || current === undefined ? undefined : this.byId.get(current.parentId);
      // the root may open the path: 「桃園市政府 > 社會局」
      if (parent === undefined) return i === 0 && want === unitNameKey(this.rootName);
      if (unitNameKey(parent.name) !== want) return false;
      current = parent;
    }
    return true;
  }

  /** A unit named by its name or a path ending in it; the root's own name is the root (null). */
  resolve(text: string, levels: readonly UnitLevel[] = UNIT_LEVELS): UnitResolution {
    const segments = splitUnitPath(text);
    const last = segments[segments.length - 1];
    if (last === undefined) return { ok: false, candidates: [] };
    if (segments.length === 1 && unitNameKey(last) === unitNameKey(this.rootName) && levels.length === UNIT_LEVELS.length) return { ok: true, unitId: null };
    const found = (this.byName.get(unitNameKey(last)) ?? []).filter((u) => levels.includes(u.level) && this.matchesUpward(u, segments.slice(0, -1)));
    const only = found[0];
    if (found.length === 1 && only !== undefined) return { ok: true, unitId: only.id };
    return { ok: false, candidates: found.map((u) => this.pathText(u.id)) };
  }
}
