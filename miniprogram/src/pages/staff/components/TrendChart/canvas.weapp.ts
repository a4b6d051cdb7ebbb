import Taro from '@tarojs/taro';

// The mini-program: the canvas node (2d) and its size from one selector query.
export function canvasNode(id: string) {
  return new Promise<{ node: any; width: number; height: number } | null>((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res) => {
        const r = res?.[0];
        resolve(r?.node && r.width ? { node: r.node, width: r.width, height: r.height } : null);
      });
  });
}
