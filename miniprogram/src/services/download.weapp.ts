import Taro from '@tarojs/taro';
import type { ExportFormat } from '@shared/schemas/export';
import { ApiError } from './api';
import { apiBase } from './base';
import { readToken } from './token';

export const OFFERED_FORMATS: readonly ExportFormat[] = ['xlsx'];

const queryString = (query: Record<string, string | undefined>) =>
  Object.entries(query)
    .filter((e): e is [string, string] => !!e[1])
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');

/** A refused download saved the API's error envelope as the file: its message says why. */
function refusal(filePath: string, status: number): ApiError {
  try {
    const text = Taro.getFileSystemManager().readFileSync(filePath, 'utf8') as string;
    const body = JSON.parse(text) as { error?: { code: string; message: string } };
    if (body.error) return new ApiError(status, body.error.code, body.error.message);
  } catch {
    // Not an envelope: say what the status says.
  }
  return new ApiError(status, 'http_error', `导出失败（${status}）`);
}

// WeChat: download to a temporary file (the API's domain must be in the downloadFile whitelist) and open it in the viewer, whose menu forwards or saves it.
export async function downloadFile(path: string, query: Record<string, string | undefined>, _fallbackName: string): Promise<void> {
  const token = readToken();
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url: `${apiBase()}${path}?${queryString(query)}`, header: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  if (result.statusCode !== 200) throw refusal(result.tempFilePath, result.statusCode);
  await Taro.openDocument({ filePath: result.tempFilePath, fileType: 'xlsx', showMenu: true });
}
