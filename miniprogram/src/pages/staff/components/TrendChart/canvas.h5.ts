// H5: Taro's <Canvas type="2d"> is an element holding a <canvas>; its selector query gives
// either the node or the size, never both, so the page's DOM is read directly.
export function canvasNode(id: string) {
  const host = document.getElementById(id);
  const node = host?.tagName === 'CANVAS' ? (host as HTMLCanvasElement) : host?.querySelector('canvas');
  if (!host || !node) return Promise.resolve(null);
  const { width, height } = host.getBoundingClientRect();
  return Promise.resolve(width ? { node, width, height } : null);
}
