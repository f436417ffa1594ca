import type { APIRequestContext, APIResponse, Page, Request } from '@playwright/test';

/** A server action request (a POST with a Next-Action header), as a page sent it. */
export interface CapturedAction {
  url: string;
  nextAction: string;
  routerStateTree: string;
  contentType: string;
  body: string;
}

/** The next server action request the page sends to a matching URL. */
export function captureAction(page: Page, matches: (url: URL) => boolean): Promise<CapturedAction> {
  return new Promise((resolve) => {
    const onRequest = (request: Request) => {
      const headers = request.headers();
      if (request.method() !== 'POST' || !headers['next-action'] || !matches(new URL(request.url()))) return;
      page.off('request', onRequest);
      resolve({
        url: request.url(),
        nextAction: headers['next-action'],
        routerStateTree: headers['next-router-state-tree'] ?? '',
        contentType: headers['content-type'] ?? '',
        body: request.postData() ?? '',
      });
    };
    page.on('request', onRequest);
  });
}

/** Does `act` on the page and returns the server action request it sent to this path. */
export async function actionSentBy(page: Page, pathname: string, act: () => Promise<unknown>): Promise<CapturedAction> {
  const captured = captureAction(page, (url) => url.pathname === pathname);
  await act();
  return captured;
}

/** Sends a captured server action request again, as this API context, with another body. */
export function replay(
  api: APIRequestContext,
  action: CapturedAction,
  body: string,
  origin?: string,
): Promise<APIResponse> {
  return api.post(action.url, {
    headers: {
      'next-action': action.nextAction,
      'next-router-state-tree': action.routerStateTree,
      'content-type': action.contentType,
      accept: 'text/x-component',
      origin: origin ?? new URL(action.url).origin,
    },
    data: body,
    maxRedirects: 0,
  });
}

/** `text` with every `from` replaced by `to`. */
export const swap = (text: string, from: string, to: string) => text.split(from).join(to);
