/**
 * Element builders that only ever set text and plain attributes: every name and
 * label comes from YAML the user may not trust, so nothing here parses HTML
 * (no innerHTML, no insertAdjacentHTML) and event-handler attributes are refused.
 */

export interface ElementProps {
  readonly className?: string;
  readonly text?: string;
  readonly title?: string;
  readonly attrs?: Readonly<Record<string, string>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, children: readonly (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  if (props.title !== undefined) element.title = props.title;
  setAttributes(element, props.attrs);
  for (const child of children) element.append(child);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | number>> = {}, children: readonly (Node | string)[] = []): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, String(v)])));
  for (const child of children) element.append(child);
  return element;
}

function setAttributes(element: Element, attrs: Readonly<Record<string, string>> | undefined): void {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    // Styles come from panel.css and CSSOM; handlers from addEventListener.
    if (/^on/i.test(name) || name.toLowerCase() === 'style') throw new Error(`refusing attribute ${name}`);
    element.setAttribute(name, value);
  }
}

/** A codicon glyph; decorative, so screen readers skip it. */
export function icon(name: string, extra = ''): HTMLSpanElement {
  return h('span', { className: `codicon codicon-${name}${extra ? ` ${extra}` : ''}`, attrs: { 'aria-hidden': 'true' } });
}

/** A button that looks like a link and says where it goes. */
export function linkButton(text: string, title: string, onClick: () => void): HTMLButtonElement {
  const button = h('button', { className: 'link', text, title, attrs: { type: 'button' } });
  button.addEventListener('click', onClick);
  return button;
}

export function clear(element: Element): void {
  element.replaceChildren();
}
