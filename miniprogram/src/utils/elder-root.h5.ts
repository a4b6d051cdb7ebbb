// H5: the document root carries 长辈模式 too, so popups drawn outside the page grow with it.
export function applyElderRoot(on: boolean): void {
  if (typeof document !== 'undefined') document.documentElement.classList.toggle('zc-elder', on);
}
