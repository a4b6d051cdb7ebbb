import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '../../shared/schemas/common';

const STATUS = {
  validation: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  // Well-formed, but what it holds may not be done (personal data left in a text to publish).
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  bad_gateway: 502,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;
export type ErrorCode = keyof typeof STATUS;

type Issue = { path: string; message: string };
/** The part of a zod error we report (zod 4's classic and core errors both fit). */
type ZodLikeError = { issues: { path: PropertyKey[]; message: string }[] };

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
    /** Seconds until a limited caller may try again (sent as Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
  get status(): ContentfulStatusCode {
    return STATUS[this.code];
  }
}

export const notFound = (what = '资源') => new ApiError('not_found', `${what}不存在`);
/** A unit named in the request that does not exist: a validation error on `unitId`. */
export const unknownUnit = (unitId: string) =>
  new ApiError('validation', `单位不存在：${unitId}`, [{ path: 'unitId', message: '单位不存在' }]);
export const forbidden = (message = '没有权限进行此操作') => new ApiError('forbidden', message);

export function zodIssues(error: ZodLikeError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function validationError(error: ZodLikeError, message = '请求内容不符合要求'): ApiError {
  return new ApiError('validation', message, zodIssues(error));
}

export function errorResponse(c: Context, err: ApiError): Response {
  const body: ApiErrorBody = { error: { code: err.code, message: err.message } };
  if (err.issues?.length) body.error.issues = err.issues;
  if (err.retryAfter) c.header('Retry-After', String(err.retryAfter));
  return c.json(body, err.status);
}

/** app.onError: typed errors keep their status; anything else is a 500 without internals. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof HTTPException) {
    const code: ErrorCode =
      err.status === 401 ? 'unauthorized' : err.status === 413 ? 'payload_too_large' : 'bad_request';
    return errorResponse(c, new ApiError(code, err.message || '请求无法处理'));
  }
  console.error('unhandled', err);
  return errorResponse(c, new ApiError('internal', '服务器内部错误，请稍后再试'));
}
