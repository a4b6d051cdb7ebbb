import Taro from '@tarojs/taro';
import type { ImageFile } from './image-file';

// From the album or the camera, uncompressed where WeChat allows: a 图解 is read for its small print.
export async function pickImage(): Promise<ImageFile | null> {
  let picked: Taro.chooseMedia.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['original'] });
  } catch {
    return null; // cancelled
  }
  const file = picked.tempFiles[0];
  if (!file) return null;
  const bytes = Taro.getFileSystemManager().readFileSync(file.tempFilePath) as ArrayBuffer;
  const name = file.tempFilePath.split('/').pop() ?? 'image.jpg';
  return { name, bytes, type: /\.png$/i.test(name) ? 'image/png' : 'image/jpeg', preview: file.tempFilePath };
}
