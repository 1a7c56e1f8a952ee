import type { ClassifierItemDto } from "@bailanys/common/api/reference";

export interface ClassifierOption {
  value: string;
  label: string;
  depth: number;
}

/** The classifier as a flat list in tree order ("code — name"), each with its depth for indentation. */
export function classifierOptions(items: ClassifierItemDto[], name: (item: ClassifierItemDto) => string, activeOnly = true): ClassifierOption[] {
  const visible = activeOnly ? items.filter((item) => item.active) : items;
  const ids = new Set(visible.map((item) => item.id));
  const children = new Map<string | null, ClassifierItemDto[]>();
  for (const item of visible) {
    // An item whose parent is hidden (inactive) is shown at the top rather than lost.
    const parent = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(item);
    children.set(parent, list);
  }
  const result: ClassifierOption[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
    for (const item of list) {
      if (seen.has(item.id)) {
        continue;
      }
      seen.add(item.id);
      result.push({ value: item.id, label: `${item.code} — ${name(item)}`, depth });
      walk(item.id, depth + 1);
    }
  };
  walk(null, 0);
  return result;
}
