// The app:// protocol: the built renderer and the offline image store, each with its policy.
// Pages come from here rather than file:// so that they have an origin of their own, a CSP
// header, and no access to the rest of the disk. Kept free of `electron` so tests can call it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, IMAGE_CONTENT_SECURITY_POLICY, contentTypeFor, isImageName } from '../web/server';
import { APP_HOST, APP_SCHEME } from './channels';

export interface AppProtocolOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** `<dataDir>/images`: the offline copies of feed images. */
  imagesDir: string;
}

export type ProtocolHandler = (request: Request) => Promise<Response>;

function refuse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY },
  });
}

async function fileResponse(filePath: string, headers: Record<string, string>): Promise<Response> {
  try {
    const bytes = await readFile(filePath);
    return new Response(bytes, { status: 200, headers: { 'content-type': contentTypeFor(filePath), 'x-content-type-options': 'nosniff', ...headers } });
  } catch {
    return refuse(404, 'Not found');
  }
}

export function createAppProtocolHandler(options: AppProtocolOptions): ProtocolHandler {
  const rendererDir = path.resolve(options.rendererDir);
  const imagesDir = path.resolve(options.imagesDir);
  return async (request) => {
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return refuse(400, 'Bad path');
    }
    if (pathname.startsWith('/images/')) {
      const name = pathname.slice('/images/'.length);
      if (!isImageName(name)) return refuse(400, 'Bad image name');
      return fileResponse(path.join(imagesDir, name), { 'content-security-policy': IMAGE_CONTENT_SECURITY_POLICY });
    }
    const filePath = path.resolve(rendererDir, '.' + (pathname === '/' ? '/index.html' : pathname));
    if (!filePath.startsWith(rendererDir + path.sep)) return refuse(403, 'Forbidden');
    return fileResponse(filePath, { 'content-security-policy': CONTENT_SECURITY_POLICY });
  };
}
