import Taro from '@tarojs/taro';

// WeChat: download to a temporary file and open it in the built-in viewer (with 转发 and 保存 in its menu).
// The API's domain must be in the mini-program's downloadFile whitelist.
export async function openFile(url: string, name: string): Promise<void> {
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
  if (statusCode !== 200) throw new Error(`下载失败（${statusCode}）`);
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  await Taro.openDocument({ filePath: tempFilePath, showMenu: true, ...(ext ? { fileType: ext as 'pdf' } : {}) });
}
