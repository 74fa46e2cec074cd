export type Child = Node | string | null | undefined | false;

/**
 * Builds an element. Text from the API only ever becomes text nodes, never markup, so nothing it says can turn into
 * HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id} element.`);
  return element as T;
}

/**
 * A small coloured mark (legend, kind badge). The colour is set through the CSSOM, which a content security policy
 * without 'unsafe-inline' still allows, unlike a style attribute in markup.
 */
export function swatch(color: string, className = 'swatch'): HTMLSpanElement {
  const mark = h('span', { class: className, 'aria-hidden': 'true' });
  mark.style.backgroundColor = color;
  return mark;
}

/** The children that are there: lets a view list optional parts inline. */
export function present(...children: Child[]): (Node | string)[] {
  return children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false);
}
