import Taro from '@tarojs/taro';
import type { ApiErrorBody } from '@shared/schemas/common';
import { apiBase } from './base';
import { readToken } from './token';

export type Issue = { path: string; message: string };

/** Every failed call ends here: the envelope's code/message/issues, or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: Issue[];

  constructor(status: number, code: string, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }

  /** Issues keyed by their first path segment, first message wins (for form fields). */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.issues) {
      const key = issue.path || '_';
      if (!(key in out)) out[key] = issue.message;
    }
    return out;
  }
}

/** Lets a caller drop a request it no longer needs (e.g. a stale search suggestion). */
export class Cancel {
  cancelled = false;
  private abortTask?: () => void;

  cancel(): void {
    this.cancelled = true;
    this.abortTask?.();
  }

  /** @internal */
  attach(abort: () => void): void {
    this.abortTask = abort;
  }
}

export const CANCELLED = 'cancelled';

type QueryValue = string | number | boolean | null | undefined;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Send `body` (a string) as it is, with this Content-Type, instead of as JSON. */
  contentType?: string;
  /** Send the stored token (default: send it whenever there is one). */
  auth?: boolean;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
  cancel?: Cancel;
};

const TIMEOUT_MS = 15000;

/** What Taro hands back before we know its shape. */
type RawBody = string | Record<string, unknown> | ArrayBuffer;

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function isErrorBody(data: unknown): data is ApiErrorBody {
  if (typeof data !== 'object' || data === null || !('error' in data)) return false;
  const error = (data as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

function fallbackMessage(status: number): string {
  if (status >= 500) return '服务暂时不可用，请稍后再试';
  if (status === 404) return '没有找到相关内容';
  if (status === 401) return '请先登录';
  if (status === 403) return '没有权限进行此操作';
  return `请求失败（${status}）`;
}

/** The one way the app talks to the API (the weapp runtime has no fetch). */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const header: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) header['Content-Type'] = options.contentType ?? 'application/json';
  const token = options.auth === false ? null : readToken();
  if (token) header.Authorization = `Bearer ${token}`;

  if (options.cancel?.cancelled) throw new ApiError(0, CANCELLED, '请求已取消');

  let response: Taro.request.SuccessCallbackResult<RawBody>;
  try {
    const task = Taro.request<RawBody>({
      url: `${apiBase()}${path}${queryString(options.query)}`,
      method,
      header,
      data: options.body === undefined || options.contentType ? options.body : JSON.stringify(options.body),
      dataType: 'json',
      timeout: TIMEOUT_MS,
    });
    options.cancel?.attach(() => task.abort?.());
    response = await task;
  } catch {
    if (options.cancel?.cancelled) throw new ApiError(0, CANCELLED, '请求已取消');
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  if (options.cancel?.cancelled) throw new ApiError(0, CANCELLED, '请求已取消');

  const { statusCode, data } = response;
  if (statusCode === 204) return undefined as T;
  if (statusCode >= 200 && statusCode < 300) {
    // A body cut off on the way (a weak signal, a page left mid-answer) reads as null in H5 and as
    // the raw text in WeChat: that is a failed request, never an answer of nothing.
    if (data === null || data === undefined || typeof data === 'string') throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
    return data as T;
  }
  if (isErrorBody(data)) {
    throw new ApiError(statusCode, data.error.code, data.error.message, data.error.issues ?? []);
  }
  throw new ApiError(statusCode, 'http_error', fallbackMessage(statusCode));
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body: body ?? {} }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: (path: string, options?: Omit<RequestOptions, 'body'>) => request<unknown>('DELETE', path, options),
};

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '出了点问题，请稍后再试';
}
