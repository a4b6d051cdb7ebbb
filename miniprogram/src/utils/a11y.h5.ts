// Screen-reader roles and names for tappable views, in the form each platform reads.
// H5: ARIA attributes, and a tab stop so a keyboard reaches it (app.ts turns Enter/Space on
// a role=button into a click).
export function button(label?: string) {
  return { role: 'button', tabIndex: 0, ...(label ? { 'aria-label': label } : {}) };
}

export function link(label?: string) {
  return { role: 'link', tabIndex: 0, ...(label ? { 'aria-label': label } : {}) };
}

/** A view that only decorates (an icon glyph, a chevron): hidden from screen readers. */
export function hidden() {
  return { 'aria-hidden': 'true' };
}

export function heading(level = 2) {
  return { role: 'heading', 'aria-level': level };
}

export function tab(selected: boolean) {
  return { role: 'tab', tabIndex: 0, 'aria-selected': selected ? 'true' : 'false' };
}

export function toggle(checked: boolean, label: string) {
  return { role: 'switch', tabIndex: 0, 'aria-checked': checked ? 'true' : 'false', 'aria-label': label };
}

/** A chip that is chosen or not (问题类别, 来源渠道). */
export function choice(selected: boolean) {
  return { role: 'button', tabIndex: 0, 'aria-pressed': selected ? 'true' : 'false' };
}

export function checkbox(checked: boolean) {
  return { role: 'checkbox', tabIndex: 0, 'aria-checked': checked ? 'true' : 'false' };
}
