/**
 * Errors the routes throw; the error handler (error-handler.ts) turns them into the PromptLayer
 * error body `{success:false, message, error, detail?}`.
 */
export interface ErrorDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly detail?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, detail?: ErrorDetail[], code = 'bad_request') =>
  new HttpError(400, code, message, detail);

export const validationFailed = (message: string, detail?: ErrorDetail[]) =>
  new HttpError(422, 'validation_error', message, detail);

export const notFound = (message: string, code = 'not_found') => new HttpError(404, code, message);

export const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);

export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

export const tooManyRequests = (message: string) => new HttpError(429, 'rate_limited', message);
