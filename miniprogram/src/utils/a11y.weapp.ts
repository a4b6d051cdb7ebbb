// Screen-reader roles and names for tappable views, in the form each platform reads.
// weapp: the components' own aria-role / aria-label attributes.
export function button(label?: string) {
  return { ariaRole: 'button', ...(label ? { ariaLabel: label } : {}) };
}

export function link(label?: string) {
  return { ariaRole: 'link', ...(label ? { ariaLabel: label } : {}) };
}

/** A view that only decorates (an icon glyph, a chevron): hidden from screen readers. */
export function hidden() {
  return { ariaHidden: true };
}

export function heading(_level = 2) {
  return { ariaRole: 'heading' };
}

export function tab(selected: boolean) {
  return { ariaRole: 'tab', ariaSelected: selected };
}

export function toggle(checked: boolean, label: string) {
  return { ariaRole: 'switch', ariaChecked: checked, ariaLabel: label };
}

/** A chip that is chosen or not (问题类别, 来源渠道). */
export function choice(selected: boolean) {
  return { ariaRole: 'button', ariaPressed: selected };
}

export function checkbox(checked: boolean) {
  return { ariaRole: 'checkbox', ariaChecked: checked };
}
