import type { ExportFormat } from '@shared/schemas/export';
import { ApiError } from './api';
import { apiBase } from './base';
import { readToken } from './token';

export const OFFERED_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv'];

const queryString = (query: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1])).toString();

/** The name the API gave the file (RFC 5987's filename* first). */
function fileName(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // A name that does not decode is no name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

// The file needs the bearer token, which a plain link cannot carry: fetched, then saved from a blob address.
export async function downloadFile(path: string, query: Record<string, string | undefined>, fallbackName: string): Promise<void> {
  const token = readToken();
  let res: Response;
  try {
    res = await fetch(`${apiBase()}${path}?${queryString(query)}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? `导出失败（${res.status}）`);
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(res.headers.get('Content-Disposition'), fallbackName);
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next turn; the address would otherwise hold it in memory.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
