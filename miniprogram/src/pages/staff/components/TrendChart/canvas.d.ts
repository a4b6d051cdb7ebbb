// A 2d canvas laid out by Taro, with its CSS size: platform files canvas.h5.ts / canvas.weapp.ts.
export type CanvasNode = {
  node: HTMLCanvasElement & {
    createImage?: () => unknown;
    requestAnimationFrame?: (cb: () => void) => number;
    cancelAnimationFrame?: (id: number) => void;
  };
  width: number;
  height: number;
};
export function canvasNode(id: string): Promise<CanvasNode | null>;
